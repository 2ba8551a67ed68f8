package vn.hocso.quiz.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import vn.hocso.completion.control.Completions;
import vn.hocso.content.control.QuizVersions;
import vn.hocso.content.entity.AttemptPolicy;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Quiz;
import vn.hocso.platform.control.GroupCommit.Outcome;
import vn.hocso.quiz.control.Attempts.Refused;
import vn.hocso.quiz.control.Attempts.Sheet;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Scored;
import vn.hocso.quiz.entity.Shown;

/**
 * Starts and submits a batch of attempts in one transaction ({@link Attempts} hands it what has
 * queued up). Each job is checked and refused on its own before anything of it is written. A
 * submission comes scored by its request's thread ({@link Attempts#submit}); the batch stores all
 * of them in one round trip of conditional UPDATEs ({@link AttemptStore#submitAll}), reads back
 * only those it could not store (submitted meanwhile, or expired), and writes the completions the
 * passes issue set by set ({@link Completions#issueAll}). Jobs are taken in the order they came: a
 * repeated submission later in the batch sees the score stored by the first.
 */
@ApplicationScoped
public class AttemptBatch {

  /** Days start at midnight in Vietnam, whatever the server's clock zone. */
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Makes attempt ids, which must be unguessable. */
  private static final SecureRandom IDS = new SecureRandom();

  @Inject QuizVersions quizzes;
  @Inject AttemptStore store;
  @Inject Completions completions;

  /** What a request asks of the batch. */
  public sealed interface Job permits Start, Submit {}

  /**
   * Store an attempt drawn by {@link #draw}, unless the module's attempt policy allows no attempt
   * now.
   */
  public record Start(Sheet sheet, AttemptPolicy policy) implements Job {}

  /**
   * Store a submission scored on its request's thread: the attempt as the request read it (open
   * then) and its scored answers.
   */
  public record Submit(Sheet sheet, Scored scored) implements Job {}

  /**
   * The answers scored against the quiz version the attempt was started on, or a refusal if they
   * name questions or options it did not show.
   */
  static Scored score(Sheet sheet, Map<String, List<String>> answers) {
    try {
      return QuizScorer.score(sheet.quiz(), sheet.shown(), answers, sheet.attempt().passMark());
    } catch (InvalidSubmission invalid) {
      throw new Refused(400, invalid.getMessage());
    }
  }

  /** A submission to an attempt already submitted: the stored result if it is the same one. */
  static Sheet resubmitted(Sheet stored, Scored scored) {
    if (!stored.attempt().answersHash().equals(scored.answersHash())) {
      throw new Refused(
          409, "Lượt làm bài này đã nộp rồi, mỗi lượt chỉ nộp một lần. Kết quả đã lưu không đổi.");
    }
    return stored;
  }

  @Transactional
  public List<Outcome<Sheet>> write(List<Job> jobs) {
    Instant now = Instant.now();
    List<Submit> submits = new ArrayList<>();
    List<AttemptStore.Submission> submissions = new ArrayList<>();
    for (Job job : jobs) {
      if (job instanceof Submit submit) {
        submits.add(submit);
        submissions.add(submission(submit, now));
      }
    }
    boolean[] stored = store.submitAll(submissions, now);
    Set<String> unstored = new HashSet<>();
    for (int i = 0; i < stored.length; i++) {
      if (!stored[i]) {
        unstored.add(submissions.get(i).attemptId());
      }
    }
    Map<String, Attempt> current = store.current(unstored);
    List<Outcome<Sheet>> outcomes = new ArrayList<>(jobs.size());
    List<Completions.Pass> passes = new ArrayList<>();
    int next = 0;
    for (Job job : jobs) {
      try {
        if (job instanceof Start start) {
          outcomes.add(Outcome.done(start(start, now)));
        } else {
          Submit submit = (Submit) job;
          AttemptStore.Submission submission = submissions.get(next);
          outcomes.add(
              Outcome.done(
                  stored[next++]
                      ? submitted(submit, submission, passes)
                      : notStored(submit, current.get(submission.attemptId()), now)));
        }
      } catch (Refused refused) {
        outcomes.add(Outcome.refused(refused));
      }
    }
    completions.issueAll(passes);
    return outcomes;
  }

  private static AttemptStore.Submission submission(Submit submit, Instant now) {
    Scored scored = submit.scored();
    return new AttemptStore.Submission(
        submit.sheet().attempt().id(),
        now,
        AttemptJson.answers(scored.answers()),
        scored.answersHash(),
        scored.score(),
        scored.passed(),
        AttemptJson.results(scored.results()));
  }

