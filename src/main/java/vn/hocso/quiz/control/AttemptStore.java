package vn.hocso.quiz.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Scored;

/** Attempts in MariaDB. */
@ApplicationScoped
public class AttemptStore {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Transactional
  public void add(Attempt attempt) {
    em.persist(attempt);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Attempt> find(String id) {
    return Optional.ofNullable(em.find(Attempt.class, id));
  }

  /**
   * Stores the score unless the attempt is already submitted or expired: one conditional update, so
   * two submissions racing (two tabs, two app instances, a retry) store exactly one.
   *
   * @return whether this call stored the score
   */
  @Transactional
  public boolean submit(
      String id, Scored scored, String answersJson, String resultsJson, Instant now) {
    return em.createNamedQuery("Attempt.submit")
            .setParameter("now", now)
            .setParameter("answers", answersJson)
            .setParameter("answersHash", scored.answersHash())
            .setParameter("score", scored.score())
            .setParameter("passed", scored.passed())
            .setParameter("results", resultsJson)
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long countStartedSince(String ownerHash, String moduleId, Instant since) {
    return em.createNamedQuery("Attempt.countStartedSince", Long.class)
        .setParameter("owner", ownerHash)
        .setParameter("moduleId", moduleId)
        .setParameter("since", since)
        .getSingleResult();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Instant> latestStart(String ownerHash, String moduleId) {
    return Optional.ofNullable(
        em.createNamedQuery("Attempt.latestStart", Instant.class)
            .setParameter("owner", ownerHash)
            .setParameter("moduleId", moduleId)
            .getSingleResult());
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Attempt> submitted(String ownerHash, String moduleId, int max) {
    return em.createNamedQuery("Attempt.submittedByOwner", Attempt.class)
        .setParameter("owner", ownerHash)
        .setParameter("moduleId", moduleId)
        .setMaxResults(max)
        .getResultList();
  }
}
