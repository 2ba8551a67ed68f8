package vn.hocso.progress.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ward's denominators and target percentages from a date on. Never changed: a new one applies
 * from its own date and the old ones stay as history.
 */
@Entity
@Table(name = "ward_target")
@NamedQuery(
    name = "WardTarget.history",
    query =
        "SELECT t FROM WardTarget t WHERE t.wardId = :wardId"
            + " ORDER BY t.appliesFrom DESC, t.id DESC")
@NamedQuery(
    name = "WardTarget.inEffect",
    query =
        "SELECT t FROM WardTarget t WHERE t.wardId = :wardId AND t.appliesFrom <= :date"
            + " ORDER BY t.appliesFrom DESC, t.id DESC")
@NamedQuery(
    name = "WardTarget.allUpTo",
    query =
        "SELECT t FROM WardTarget t WHERE t.appliesFrom <= :date"
            + " ORDER BY t.wardId, t.appliesFrom, t.id")
public class WardTarget {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "ward_id", nullable = false)
  private long wardId;

  @Column(name = "applies_from", nullable = false)
  private LocalDate appliesFrom;

  @Column(nullable = false)
  private int adults;

  @Column(nullable = false)
  private int households;

  @Column(name = "adults_target", nullable = false, precision = 5, scale = 2)
  private BigDecimal adultsTarget;

  @Column(name = "online_target", nullable = false, precision = 5, scale = 2)
  private BigDecimal onlineTarget;

  @Column(name = "family_target", nullable = false, precision = 5, scale = 2)
  private BigDecimal familyTarget;

  @Column(name = "set_by", nullable = false)
  private long setBy;

  @Column(name = "set_at", nullable = false)
  private Instant setAt;

  protected WardTarget() {}

  public WardTarget(
      long wardId,
      LocalDate appliesFrom,
      int adults,
      int households,
      BigDecimal adultsTarget,
      BigDecimal onlineTarget,
      BigDecimal familyTarget,
      long setBy,
      Instant setAt) {
    this.wardId = wardId;
    this.appliesFrom = appliesFrom;
    this.adults = adults;
    this.households = households;
    this.adultsTarget = adultsTarget;
    this.onlineTarget = onlineTarget;
    this.familyTarget = familyTarget;
    this.setBy = setBy;
    this.setAt = setAt;
  }

  public Long id() {
    return id;
  }

  public long wardId() {
    return wardId;
  }

  public LocalDate appliesFrom() {
    return appliesFrom;
  }

  public int adults() {
    return adults;
  }

  public int households() {
    return households;
  }

  public BigDecimal adultsTarget() {
    return adultsTarget;
  }

  public BigDecimal onlineTarget() {
    return onlineTarget;
  }

  public BigDecimal familyTarget() {
    return familyTarget;
  }

  public long setBy() {
    return setBy;
  }

  public Instant setAt() {
    return setAt;
  }
}
