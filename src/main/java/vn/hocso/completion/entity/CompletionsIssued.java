package vn.hocso.completion.entity;

import java.util.List;

/**
 * The completions one transaction just issued (one event per group-commit batch, not one per
 * completion), with what the ward's figures need of each learner. Fired synchronously in that
 * transaction: an observer's failure rolls the completions back with it.
 */
public record CompletionsIssued(List<Issued> completions) {

  /** A completion just issued, with the learner's birth year and household when it was issued. */
  public record Issued(Integer birthYear, Long householdId, Completion completion) {}
}
