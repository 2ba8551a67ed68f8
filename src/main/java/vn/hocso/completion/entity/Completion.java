package vn.hocso.completion.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A completion record (Chứng nhận hoàn thành) of a module or a program. Immutable: it has no
 * setters, and a learner has at most one per module and one per program.
 */
@Entity
@Table(name = "completion")
@NamedQuery(name = "Completion.byCode", query = "SELECT c FROM Completion c WHERE c.code = :code")
@NamedQuery(
    name = "Completion.byAccount",
    query =
        "SELECT c FROM Completion c WHERE c.accountId = :accountId"
            + " ORDER BY c.completedAt, c.id")
public class Completion {

  public static final String MODULE = "module";
  public static final String PROGRAM = "program";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 12)
  private String code;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "subject_type", nullable = false, length = 8)
  private String subjectType;

  @Column(name = "subject_id", nullable = false, length = 64)
  private String subjectId;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 1000)
  private String version;

  private Integer score;

  @Column(name = "max_score")
  private Integer maxScore;

  @Column(name = "attempt_id", length = 32)
  private String attemptId;

  @Column(name = "ward_id")
  private Long wardId;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  /** The trainer who sat with the learner when it was earned (assisted enrollment), if any. */
  @Column(name = "assisted_by")
  private Long assistedBy;

  protected Completion() {}

  /**
   * A completion as the row inserted holds it, but for the id the database gave it (null here):
   * completions are inserted many in one statement, which gives no ids back.
   */
  public Completion(
      String code,
      long accountId,
      String subjectType,
      String subjectId,
      String title,
      String version,
      Integer score,
      Integer maxScore,
      String attemptId,
      Long wardId,
      Instant completedAt,
      Long assistedBy) {
    this.code = code;
    this.accountId = accountId;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.title = title;
    this.version = version;
    this.score = score;
    this.maxScore = maxScore;
    this.attemptId = attemptId;
    this.wardId = wardId;
    this.completedAt = completedAt;
    this.assistedBy = assistedBy;
  }

  /** The same completion, not yet inserted, under another code (its code was taken). */
  public Completion withCode(String otherCode) {
    return new Completion(
        otherCode,
        accountId,
        subjectType,
        subjectId,
        title,
        version,
        score,
        maxScore,
        attemptId,
        wardId,
        completedAt,
        assistedBy);
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  /** The code as printed: 4-4-4 characters. */
  public String displayCode() {
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
  }

  public long accountId() {
    return accountId;
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  public String title() {
    return title;
  }

  public String version() {
    return version;
  }

  public Integer score() {
    return score;
  }

  public Integer maxScore() {
    return maxScore;
  }

  public String attemptId() {
    return attemptId;
  }

  public Long wardId() {
    return wardId;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Long assistedBy() {
    return assistedBy;
  }

  public boolean isProgram() {
    return PROGRAM.equals(subjectType);
  }
}
