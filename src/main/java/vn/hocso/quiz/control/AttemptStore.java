package vn.hocso.quiz.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
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

  /** A scored submission to store: the submission columns of its attempt's row. */
  public record Submission(
      String attemptId,
      Instant at,
      String answers,
      String answersHash,
      int score,
      boolean passed,
      String results) {}

  private static final String SUBMIT =
      "UPDATE quiz_attempt SET submitted_at = ?, answers = ?, answers_hash = ?, score = ?,"
          + " passed = ?, results = ? WHERE id = ? AND submitted_at IS NULL AND expires_at > ?";

  /**
   * Stores each submission whose attempt is still open at {@code now} (not submitted, not expired),
   * in the caller's transaction, and tells which it stored. One conditional UPDATE per submission,
   * sent together as one JDBC batch (one round trip): the condition is what makes a submission
   * count once. Two submissions racing for one attempt (two tabs, two app instances, a retry) both
   * reach its row; InnoDB lets one update it and makes the other wait for that transaction, then
   * re-reads the row, finds it submitted and updates nothing. Rows are updated in attempt id order,
   * as every batch updates them, so two batches wait for one another instead of deadlocking; a
   * second submission of an attempt in the same call is not stored.
   *
   * @return for each submission, in the order given, whether this call stored it
   */
  public boolean[] submitAll(List<Submission> submissions, Instant now) {
    boolean[] stored = new boolean[submissions.size()];
    if (submissions.isEmpty()) {
      return stored;
    }
    Integer[] order = new Integer[submissions.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Stable: of two submissions of one attempt, the one that came first is the one stored.
    Arrays.sort(order, Comparator.comparing(i -> submissions.get(i).attemptId()));
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement update = connection.prepareStatement(SUBMIT)) {
      Timestamp until = Timestamp.from(now);
      for (int i : order) {
        Submission submission = submissions.get(i);
        update.setTimestamp(1, Timestamp.from(submission.at()));
        update.setString(2, submission.answers());
        update.setString(3, submission.answersHash());
        update.setInt(4, submission.score());
        update.setBoolean(5, submission.passed());
        update.setString(6, submission.results());
        update.setString(7, submission.attemptId());
        update.setTimestamp(8, until);
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int k = 0; k < order.length; k++) {
        if (counts[k] < 0) {
          // Statement.SUCCESS_NO_INFO: the driver sent the batch in bulk (useBulkStmts=true in
          // the JDBC URL), which does not count rows per statement. Stop rather than guess.
          throw new IllegalStateException(
              "MariaDB Connector/J reported no update count for a submission: leave useBulkStmts"
                  + " off in the JDBC URL");
        }
        stored[order[k]] = counts[k] == 1;
      }
      return stored;
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  /**
   * The attempts of these ids as stored now, in the caller's transaction (its own changes included;
   * the isolation is READ COMMITTED, so also what other transactions committed), by id.
   */
  public Map<String, Attempt> current(Collection<String> ids) {
    Map<String, Attempt> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    Query query =
        em.createNativeQuery(
            "SELECT id, module_id, version, owner_hash, learner_id, questions, question_count,"
                + " pass_mark, started_at, expires_at, submitted_at, answers, answers_hash, score,"
                + " passed, results, assisted_by FROM quiz_attempt WHERE id IN ("
                + Sql.placeholders(ids.size())
                + ")",
            Attempt.class);
    Sql.bind(query, List.copyOf(ids), 1);
    for (Object row : query.getResultList()) {
      Attempt attempt = (Attempt) row;
      found.put(attempt.id(), attempt);
    }
    return found;
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
