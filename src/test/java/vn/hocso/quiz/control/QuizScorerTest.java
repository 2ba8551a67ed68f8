package vn.hocso.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.hocso.content.entity.AttemptPolicy;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;
import vn.hocso.quiz.entity.Scored;
import vn.hocso.quiz.entity.Shown;

class QuizScorerTest {

  private static Option option(String id, boolean correct) {
    return new Option(id, id, id, correct);
  }

  private static final Question SINGLE =
      new Question(
          "single",
          QuestionType.SINGLE,
          "?",
          "",
          List.of(option("s1", false), option("s2", true)),
          "",
          null);
  private static final Question MULTIPLE =
      new Question(
          "multiple",
          QuestionType.MULTIPLE,
          "?",
          "",
          List.of(option("m1", true), option("m2", true), option("m3", false)),
          "",
          null);
  private static final Question TRUE_FALSE =
      new Question(
          "truefalse",
          QuestionType.TRUE_FALSE,
          "?",
          "",
          List.of(new Option("sai", "Sai", "Sai", false), new Option("dung", "Đúng", "Đúng", true)),
          "",
          null);
  private static final Question ORDERING =
      new Question(
          "ordering",
          QuestionType.ORDERING,
          "?",
          "",
          List.of(option("o1", true), option("o2", true), option("o3", true), option("o4", true)),
          "",
          null);
  private static final Question SPARE =
      new Question(
          "spare",
          QuestionType.SINGLE,
          "?",
          "",
          List.of(option("x1", true), option("x2", false)),
          "",
          null);

  private static final Quiz QUIZ =
      new Quiz(
          4, AttemptPolicy.PRACTICE, "", List.of(SINGLE, MULTIPLE, TRUE_FALSE, ORDERING, SPARE));

  private static final List<Shown> SHOWN =
      List.of(
          new Shown("single", List.of("s2", "s1")),
          new Shown("multiple", List.of("m3", "m1", "m2")),
          new Shown("truefalse", List.of("dung", "sai")),
          new Shown("ordering", List.of("o3", "o1", "o4", "o2")));

  private static Map<String, List<String>> allRight() {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put("single", List.of("s2"));
    answers.put("multiple", List.of("m2", "m1"));
    answers.put("truefalse", List.of("dung"));
    answers.put("ordering", List.of("o1", "o2", "o3", "o4"));
    return answers;
  }

  @Test
  void drawingTakesTheDrawCountWithEveryOptionAndShufflesOrderingSteps() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      List<Shown> shown = QuizScorer.draw(QUIZ, random);
      assertEquals(4, shown.size());
      assertEquals(4, new HashSet<>(shown.stream().map(Shown::questionId).toList()).size());
      for (Shown question : shown) {
        Question key = QUIZ.question(question.questionId()).orElseThrow();
        assertEquals(
            new HashSet<>(key.options().stream().map(Option::id).toList()),
            new HashSet<>(question.optionIds()));
        if (key.type() == QuestionType.ORDERING) {
          assertNotEquals(List.of("o1", "o2", "o3", "o4"), question.optionIds(), "not in order");
        }
        if (key.type() == QuestionType.TRUE_FALSE) {
          assertEquals(List.of("dung", "sai"), question.optionIds(), "Đúng comes first");
        }
      }
    }
  }

  @Test
  void drawnQuestionsAndOptionsVaryBetweenAttempts() {
    Random random = new Random(11);
    var orders = new HashSet<List<String>>();
    for (int i = 0; i < 50; i++) {
      orders.add(QuizScorer.draw(QUIZ, random).stream().map(Shown::questionId).toList());
    }
    assertTrue(orders.size() > 10, "question order and selection vary: " + orders.size());
  }

  @Test
  void allRightPasses() {
    Scored scored = QuizScorer.score(QUIZ, SHOWN, allRight(), 80);
    assertEquals(4, scored.score());
    assertEquals(4, scored.maxScore());
    assertTrue(scored.passed());
  }

  @Test
  void aMissingAnswerScoresAsWrongNotAsAnError() {
    Map<String, List<String>> answers = allRight();
    answers.remove("ordering");
    Scored scored = QuizScorer.score(QUIZ, SHOWN, answers, 80);
    assertEquals(3, scored.score());
    assertFalse(scored.passed(), "3/4 is below 80 %");
    assertTrue(QuizScorer.score(QUIZ, SHOWN, answers, 75).passed(), "3/4 meets 75 %");
    assertEquals(0, QuizScorer.score(QUIZ, SHOWN, Map.of(), 50).score());
  }

  @Test
  void multipleChoiceNeedsExactlyTheCorrectSet() {
    Map<String, List<String>> answers = allRight();
    answers.put("multiple", List.of("m1"));
    assertEquals(3, QuizScorer.score(QUIZ, SHOWN, answers, 50).score());
    answers.put("multiple", List.of("m1", "m2", "m3"));
    assertEquals(3, QuizScorer.score(QUIZ, SHOWN, answers, 50).score());
  }

  @Test
  void orderingNeedsTheExactOrder() {
    Map<String, List<String>> answers = allRight();
    answers.put("ordering", List.of("o1", "o3", "o2", "o4"));
    assertEquals(3, QuizScorer.score(QUIZ, SHOWN, answers, 50).score());
  }

  @Test
  void theSameAnswersInAnotherOrderHashTheSame() {
    Map<String, List<String>> reordered = allRight();
    reordered.put("multiple", List.of("m1", "m2"));
    assertEquals(
        QuizScorer.score(QUIZ, SHOWN, allRight(), 80).answersHash(),
        QuizScorer.score(QUIZ, SHOWN, reordered, 80).answersHash());
    Map<String, List<String>> other = allRight();
    other.put("single", List.of("s1"));
    assertNotEquals(
        QuizScorer.score(QUIZ, SHOWN, allRight(), 80).answersHash(),
        QuizScorer.score(QUIZ, SHOWN, other, 80).answersHash());
  }

  @Test
  void answersThatDoNotFitTheAttemptAreRefused() {
    assertRefused(
        Map.of("khong-co", List.of("s1")), "Bài nộp có câu hỏi không thuộc lượt làm bài này.");
    assertRefused(
        Map.of("spare", List.of("x1")), "Bài nộp có câu hỏi không thuộc lượt làm bài này.");
    assertRefused(
        Map.of("single", List.of("m1")), "Bài nộp có lựa chọn không thuộc câu hỏi của nó.");
    assertRefused(
        Map.of("single", List.of("<script>alert(1)</script>")),
        "Bài nộp có lựa chọn không thuộc câu hỏi của nó.");
    assertRefused(
        Map.of("single", List.of("s1", "s2")),
        "Có câu chỉ được chọn một đáp án, nhưng bài nộp chọn nhiều.");
    assertRefused(
        Map.of("multiple", List.of("m1", "m1")),
        "Bài nộp chọn một lựa chọn hai lần trong cùng một câu.");
    assertRefused(
        Map.of("ordering", List.of("o1", "o2")),
        "Câu sắp xếp phải xếp đủ tất cả các bước, mỗi bước một lần.");
  }

  private static void assertRefused(Map<String, List<String>> answers, String message) {
    InvalidSubmission refused =
        assertThrows(InvalidSubmission.class, () -> QuizScorer.score(QUIZ, SHOWN, answers, 80));
    assertEquals(message, refused.getMessage());
  }
}
