package vn.hocso.quiz.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt at a module's quiz (Lượt làm bài). Once submitted it never changes. */
@Entity
@Table(name = "quiz_attempt")
@NamedQuery(
    name = "Attempt.countStartedSince",
    query =
        "SELECT COUNT(a) FROM Attempt a WHERE a.ownerHash = :owner AND a.moduleId = :moduleId"
            + " AND a.startedAt >= :since")
@NamedQuery(
    name = "Attempt.latestStart",
    query =
        "SELECT MAX(a.startedAt) FROM Attempt a WHERE a.ownerHash = :owner AND a.moduleId ="
            + " :moduleId")
@NamedQuery(
    name = "Attempt.submittedByOwner",
    query =
        "SELECT a FROM Attempt a WHERE a.ownerHash = :owner AND a.moduleId = :moduleId AND"
            + " a.submittedAt IS NOT NULL ORDER BY a.submittedAt DESC")
@NamedQuery(
    name = "Attempt.unclaimed",
    query =
        "SELECT a FROM Attempt a WHERE a.ownerHash = :owner AND a.learnerId IS NULL AND"
            + " a.submittedAt IS NOT NULL ORDER BY a.score DESC, a.submittedAt")
public class Attempt {

  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "module_id", nullable = false, length = 64)
  private String moduleId;

  @Column(nullable = false, length = 12)
  private String version;

  @Column(name = "owner_hash", nullable = false, length = 64)
  private String ownerHash;

  @Column(name = "learner_id")
  private Long learnerId;

  @Column(nullable = false)
  private String questions;

  @Column(name = "question_count", nullable = false)
  private int questionCount;

  @Column(name = "pass_mark", nullable = false)
  private int passMark;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  private String answers;

  @Column(name = "answers_hash", length = 64)
  private String answersHash;

  private Integer score;

  private Boolean passed;

  private String results;

  protected Attempt() {}

  /** The trainer who started it for the learner on their own device (assisted), if any. */
  @Column(name = "assisted_by")
  private Long assistedBy;

  public Attempt(
      String id,
      String moduleId,
      String version,
      String ownerHash,
      Long learnerId,
      String questions,
      int questionCount,
      int passMark,
      Instant startedAt,
      Instant expiresAt) {
    this.id = id;
    this.moduleId = moduleId;
    this.version = version;
    this.ownerHash = ownerHash;
    this.learnerId = learnerId;
    this.questions = questions;
    this.questionCount = questionCount;
    this.passMark = passMark;
    this.startedAt = startedAt;
    this.expiresAt = expiresAt;
  }

  public String id() {
    return id;
  }

  public Long assistedBy() {
    return assistedBy;
  }

  /** Marks a new attempt as started by a trainer for the learner. */
  public void assistedBy(long trainerId) {
    this.assistedBy = trainerId;
  }

  public String moduleId() {
    return moduleId;
  }

  public String version() {
    return version;
  }

  public String ownerHash() {
    return ownerHash;
  }

  public Long learnerId() {
    return learnerId;
  }

  /** JSON: {@code [{"q": questionId, "o": [optionId, …]}]} in the order shown. */
  public String questions() {
    return questions;
  }

  public int questionCount() {
    return questionCount;
  }

  public int passMark() {
    return passMark;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  /** JSON: {@code {questionId: [optionId, …]}}. */
  public String answers() {
    return answers;
  }

  public String answersHash() {
    return answersHash;
  }

  public Integer score() {
    return score;
  }

  public Boolean passed() {
    return passed;
  }

  /** JSON: {@code [{"q": questionId, "c": true|false}]}. */
  public String results() {
    return results;
  }

  /** Records the scored submission. Called once, under the row lock (see AttemptStore#lock). */
  public void submit(
      Instant at, String answers, String answersHash, int score, boolean passed, String results) {
    if (submittedAt != null) {
      throw new IllegalStateException("attempt " + id + " is already submitted");
    }
    this.submittedAt = at;
    this.answers = answers;
    this.answersHash = answersHash;
    this.score = score;
    this.passed = passed;
    this.results = results;
  }

  /** Gives a guest's attempt to the learner who registered in the same browser. */
  public void claimFor(long learnerId) {
    if (this.learnerId != null) {
      throw new IllegalStateException("attempt " + id + " is already a learner's");
    }
    this.learnerId = learnerId;
  }

  public boolean isSubmitted() {
    return submittedAt != null;
  }

  public boolean isExpired(Instant now) {
    return submittedAt == null && !now.isBefore(expiresAt);
  }
}
