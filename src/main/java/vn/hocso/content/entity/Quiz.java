package vn.hocso.content.entity;

import java.util.List;
import java.util.Optional;

/**
 * A module's quiz: its pool of questions and how many an attempt draws.
 *
 * @param draw how many questions one attempt draws from the pool
 * @param introHtml text before the first question, shown before starting; may be empty
 */
public record Quiz(int draw, AttemptPolicy policy, String introHtml, List<Question> questions) {

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
  }
}
