package vn.hocso.quiz.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;
import vn.hocso.quiz.entity.Shown;

/**
 * A quiz as a plain HTML form and its answers read back: the resident's attempt pages and an
 * author's trial of a draft quiz (which stores nothing) show and read the same form.
 */
public final class QuizForms {

  /** A question on the form or in the review. */
  public record QuestionPage(
      int number,
      String id,
      String type,
      String instruction,
      String text,
      String html,
      List<OptionPage> options,
      Boolean correct,
      List<OptionPage> answer,
      String explanationHtml,
      Lesson lesson) {}

  /** An option on the form, or one the resident chose. */
  public record OptionPage(String id, String html, int position) {}

  private QuizForms() {}

  /** The questions shown, each with its options in the order shown, numbered from 1. */
  public static List<QuestionPage> form(Quiz quiz, List<Shown> shown) {
    List<QuestionPage> pages = new ArrayList<>();
    int number = 1;
    for (Shown each : shown) {
      Question question = quiz.question(each.questionId()).orElseThrow();
      pages.add(
          new QuestionPage(
              number++,
              question.id(),
              question.type().apiName(),
              question.type().instruction(),
              question.text(),
              question.html(),
              optionPages(question, each.optionIds()),
              null,
              List.of(),
              null,
              null));
    }
    return pages;
  }

  /**
   * The form's fields as answers: {@code cau-<question>} holds the chosen option ids; for an
   * ordering question {@code thu-tu-<question>-<option>} holds each step's position. Steps with a
   * missing or repeated position make no order at all, which scores as wrong.
   *
   * @param first a field's first value, or null
   * @param all a field's values, or null
   */
  public static Map<String, List<String>> answers(
      Quiz quiz,
      List<Shown> shown,
      Function<String, String> first,
      Function<String, List<String>> all) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Shown each : shown) {
      Question question = quiz.question(each.questionId()).orElseThrow();
      if (question.type() == QuestionType.ORDERING) {
        TreeMap<Integer, String> byPosition = new TreeMap<>();
        boolean complete = true;
        for (String option : each.optionIds()) {
          String position = first.apply("thu-tu-" + question.id() + "-" + option);
          try {
            int number = Integer.parseInt(position == null ? "" : position.strip());
            complete &= byPosition.put(number, option) == null;
          } catch (NumberFormatException e) {
            complete = false;
          }
        }
        answers.put(question.id(), complete ? new ArrayList<>(byPosition.values()) : List.of());
      } else {
        List<String> chosen = all.apply("cau-" + question.id());
        if (chosen != null) {
          answers.put(question.id(), List.copyOf(new HashSet<>(chosen)));
        }
      }
    }
    return answers;
  }

  /**
   * The questions as answered. A question that names its lesson ({@code Bài học:}) leads back to
   * it, when the module has that lesson.
   */
  public static List<QuestionPage> review(
      Quiz quiz,
      List<Shown> shown,
      Map<String, List<String>> answers,
      Map<String, Boolean> results,
      Module module) {
    List<QuestionPage> pages = new ArrayList<>();
    int number = 1;
    for (Shown each : shown) {
      Question question = quiz.question(each.questionId()).orElseThrow();
      List<String> answer = answers.getOrDefault(question.id(), List.of());
      pages.add(
          new QuestionPage(
              number++,
              question.id(),
              question.type().apiName(),
              question.type().instruction(),
              question.text(),
              question.html(),
              List.of(),
              Boolean.TRUE.equals(results.get(question.id())),
              optionPages(question, answer),
              question.explanationHtml(),
              lessonOf(module, question.lessonId())));
    }
    return pages;
  }

  /** Options of a question by id, in the given order, numbered from 1. */
  private static List<OptionPage> optionPages(Question question, List<String> optionIds) {
    List<OptionPage> pages = new ArrayList<>();
    for (String id : optionIds) {
      pages.add(new OptionPage(id, question.option(id).orElseThrow().html(), pages.size() + 1));
    }
    return pages;
  }

  private static Lesson lessonOf(Module module, String lessonId) {
    if (module == null || lessonId == null) {
      return null;
    }
    return module.lessons().stream()
        .filter(lesson -> lesson.id().equals(lessonId))
        .findFirst()
        .orElse(null);
  }
}
