package vn.hocso.quiz.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.hocso.quiz.entity.Attempt;

/**
 * Attempts in MariaDB. Its methods run in the caller's transaction ({@link Attempts} starts one per
 * start and per submission): one connection and one commit per request.
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
   * The attempt, with its row locked until the caller's transaction ends: two submissions racing
   * (two tabs, two app instances, a retry) take turns, and the second sees the first one's score.
   */
  public Optional<Attempt> lock(String id) {
    List<Attempt> locked =
        em.createNamedQuery("Attempt.lock", Attempt.class).setParameter(1, id).getResultList();
    return locked.stream().findFirst();
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
