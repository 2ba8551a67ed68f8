package vn.hocso.community.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A practical skill a trainer saw a resident do (Xác nhận thực hành): resident, skill, trainer,
 * day, the checklist as confirmed, an optional reference (never shown publicly). Never deleted: a
 * withdrawal records who, when and why.
 */
@Entity
@Table(name = "attestation")
@NamedQuery(
    name = "Attestation.ofResident",
    query =
        "SELECT a FROM Attestation a WHERE a.residentId = :residentId"
            + " ORDER BY a.attestedOn DESC, a.id DESC")
public class Attestation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "resident_id", nullable = false)
  private long residentId;

  @Column(name = "skill_id", nullable = false, length = 64)
  private String skillId;

  @Column(name = "skill_title", nullable = false, length = 200)
  private String skillTitle;

  @Column(name = "trainer_id", nullable = false)
  private long trainerId;

  @Column(name = "ward_id", nullable = false)
  private long wardId;

  @Column(name = "attested_on", nullable = false)
  private LocalDate attestedOn;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(nullable = false)
  private String checklist;

  @Column(length = 100)
  private String reference;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawn_by")
  private Long withdrawnBy;

  @Column(name = "withdraw_reason", length = 300)
  private String withdrawReason;

  protected Attestation() {}

  public Attestation(
      long residentId,
      String skillId,
      String skillTitle,
      long trainerId,
      long wardId,
      LocalDate attestedOn,
      Instant recordedAt,
      String checklist,
      String reference) {
    this.residentId = residentId;
    this.skillId = skillId;
    this.skillTitle = skillTitle;
    this.trainerId = trainerId;
    this.wardId = wardId;
    this.attestedOn = attestedOn;
    this.recordedAt = recordedAt;
    this.checklist = checklist;
    this.reference = reference;
  }

  public Long id() {
    return id;
  }

  public long residentId() {
    return residentId;
  }

  public String skillId() {
    return skillId;
  }

  public String skillTitle() {
    return skillTitle;
  }

  public long trainerId() {
    return trainerId;
  }

  public long wardId() {
    return wardId;
  }

  public LocalDate attestedOn() {
    return attestedOn;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String checklist() {
    return checklist;
  }

  public String reference() {
    return reference;
  }

  public Instant withdrawnAt() {
    return withdrawnAt;
  }

  public Long withdrawnBy() {
    return withdrawnBy;
  }

  public String withdrawReason() {
    return withdrawReason;
  }

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  public void withdraw(long by, String reason, Instant at) {
    this.withdrawnBy = by;
    this.withdrawReason = reason;
    this.withdrawnAt = at;
  }
}
