package vn.hocso.quiz.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionFiguresTest {

  /** Sums as the statistics job adds them up, attempt by attempt. */
  private static QuestionFigures figures(int[] right, int[] scores) {
    long correct = 0;
    long scoreSum = 0;
    long scoreSq = 0;
    long correctScore = 0;
    for (int i = 0; i < right.length; i++) {
      correct += right[i];
      scoreSum += scores[i];
      scoreSq += (long) scores[i] * scores[i];
      correctScore += (long) right[i] * scores[i];
    }
    return new QuestionFigures(
        "q", right.length, right.length, correct, scoreSum, scoreSq, correctScore, Map.of());
  }

  /** Pearson's correlation of x with the rest of the score, from the raw values. */
  private static double pearsonWithRest(int[] x, int[] scores) {
    int n = x.length;
    double meanX = 0;
    double meanR = 0;
    for (int i = 0; i < n; i++) {
      meanX += x[i];
      meanR += scores[i] - x[i];
    }
    meanX /= n;
    meanR /= n;
    double covariance = 0;
    double varX = 0;
    double varR = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      double dr = scores[i] - x[i] - meanR;
      covariance += dx * dr;
      varX += dx * dx;
      varR += dr * dr;
    }
    return covariance / Math.sqrt(varX * varR);
  }

  @Test
  void theDiscriminationFromSumsIsPearsonsCorrelationWithTheRestOfTheScore() {
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      int n = 40 + random.nextInt(400);
      int[] right = new int[n];
      int[] scores = new int[n];
      for (int i = 0; i < n; i++) {
        double ability = random.nextGaussian();
        right[i] = random.nextDouble() < 1 / (1 + Math.exp(-ability * (round % 3 - 1))) ? 1 : 0;
        int rest = 0;
        for (int q = 0; q < 7; q++) {
          rest += random.nextDouble() < 1 / (1 + Math.exp(-ability)) ? 1 : 0;
        }
        scores[i] = rest + right[i];
      }
      assertEquals(
          pearsonWithRest(right, scores),
          figures(right, scores).discrimination().orElseThrow(),
          1e-9,
          "round " + round);
    }
  }

  @Test
  void aQuestionThatTheWeakerGetRightDiscriminatesNegativelyAndIsFlagged() {
    int n = 60;
    int[] right = new int[n];
    int[] scores = new int[n];
    for (int i = 0; i < n; i++) {
      int rest = i % 8; // 0..7 right on the other questions
      right[i] = rest < 4 ? 1 : 0; // the weaker half gets this one right
      scores[i] = rest + right[i];
    }
    QuestionFigures figures = figures(right, scores);
    assertTrue(figures.discrimination().orElseThrow() < -0.5);
    assertEquals(EnumSet.of(QuestionFlag.NEGATIVE), figures.flags());
  }

  @Test
  void sharesAboveNinetyFiveAndBelowThirtyPercentAreFlagged() {
    assertEquals(
        Set.of(QuestionFlag.TOO_EASY),
        new QuestionFigures("q", 100, 100, 96, 600, 4000, 590, Map.of()).flags());
    assertEquals(
        Set.of(),
        new QuestionFigures("q", 100, 100, 95, 600, 4000, 585, Map.of())
            .flags().stream()
                .filter(flag -> flag != QuestionFlag.NEGATIVE)
                .collect(java.util.stream.Collectors.toSet()));
    assertTrue(
        new QuestionFigures("q", 100, 90, 29, 300, 1500, 120, Map.of())
            .flags()
            .contains(QuestionFlag.TOO_HARD));
    assertTrue(
        !new QuestionFigures("q", 100, 90, 30, 300, 1500, 120, Map.of())
            .flags()
            .contains(QuestionFlag.TOO_HARD));
  }

  @Test
  void fewAttemptsAreNeitherFlaggedNorGivenADiscrimination() {
    QuestionFigures few = new QuestionFigures("q", 29, 29, 29, 200, 1500, 200, Map.of());
    assertEquals(Set.of(), few.flags());
    assertTrue(few.discrimination().isEmpty());
    assertEquals(1.0, few.correctShare());
  }

  @Test
  void everyoneRightHasNoDiscriminationButIsTooEasy() {
    QuestionFigures all = new QuestionFigures("q", 50, 50, 50, 300, 2000, 300, Map.of());
    assertTrue(all.discrimination().isEmpty());
    assertEquals(Set.of(QuestionFlag.TOO_EASY), all.flags());
  }

  @Test
  void optionAndBlankSharesAreOfTheAttemptsThatShowedTheQuestion() {
    QuestionFigures figures =
        new QuestionFigures("q", 40, 30, 20, 0, 0, 0, Map.of("a", 20L, "b", 10L));
    assertEquals(0.5, figures.optionShare("a"));
    assertEquals(0.25, figures.optionShare("b"));
    assertEquals(0.0, figures.optionShare("c"));
    assertEquals(0.25, figures.blankShare());
  }
}
