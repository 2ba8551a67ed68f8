package vn.hocso.quiz.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.platform.control.Sql;
import vn.hocso.quiz.entity.Attempt;

/**
 * Attempts in MariaDB. Its methods run in the caller's transaction: {@link AttemptBatch} starts one
 * per batch of starts and submissions.
 */
@ApplicationScoped
public class AttemptStore {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  public void add(Attempt attempt) {
    em.persist(attempt);
  }

  public Optional<Attempt> find(String id) {
    return Optional.ofNullable(em.find(Attempt.class, id));
  }

  /**
   * The attempts of these ids that exist, by id, with their rows locked until the caller's
   * transaction ends: two submissions racing (two tabs, two app instances, a retry) take turns, and
   * the second sees the first one's score. The rows are locked in id order, as every batch locks
   * them, so two batches wait for one another instead of deadlocking.
   */
  public Map<String, Attempt> lock(List<String> ids) {
    Map<String, Attempt> locked = new HashMap<>();
    if (ids.isEmpty()) {
      return locked;
    }
    // Written in SQL: EclipseLink builds and prints the SQL of a JPQL query or a find that takes
    // a pessimistic lock again on every call (seen in profiles of the quiz benchmark).
    Query query =
        em.createNativeQuery(
            "SELECT id, module_id, version, owner_hash, learner_id, questions, question_count,"
                + " pass_mark, started_at, expires_at, submitted_at, answers, answers_hash, score,"
                + " passed, results, assisted_by FROM quiz_attempt WHERE id IN ("
                + Sql.placeholders(ids.size())
                + ") ORDER BY id FOR UPDATE",
            Attempt.class);
    Sql.bind(query, ids, 1);
    for (Object row : query.getResultList()) {
      Attempt attempt = (Attempt) row;
      locked.put(attempt.id(), attempt);
    }
    return locked;
  }

  /** A guest's submitted attempts no learner has claimed yet, best score first. */
  public List<Attempt> unclaimed(String ownerHash) {
    return em.createNamedQuery("Attempt.unclaimed", Attempt.class)
        .setParameter("owner", ownerHash)
        .getResultList();
  }

  public long countStartedSince(String ownerHash, String moduleId, Instant since) {
    return em.createNamedQuery("Attempt.countStartedSince", Long.class)
        .setParameter("owner", ownerHash)
        .setParameter("moduleId", moduleId)
        .setParameter("since", since)
        .getSingleResult();
  }

  public Optional<Instant> latestStart(String ownerHash, String moduleId) {
    return Optional.ofNullable(
        em.createNamedQuery("Attempt.latestStart", Instant.class)
            .setParameter("owner", ownerHash)
            .setParameter("moduleId", moduleId)
            .getSingleResult());
  }

  public List<Attempt> submitted(String ownerHash, String moduleId, int max) {
    return em.createNamedQuery("Attempt.submittedByOwner", Attempt.class)
        .setParameter("owner", ownerHash)
        .setParameter("moduleId", moduleId)
        .setMaxResults(max)
        .getResultList();
  }
}
