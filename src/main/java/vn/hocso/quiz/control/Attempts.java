package vn.hocso.quiz.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.completion.control.Completions;
import vn.hocso.content.entity.Quiz;
import vn.hocso.learner.entity.SignedIn;
import vn.hocso.platform.control.GroupCommit;
import vn.hocso.platform.control.Refusal;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Shown;
import vn.hocso.security.control.OwnerKeys;

/**
 * Starts and submits quiz attempts. Starting draws the questions and stores what was shown;
 * submitting scores against the version the attempt started on and stores the score exactly once.
 * Both go through a group commit ({@link GroupCommit}): the starts and submissions that arrive
 * together are written by {@link AttemptBatch} in one transaction, and each request is answered
 * once that transaction committed.
 */
@ApplicationScoped
public class Attempts {

  private static final Logger LOG = Logger.getLogger(Attempts.class.getName());

  @Inject AttemptStore store;
  @Inject AttemptBatch batch;
  @Inject Completions completions;

  @Resource ManagedThreadFactory threads;

  /**
   * Threads that write batches. One wrote the most per second here: more writers make smaller
   * batches, each paying its connection hand-out, commit and round trips.
   */
  @Inject
  @ConfigProperty(name = "quiz.writers", defaultValue = "1")
  int writers;

  /** The most starts and submissions one transaction takes. */
  @Inject
  @ConfigProperty(name = "quiz.batch-max", defaultValue = "128")
  int batchMax;

  private GroupCommit<AttemptBatch.Job, Sheet> commit;

  /** A refusal to start or submit, with the HTTP status that fits and a Vietnamese message. */
  public static class Refused extends Refusal {
    public Refused(int status, String message) {
      super(status, message);
    }
  }

  /** A stored attempt with the quiz version it scores against. */
  public record Sheet(Attempt attempt, Quiz quiz, List<Shown> shown) {}

  @PostConstruct
  void startWriters() {
    commit =
        new GroupCommit<>(
            "hocso-attempts",
            threads,
            writers,
            batchMax,
            10_000,
            Duration.ofSeconds(30),
            batch::write);
    LOG.info(
        () -> "Attempts are written by " + writers + " threads, up to " + batchMax + " a batch");
  }

  @PreDestroy
  void stopWriters() {
    commit.close();
  }

  /** Starts an attempt at the module's current quiz for the owner. */
  public Sheet start(String moduleId, String ownerHash, Long learnerId) {
    return commit.run(batch.draw(moduleId, ownerHash, learnerId, null));
  }

  /**
   * Starts an attempt a trainer takes the resident through on the trainer's own device (assisted
   * enrollment): the resident's attempt, answered there, marked as assisted by the trainer.
   */
  public Sheet startAssisted(String moduleId, long trainerId, long residentId) {
    return commit.run(
        batch.draw(moduleId, OwnerKeys.assisted(trainerId, residentId), residentId, trainerId));
  }

  /** The owner's attempt, or a refusal if there is none or it is someone else's. */
  public Sheet sheet(String attemptId, String ownerHash) {
    return sheet(attemptId, ownerHash, null);
  }

  /**
   * The attempt of the owner — or of the signed-in trainer who assists it — or a refusal if there
   * is none or it is someone else's.
   */
  public Sheet sheet(String attemptId, String ownerHash, Long callerId) {
    Attempt attempt = validId(attemptId) ? store.find(attemptId).orElse(null) : null;
    return batch.sheet(attempt, assistedOwner(attempt, ownerHash, callerId));
  }

  /** The attempt's own key when the caller is the trainer assisting it, else the caller's key. */
  static String assistedOwner(Attempt attempt, String ownerHash, Long callerId) {
    if (attempt != null && callerId != null && callerId.equals(attempt.assistedBy())) {
      return attempt.ownerHash();
    }
    return ownerHash;
  }

  static boolean validId(String attemptId) {
    return attemptId != null && attemptId.matches("[0-9a-f]{32}");
  }

  /**
   * Scores and stores a submission, in the transaction of its batch, holding the attempt's row
   * lock. The same answers sent again (a retry, a second tab) return the stored result; different
   * answers to a submitted attempt are refused; a refused submission changes nothing.
   */
  public Sheet submit(String attemptId, String ownerHash, Map<String, List<String>> answers) {
    return submit(attemptId, ownerHash, null, answers);
  }

  /** As {@link #submit(String, String, Map)}, also for the trainer assisting the attempt. */
  public Sheet submit(
      String attemptId, String ownerHash, Long callerId, Map<String, List<String>> answers) {
    return commit.run(new AttemptBatch.Submit(attemptId, ownerHash, callerId, answers));
  }

  static Completions.Pass pass(Attempt attempt, Instant at) {
    return new Completions.Pass(
        attempt.learnerId(),
        attempt.moduleId(),
        attempt.version(),
        attempt.score(),
        attempt.questionCount(),
        attempt.id(),
        at,
        attempt.assistedBy());
  }

  /**
   * Gives someone signing in (or registering) the attempts made as a guest in this browser, in the
   * transaction that starts their session: each module passed then gets its completion.
   */
  void claimOnSignIn(@Observes SignedIn signedIn) {
    if (signedIn.guestKey() != null) {
      claimGuestAttempts(signedIn.guestKey(), signedIn.accountId());
    }
  }

  /**
   * Gives a learner the attempts made as a guest with this key: each module they passed then gets
   * its completion. An attempt is claimed at most once.
   */
  @Transactional
  public int claimGuestAttempts(String guestHash, long learnerId) {
    List<Completions.Pass> passes = new ArrayList<>();
    for (Attempt attempt : store.unclaimed(guestHash)) {
      attempt.claimFor(learnerId);
      if (Boolean.TRUE.equals(attempt.passed())) {
        passes.add(pass(attempt, attempt.submittedAt()));
      }
    }
    // Best first: a module passed twice is completed with its best attempt.
    return completions.issueAll(passes).size();
  }

  /** Question id → chosen option ids, as stored for a submitted attempt. */
  public static Map<String, List<String>> answers(Attempt attempt) {
    return AttemptJson.answers(attempt.answers());
  }

  /** Question id → right or not, for a submitted attempt. */
  public static Map<String, Boolean> results(Attempt attempt) {
    return AttemptJson.results(attempt.results());
  }

  /** The owner's submitted attempts at a module, newest first. */
  public List<Attempt> history(String ownerHash, String moduleId) {
    return store.submitted(ownerHash, moduleId, 50);
  }
}
