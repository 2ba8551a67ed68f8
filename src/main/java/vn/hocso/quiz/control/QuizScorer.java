package vn.hocso.quiz.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;
import vn.hocso.platform.control.Digests;
import vn.hocso.quiz.entity.QuestionResult;
import vn.hocso.quiz.entity.Scored;
import vn.hocso.quiz.entity.Shown;

/** Draws the questions of an attempt and scores a submission against the answer key. */
public final class QuizScorer {

  private QuizScorer() {}

  /**
   * Draws {@code quiz.draw()} questions in random order, each with its options shuffled (true /
   * false keeps Đúng before Sai; an ordering question never shows its steps already in order).
   */
  public static List<Shown> draw(Quiz quiz, Random random) {
    List<Question> pool = new ArrayList<>(quiz.questions());
    java.util.Collections.shuffle(pool, random);
    List<Shown> shown = new ArrayList<>();
    for (Question question : pool.subList(0, Math.min(quiz.draw(), pool.size()))) {
      List<String> ids = new ArrayList<>(question.options().stream().map(Option::id).toList());
      if (question.type() == QuestionType.TRUE_FALSE) {
        ids.sort(
            java.util.Comparator.comparing(
                id -> !question.option(id).orElseThrow().text().equals("Đúng")));
      } else {
        List<String> correctOrder = List.copyOf(ids);
        do {
          java.util.Collections.shuffle(ids, random);
        } while (question.type() == QuestionType.ORDERING
            && ids.size() > 1
            && ids.equals(correctOrder));
      }
      shown.add(new Shown(question.id(), List.copyOf(ids)));
    }
    return shown;
  }

  /**
   * Scores {@code answers} (question id → chosen option ids; for ordering, all step ids in the
   * chosen order). A question without an answer counts as wrong.
   *
   * @throws InvalidSubmission if the answers name questions or options the attempt did not show, or
   *     choose several options where one is asked for
   */
  public static Scored score(
      Quiz quiz, List<Shown> shown, Map<String, List<String>> answers, int passMark) {
    Map<String, Shown> byId = new LinkedHashMap<>();
    shown.forEach(question -> byId.put(question.questionId(), question));
    for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
      Shown question = byId.get(answer.getKey());
      if (question == null) {
        throw new InvalidSubmission("Bài nộp có câu hỏi không thuộc lượt làm bài này.");
      }
      List<String> chosen = answer.getValue() == null ? List.of() : answer.getValue();
      if (new HashSet<>(chosen).size() != chosen.size()) {
        throw new InvalidSubmission("Bài nộp chọn một lựa chọn hai lần trong cùng một câu.");
      }
      for (String option : chosen) {
        if (!question.optionIds().contains(option)) {
          throw new InvalidSubmission("Bài nộp có lựa chọn không thuộc câu hỏi của nó.");
        }
      }
      Question key = question(quiz, question.questionId());
      if (key.type().singleAnswer() && chosen.size() > 1) {
        throw new InvalidSubmission("Có câu chỉ được chọn một đáp án, nhưng bài nộp chọn nhiều.");
      }
      if (key.type() == QuestionType.ORDERING
          && !chosen.isEmpty()
          && chosen.size() != question.optionIds().size()) {
        throw new InvalidSubmission("Câu sắp xếp phải xếp đủ tất cả các bước, mỗi bước một lần.");
      }
    }
    int score = 0;
    List<QuestionResult> results = new ArrayList<>();
    Map<String, List<String>> canonical = new LinkedHashMap<>();
    for (Shown question : shown) {
      Question key = question(quiz, question.questionId());
      List<String> chosen = answers.getOrDefault(question.questionId(), List.of());
      chosen = chosen == null ? List.of() : chosen;
      if (key.type() != QuestionType.ORDERING) {
        chosen = chosen.stream().sorted().toList();
      }
      boolean correct = isCorrect(key, chosen);
      score += correct ? 1 : 0;
      results.add(new QuestionResult(question.questionId(), correct, List.copyOf(chosen)));
      canonical.put(question.questionId(), List.copyOf(chosen));
    }
    int maxScore = shown.size();
    boolean passed = maxScore > 0 && score * 100 >= passMark * maxScore;
    String json = AttemptJson.answers(canonical);
    return new Scored(
        score, maxScore, passed, List.copyOf(results), canonical, Digests.sha256Hex(json));
  }

  private static boolean isCorrect(Question key, List<String> chosen) {
    if (chosen.isEmpty()) {
      return false;
    }
    List<String> correct = key.options().stream().filter(Option::correct).map(Option::id).toList();
    if (key.type() == QuestionType.ORDERING) {
      return chosen.equals(correct);
    }
    Set<String> expected = new HashSet<>(correct);
    return expected.equals(new HashSet<>(chosen));
  }

  private static Question question(Quiz quiz, String questionId) {
    return quiz.question(questionId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "question " + questionId + " is not in the quiz version of the attempt"));
  }
}
