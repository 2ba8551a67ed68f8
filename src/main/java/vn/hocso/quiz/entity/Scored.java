package vn.hocso.quiz.entity;

import java.util.List;
import java.util.Map;

/** The outcome of scoring one submission. */
public record Scored(
    int score,
    int maxScore,
    boolean passed,
    List<QuestionResult> results,
    Map<String, List<String>> answers,
    String answersHash) {}
