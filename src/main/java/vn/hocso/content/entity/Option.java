package vn.hocso.content.entity;

/**
 * One option of a question. For an ordering question the options are the steps, in the correct
 * order, and {@code correct} is true for all of them.
 *
 * @param id stable while the option's text stays the same; says nothing about correctness
 * @param text the option as written in quiz.md, to tell options apart
 */
public record Option(String id, String text, String html, boolean correct) {}
