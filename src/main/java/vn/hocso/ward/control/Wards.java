package vn.hocso.ward.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.hocso.platform.control.VietnameseOrder;
import vn.hocso.ward.entity.Ward;

/** The ward list. */
@ApplicationScoped
public class Wards {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  /** Every ward, by name in the order of the Vietnamese alphabet. */
  public List<Ward> all() {
    List<Ward> all = new ArrayList<>(em.createNamedQuery("Ward.all", Ward.class).getResultList());
    all.sort(Comparator.comparing(Ward::name, VietnameseOrder.NAMES));
    return all;
  }

  public Optional<Ward> find(long id) {
    return Optional.ofNullable(em.find(Ward.class, id));
  }

  /** The ward an address names: its official code, or "tam-{id}" while it has none. */
  public Optional<Ward> byKey(String key) {
    if (key == null || key.length() > 20) {
      return Optional.empty();
    }
    if (key.startsWith(Ward.PROVISIONAL_KEY)) {
      String id = key.substring(Ward.PROVISIONAL_KEY.length());
      if (!id.matches("[1-9][0-9]{0,15}")) {
        return Optional.empty();
      }
      return find(Long.parseLong(id)).filter(ward -> ward.code() == null);
    }
    return em.createNamedQuery("Ward.byCode", Ward.class)
        .setParameter("code", key)
        .getResultStream()
        .findFirst();
  }
}
