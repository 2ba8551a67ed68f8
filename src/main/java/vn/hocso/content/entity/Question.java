package vn.hocso.content.entity;

import java.util.List;
import java.util.Optional;

/**
 * One quiz question with its answer key. Only the server sees a {@code Question}: what is sent to a
 * browser is its text, body and options without {@code correct} or the explanation.
 *
 * @param id stable while the question's text stays the same
 * @param text the question (its heading) as plain text
 * @param html what comes between the heading and the options (a picture, a scenario), may be empty
 * @param lessonId the lesson the question tests ({@code Bài học:}), to which a wrong answer's
 *     explanation leads back; null in quizzes written before the key existed
 */
public record Question(
    String id,
    QuestionType type,
    String text,
    String html,
    List<Option> options,
    String explanationHtml,
    String lessonId) {

  public Optional<Option> option(String optionId) {
    return options.stream().filter(option -> option.id().equals(optionId)).findFirst();
  }
}
