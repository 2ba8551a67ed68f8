package vn.hocso.quiz.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.hocso.content.entity.Question;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Shown;

/**
 * Attempts as the API shows them. The answer key never leaves the server: questions go out without
 * correctness or explanations, which come back only with the score of a submitted attempt.
 */
public final class AttemptViews {

  private AttemptViews() {}

  @Schema(description = "An option as shown, without whether it is correct")
  public record OptionView(String id, String html) {}

  @Schema(description = "A question as shown to the resident")
  public record QuestionView(
      String id,
      @Schema(enumeration = {"single", "multiple", "true_false", "ordering", "image"}) String type,
      String text,
      @Schema(description = "Picture or scenario between the question and its options") String html,
      @Schema(description = "In the order shown; for ordering, shuffled")
          List<OptionView> options) {}

  @Schema(description = "A started attempt")
  public record StartedAttempt(String attemptId, String version, List<QuestionView> questions) {}

  @Schema(description = "How one question went")
  /** How a question was answered; {@code lessonId} is the lesson it tests, when the quiz says. */
  public record QuestionOutcome(
      String questionId, boolean correct, String explanationHtml, String lessonId) {}

  @Schema(description = "The score of a submitted attempt")
  public record AttemptResult(
      int score, int maxScore, boolean passed, List<QuestionOutcome> results) {}

  @Schema(description = "An attempt: its questions while open, its result once submitted")
  public record AttemptState(
      String attemptId,
      String moduleId,
      String version,
      @Schema(enumeration = {"open", "submitted", "expired"}) String status,
      Instant expiresAt,
      List<QuestionView> questions,
      AttemptResult result) {}

  public static List<QuestionView> questions(Attempts.Sheet sheet) {
    List<QuestionView> views = new ArrayList<>();
    for (Shown shown : sheet.shown()) {
      Question question = sheet.quiz().question(shown.questionId()).orElseThrow();
      List<OptionView> options =
          shown.optionIds().stream()
              .map(id -> new OptionView(id, question.option(id).orElseThrow().html()))
              .toList();
      views.add(
          new QuestionView(
              question.id(), question.type().apiName(), question.text(), question.html(), options));
    }
    return views;
  }

  public static AttemptResult result(Attempts.Sheet sheet) {
    Attempt attempt = sheet.attempt();
    Map<String, Boolean> correct = Attempts.results(attempt);
    List<QuestionOutcome> outcomes = new ArrayList<>();
    for (Shown shown : sheet.shown()) {
      Question question = sheet.quiz().question(shown.questionId()).orElseThrow();
      outcomes.add(
          new QuestionOutcome(
              question.id(),
              Boolean.TRUE.equals(correct.get(question.id())),
              question.explanationHtml(),
              question.lessonId()));
    }
    return new AttemptResult(
        attempt.score(), attempt.questionCount(), Boolean.TRUE.equals(attempt.passed()), outcomes);
  }
}
