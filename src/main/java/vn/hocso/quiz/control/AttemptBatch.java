package vn.hocso.quiz.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import vn.hocso.completion.control.Completions;
import vn.hocso.content.control.QuizVersions;
import vn.hocso.content.entity.AttemptPolicy;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Quiz;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.GroupCommit.Outcome;
import vn.hocso.quiz.control.Attempts.Refused;
import vn.hocso.quiz.control.Attempts.Sheet;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Scored;
import vn.hocso.quiz.entity.Shown;

/**
 * Starts and submits a batch of attempts in one transaction ({@link Attempts} hands it what has
 * queued up). Each job is checked and refused on its own before anything of it is written; the
 * attempts to submit are locked in one statement, in id order; the new attempts are inserted in one
 * statement and the submissions stored in another ({@link AttemptStore}), and the completions their
 * passes issue are written set by set ({@link Completions#issueAll}). Jobs are taken in the order
 * they came: a repeated submission later in the batch sees the score stored by the first.
 */
@ApplicationScoped
public class AttemptBatch {

  /** Days start at midnight in Vietnam, whatever the server's clock zone. */
  static final ZoneId VIETNAM = Dates.VIETNAM_ZONE;

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
   * Submit answers to an attempt, as its owner or as the trainer assisting it ({@code callerId}).
   */
  public record Submit(
      String attemptId, String ownerHash, Long callerId, Map<String, List<String>> answers)
      implements Job {}

  @Transactional
  public List<Outcome<Sheet>> write(List<Job> jobs) {
    Instant now = Instant.now();
    Map<String, Attempt> locked = store.lock(submittedIds(jobs));
    List<Outcome<Sheet>> outcomes = new ArrayList<>(jobs.size());
    Writes writes = new Writes();
    for (Job job : jobs) {
      try {
        outcomes.add(
            Outcome.done(
                job instanceof Start start
                    ? start(start, now, writes)
                    : submit((Submit) job, locked, now, writes)));
      } catch (Refused refused) {
        outcomes.add(Outcome.refused(refused));
      }
    }
    writes.storeStarts();
    store.submitAll(writes.submitted);
    completions.issueAll(writes.passes);
    return outcomes;
  }

  /** What a batch has to write once its jobs are checked: each kind of row in one statement. */
  private final class Writes {
    final List<Attempt> started = new ArrayList<>();
    final List<Attempt> submitted = new ArrayList<>();
    final List<Completions.Pass> passes = new ArrayList<>();

    /** Stores the starts so far: the policy queries of later starts count them. */
    void storeStarts() {
      store.addAll(started);
      started.clear();
    }
  }

  private static List<String> submittedIds(List<Job> jobs) {
    List<String> ids = new ArrayList<>();
    for (Job job : jobs) {
      if (job instanceof Submit submit && Attempts.validId(submit.attemptId())) {
        ids.add(submit.attemptId());
      }
    }
    return ids;
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
            AttemptIds.next(),
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

  private Sheet start(Start job, Instant now, Writes writes) {
    Attempt attempt = job.sheet().attempt();
    checkPolicy(attempt.moduleId(), job.policy(), attempt.ownerHash(), now, writes);
    writes.started.add(attempt);
    return job.sheet();
  }

  private void checkPolicy(
      String moduleId, AttemptPolicy policy, String ownerHash, Instant now, Writes writes) {
    if (policy.attemptsPerDay() > 0 || policy.minutesBetween() > 0) {
      writes.storeStarts();
    }
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

  /**
   * Scores and stores a submission. The same answers sent again (a retry, a second tab) return the
   * stored result; different answers to a submitted attempt are refused; a refused submission
   * changes nothing.
   */
  private Sheet submit(Submit job, Map<String, Attempt> locked, Instant now, Writes writes) {
    Attempt attempt = locked.get(job.attemptId());
    Sheet sheet = sheet(attempt, Attempts.assistedOwner(attempt, job.ownerHash(), job.callerId()));
    Scored scored;
    try {
      scored = QuizScorer.score(sheet.quiz(), sheet.shown(), job.answers(), attempt.passMark());
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
    writes.submitted.add(attempt);
    if (scored.passed() && attempt.learnerId() != null) {
      writes.passes.add(Attempts.pass(attempt, now));
    }
    return sheet;
  }

  /** The attempt with the quiz version it scores against, or a refusal if it is not the owner's. */
  Sheet sheet(Attempt attempt, String ownerHash) {
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
}
