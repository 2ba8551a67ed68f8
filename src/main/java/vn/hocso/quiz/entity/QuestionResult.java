package vn.hocso.quiz.entity;

import java.util.List;

/**
 * How one question of a submitted attempt went.
 *
 * @param answer the option ids the resident chose (in their order, for an ordering question)
 */
public record QuestionResult(String questionId, boolean correct, List<String> answer) {}
