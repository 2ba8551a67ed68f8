package vn.hocso.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.ModuleVersion;

/** Keeps the list of module versions the app has served. */
@ApplicationScoped
public class ModuleVersionStore {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  /**
   * Records the module's version unless it is already recorded. Safe when several instances record
   * the same version at once: the unique key keeps one row and the first one wins.
   *
   * @return whether this call added the row
   */
  @Transactional
  public boolean record(Module module, Instant seenAt) {
    int inserted =
        em.createNativeQuery(
                "INSERT IGNORE INTO module_version"
                    + " (module_id, version, title, lesson_count, quiz_source, first_seen_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")
            .setParameter(1, module.id())
            .setParameter(2, module.version())
            .setParameter(3, module.title())
            .setParameter(4, module.lessons().size())
            .setParameter(5, module.quizSource())
            .setParameter(6, java.sql.Timestamp.from(seenAt.truncatedTo(ChronoUnit.MILLIS)))
            .executeUpdate();
    return inserted == 1;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ModuleVersion> history(String moduleId) {
    return em.createNamedQuery("ModuleVersion.findByModule", ModuleVersion.class)
        .setParameter("moduleId", moduleId)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ModuleVersion> find(String moduleId, String version) {
    return em.createNamedQuery("ModuleVersion.findOne", ModuleVersion.class)
        .setParameter("moduleId", moduleId)
        .setParameter("version", version)
        .getResultStream()
        .findFirst();
  }
}
