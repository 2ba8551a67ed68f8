package vn.hocso.quiz.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.completion.control.Completions;
import vn.hocso.content.control.QuizVersions;
import vn.hocso.content.entity.AttemptPolicy;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Quiz;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Scored;
import vn.hocso.quiz.entity.Shown;
import vn.hocso.security.control.OwnerKeys;
import vn.hocso.web.control.Refusal;

/**
 * Starts and submits quiz attempts. Starting draws the questions and stores what was shown;
 * submitting scores against the version the attempt started on and stores the score exactly once.
 */
@ApplicationScoped
public class Attempts {

  /** Days start at midnight in Vietnam, whatever the server's clock zone. */
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject QuizVersions quizzes;
  @Inject AttemptStore store;
  @Inject Completions completions;

  /** A refusal to start or submit, with the HTTP status that fits and a Vietnamese message. */
  public static class Refused extends Refusal {
    public Refused(int status, String message) {
      super(status, message);
    }
  }

  /** A stored attempt with the quiz version it scores against. */
  public record Sheet(Attempt attempt, Quiz quiz, List<Shown> shown) {}

  /** Starts an attempt at the module's current quiz for the owner. */
  @Transactional
  public Sheet start(String moduleId, String ownerHash, Long learnerId) {
    return start(moduleId, ownerHash, learnerId, null);
  }

  /**
   * Starts an attempt a trainer takes the resident through on the trainer's own device (assisted
   * enrollment): the resident's attempt, answered there, marked as assisted by the trainer.
   */
  @Transactional
  public Sheet startAssisted(String moduleId, long trainerId, long residentId) {
    return start(moduleId, OwnerKeys.assisted(trainerId, residentId), residentId, trainerId);
  }

  private Sheet start(String moduleId, String ownerHash, Long learnerId, Long assistedBy) {
    Module module =
        quizzes
            .currentForAttempt(moduleId)
            .orElseThrow(() -> new Refused(404, "Không tìm thấy học phần này."));
    Quiz quiz = module.quiz();
    Instant now = Instant.now();
    checkPolicy(module, quiz.policy(), ownerHash, now);
    List<Shown> shown = QuizScorer.draw(quiz, RANDOM);
    Attempt attempt =
        new Attempt(
            newId(),
            module.id(),
            module.version(),
            ownerHash,
            learnerId,
            AttemptJson.shown(shown),
            shown.size(),
            module.passMark(),
            now,
            now.plus(Duration.ofHours(quiz.policy().openHours())));
    if (assistedBy != null) {
      attempt.assistedBy(assistedBy);
    }
    store.add(attempt);
    return new Sheet(attempt, quiz, shown);
  }

  private void checkPolicy(Module module, AttemptPolicy policy, String ownerHash, Instant now) {
    if (policy.attemptsPerDay() > 0) {
      Instant midnight = LocalDate.now(VIETNAM).atStartOfDay(VIETNAM).toInstant();
      long today = store.countStartedSince(ownerHash, module.id(), midnight);
      if (today >= policy.attemptsPerDay()) {
        throw new Refused(
            429,
            "Hôm nay bác đã làm "
                + today
                + " lượt bài kiểm tra này, đủ số lượt cho một ngày. Mai bác làm tiếp nhé.");
      }
    }
    if (policy.minutesBetween() > 0) {
      Optional<Instant> latest = store.latestStart(ownerHash, module.id());
      if (latest.isPresent()) {
        Instant allowed = latest.get().plus(Duration.ofMinutes(policy.minutesBetween()));
        if (now.isBefore(allowed)) {
          long minutes = Math.max(1, Duration.between(now, allowed).toSeconds() / 60 + 1);
          throw new Refused(
              429, "Bác nghỉ một chút nhé: khoảng " + minutes + " phút nữa bác làm lại được.");
        }
      }
    }
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
    return sheet(attempt, assistedOwner(attempt, ownerHash, callerId));
  }

  /** The attempt's own key when the caller is the trainer assisting it, else the caller's key. */
  private static String assistedOwner(Attempt attempt, String ownerHash, Long callerId) {
    if (attempt != null && callerId != null && callerId.equals(attempt.assistedBy())) {
      return attempt.ownerHash();
    }
    return ownerHash;
  }

  private static boolean validId(String attemptId) {
    return attemptId != null && attemptId.matches("[0-9a-f]{32}");
  }

  private Sheet sheet(Attempt attempt, String ownerHash) {
    if (attempt == null) {
      throw new Refused(404, "Không tìm thấy lượt làm bài này.");
    }
    if (ownerHash == null || !attempt.ownerHash().equals(ownerHash)) {
      throw new Refused(403, "Lượt làm bài này không phải của bác.");
    }
    Quiz quiz =
        quizzes
            .quiz(attempt.moduleId(), attempt.version())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No quiz recorded for " + attempt.moduleId() + "@" + attempt.version()));
    return new Sheet(attempt, quiz, AttemptJson.shown(attempt.questions()));
  }

  /**
   * Scores and stores a submission, in one transaction holding the attempt's row lock. The same
   * answers sent again (a retry, a second tab) return the stored result; different answers to a
   * submitted attempt are refused; a refused submission changes nothing.
   */
  @Transactional
  public Sheet submit(String attemptId, String ownerHash, Map<String, List<String>> answers) {
    return submit(attemptId, ownerHash, null, answers);
  }

  /** As {@link #submit(String, String, Map)}, also for the trainer assisting the attempt. */
  @Transactional
  public Sheet submit(
      String attemptId, String ownerHash, Long callerId, Map<String, List<String>> answers) {
    Attempt attempt = validId(attemptId) ? store.lock(attemptId).orElse(null) : null;
    Sheet sheet = sheet(attempt, assistedOwner(attempt, ownerHash, callerId));
    Scored scored;
    try {
      scored = QuizScorer.score(sheet.quiz(), sheet.shown(), answers, attempt.passMark());
    } catch (InvalidSubmission invalid) {
      throw new Refused(400, invalid.getMessage());
    }
    if (attempt.isSubmitted()) {
      if (!attempt.answersHash().equals(scored.answersHash())) {
        throw new Refused(
            409,
            "Lượt làm bài này đã nộp rồi, mỗi lượt chỉ nộp một lần. Kết quả đã lưu không đổi.");
      }
      return sheet;
    }
    Instant now = Instant.now();
    if (attempt.isExpired(now)) {
      throw new Refused(
          410, "Lượt làm bài này đã hết hạn nên không chấm được. Bác hãy bắt đầu một lượt mới.");
    }
    attempt.submit(
        now,
        AttemptJson.answers(scored.answers()),
        scored.answersHash(),
        scored.score(),
        scored.passed(),
        AttemptJson.results(scored.results()));
    if (scored.passed() && attempt.learnerId() != null) {
      completions.issue(pass(attempt, now));
    }
    return sheet;
  }

  private static Completions.Pass pass(Attempt attempt, Instant at) {
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
   * Gives a newly registered learner the attempts they made as a guest in this browser: each module
   * they passed then gets its completion. An attempt is claimed at most once.
   */
  @Transactional
  public int claimGuestAttempts(String guestHash, long learnerId) {
    List<Attempt> unclaimed = store.unclaimed(guestHash);
    int issued = 0;
    java.util.Set<String> passedModules = new java.util.HashSet<>();
    for (Attempt attempt : unclaimed) {
      attempt.claimFor(learnerId);
      if (Boolean.TRUE.equals(attempt.passed()) && passedModules.add(attempt.moduleId())) {
        issued += completions.issue(pass(attempt, attempt.submittedAt())).size();
      }
    }
    return issued;
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

  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