  /** A submission this batch stored: the attempt as stored, and the pass it makes, if any. */
  private static Sheet submitted(
      Submit submit, AttemptStore.Submission submission, List<Completions.Pass> passes) {
    Attempt attempt =
        submit
            .sheet()
            .attempt()
            .submitted(
                submission.at(),
                submission.answers(),
                submission.answersHash(),
                submission.score(),
                submission.passed(),
                submission.results());
    if (submission.passed() && attempt.learnerId() != null) {
      passes.add(Attempts.pass(attempt, submission.at()));
    }
    return new Sheet(attempt, submit.sheet().quiz(), submit.sheet().shown());
  }

  /**
   * A submission the batch could not store: its attempt was submitted meanwhile (by an earlier job
   * of this batch or by another transaction), or it expired.
   */
  private static Sheet notStored(Submit submit, Attempt current, Instant now) {
    if (current == null) {
      throw new Refused(404, "Không tìm thấy lượt làm bài này.");
    }
    if (current.isSubmitted()) {
      Sheet asRead = submit.sheet();
      return resubmitted(new Sheet(current, asRead.quiz(), asRead.shown()), submit.scored());
    }
    if (current.isExpired(now)) {
      throw new Refused(
          410, "Lượt làm bài này đã hết hạn nên không chấm được. Bác hãy bắt đầu một lượt mới.");
    }
    throw new IllegalStateException("attempt " + current.id() + " is open but was not stored");
  }

  /**
   * Draws a new attempt at the module's current quiz, not yet stored: the request's own thread does
   * this work, the batch only checks the policy and stores it. {@code assistedBy} is the trainer
   * who takes the learner through it, if any.
   */
  public Start draw(String moduleId, String ownerHash, Long learnerId, Long assistedBy) {
    Module module =
        quizzes
            .currentForAttempt(moduleId)
            .orElseThrow(() -> new Refused(404, "Không tìm thấy học phần này."));
    Quiz quiz = module.quiz();
    Instant now = Instant.now();
    // The draw and the shuffles need no secret: the order shown tells nothing of the answer key.
    // A SecureRandom here took a lock shared by every request about fifty times per start (one
    // per number drawn); under 64 clients a fifth of the request threads waited on it.
    List<Shown> shown = QuizScorer.draw(quiz, ThreadLocalRandom.current());
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
    return new Start(new Sheet(attempt, quiz, shown), quiz.policy());
  }

  private Sheet start(Start job, Instant now) {
    Attempt attempt = job.sheet().attempt();
    checkPolicy(attempt.moduleId(), job.policy(), attempt.ownerHash(), now);
    // Counted by the policy queries of later starts in this batch: they flush it first.
    store.add(attempt);
    return job.sheet();
  }

  private void checkPolicy(String moduleId, AttemptPolicy policy, String ownerHash, Instant now) {
    if (policy.attemptsPerDay() > 0) {
      Instant midnight = LocalDate.now(VIETNAM).atStartOfDay(VIETNAM).toInstant();
      long today = store.countStartedSince(ownerHash, moduleId, midnight);
      if (today >= policy.attemptsPerDay()) {
        throw new Refused(
            429,
            "Hôm nay bác đã làm "
                + today
                + " lượt bài kiểm tra này, đủ số lượt cho một ngày. Mai bác làm tiếp nhé.");
      }
    }
    if (policy.minutesBetween() > 0) {
      Optional<Instant> latest = store.latestStart(ownerHash, moduleId);
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

  /** The attempt with the quiz version it scores against, or a refusal if it is not the owner's. */
  Sheet sheet(Attempt attempt, String ownerHash) {
    if (attempt == null) {
      throw new Refused(404, "Không tìm thấy lượt làm bài này.");
    }
    checkOwner(attempt, ownerHash);
    Quiz quiz =
        quizzes
            .quiz(attempt.moduleId(), attempt.version())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No quiz recorded for " + attempt.moduleId() + "@" + attempt.version()));
    return new Sheet(attempt, quiz, AttemptJson.shown(attempt.questions()));
  }

  /** The sheet of an attempt as it was started, or a refusal if it is not the owner's. */
  Sheet owned(Sheet started, String ownerHash) {
    checkOwner(started.attempt(), ownerHash);
    return started;
  }

  private static void checkOwner(Attempt attempt, String ownerHash) {
    if (ownerHash == null || !attempt.ownerHash().equals(ownerHash)) {
      throw new Refused(403, "Lượt làm bài này không phải của bác.");
    }
  }

  private static String newId() {
    byte[] bytes = new byte[16];
    IDS.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
