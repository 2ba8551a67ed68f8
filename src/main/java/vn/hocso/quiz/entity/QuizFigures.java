package vn.hocso.quiz.entity;

import java.time.Instant;

/**
 * The submitted attempts at one version of a quiz, as the statistics job counted them.
 *
 * @param questionCount the questions each attempt showed
 * @param scoreSum the sum of the attempts' scores (right answers), {@code scoreSqSum} of their
 *     squares
 * @param firstAt the first submission counted, {@code lastAt} the last
 */
public record QuizFigures(
    String moduleId,
    String version,
    int questionCount,
    long attempts,
    long passed,
    long scoreSum,
    long scoreSqSum,
    Instant firstAt,
    Instant lastAt) {

  /** The mean score as a share of the questions (0 to 1); 0 without attempts. */
  public double meanShare() {
    return attempts == 0 || questionCount == 0 ? 0 : (double) scoreSum / attempts / questionCount;
  }

  /** The share of attempts that passed (0 to 1). */
  public double passShare() {
    return attempts == 0 ? 0 : (double) passed / attempts;
  }
}
