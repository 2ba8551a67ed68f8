package vn.hocso.ward.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import vn.hocso.ward.entity.Ward;

/** The ward list. */
@ApplicationScoped
public class Wards {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  public List<Ward> all() {
    return em.createNamedQuery("Ward.all", Ward.class).getResultList();
  }

  public Optional<Ward> find(long id) {
    return Optional.ofNullable(em.find(Ward.class, id));
  }
}
