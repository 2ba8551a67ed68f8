package vn.hocso.quiz.entity;

import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One question of a quiz version over the submitted attempts that showed it, and the item analysis
 * that follows from these sums alone.
 *
 * <p>With, for each such attempt, x = 1 when it answered the question right (else 0) and t its
 * score (right answers in the whole attempt), the counters are n = {@code shown}, Σx = {@code
 * correct}, Σt = {@code scoreSum}, Σt² = {@code scoreSqSum} and Σxt = {@code correctScoreSum}. They
 * add up attempt by attempt, so a job can fold new attempts in without reading the old ones again.
 *
 * @param answered the attempts that chose something (the others left it blank)
 * @param options per option id, the attempts that chose it; for an ordering question, that put this
 *     step in its right place
 */
public record QuestionFigures(
    String questionId,
    long shown,
    long answered,
    long correct,
    long scoreSum,
    long scoreSqSum,
    long correctScoreSum,
    Map<String, Long> options) {

  /**
   * Below this many attempts a question's share and correlation say more about chance than about
   * the question: it is not flagged and its discrimination is not given.
   */
  public static final int MIN_SHOWN = 30;

  public static final double TOO_EASY_ABOVE = 0.95;
  public static final double TOO_HARD_BELOW = 0.30;

  public QuestionFigures {
    options = Map.copyOf(options);
  }

  /** The share of the attempts that showed it that answered it right (0 to 1). */
  public double correctShare() {
    return shown == 0 ? 0 : (double) correct / shown;
  }

  /** The share of the attempts that showed it that chose {@code optionId} (0 to 1). */
  public double optionShare(String optionId) {
    return shown == 0 ? 0 : (double) options.getOrDefault(optionId, 0L) / shown;
  }

  /** The share that left it blank (0 to 1). */
  public double blankShare() {
    return shown == 0 ? 0 : (double) (shown - answered) / shown;
  }

  /**
   * The discrimination index: the point-biserial correlation between answering this question right
   * and the score on the <em>rest</em> of the attempt (r = t − x), so that the question does not
   * correlate with itself, which in an 8-question quiz would add about 0.3 to every question. Empty
   * below {@link #MIN_SHOWN} attempts, or when everyone (or no one) answered it right or every
   * attempt scored the same on the rest.
   */
  public OptionalDouble discrimination() {
    if (shown < MIN_SHOWN) {
      return OptionalDouble.empty();
    }
    double n = shown;
    double sumX = correct;
    double sumR = scoreSum - correct;
    double sumRR = scoreSqSum - 2.0 * correctScoreSum + correct; // x² = x
    double sumXR = correctScoreSum - correct;
    double varianceX = n * sumX - sumX * sumX;
    double varianceR = n * sumRR - sumR * sumR;
    if (varianceX <= 0 || varianceR <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((n * sumXR - sumX * sumR) / Math.sqrt(varianceX * varianceR));
  }

  /** What an author should look at again; none below {@link #MIN_SHOWN} attempts. */
  public Set<QuestionFlag> flags() {
    Set<QuestionFlag> flags = EnumSet.noneOf(QuestionFlag.class);
    if (shown < MIN_SHOWN) {
      return flags;
    }
    if (correctShare() > TOO_EASY_ABOVE) {
      flags.add(QuestionFlag.TOO_EASY);
    }
    if (correctShare() < TOO_HARD_BELOW) {
      flags.add(QuestionFlag.TOO_HARD);
    }
    if (discrimination().orElse(0) < 0) {
      flags.add(QuestionFlag.NEGATIVE);
    }
    return flags;
  }
}
