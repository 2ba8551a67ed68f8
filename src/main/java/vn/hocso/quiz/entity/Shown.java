package vn.hocso.quiz.entity;

import java.util.List;

/** One question as an attempt showed it: the question and its options in the order shown. */
public record Shown(String questionId, List<String> optionIds) {}
