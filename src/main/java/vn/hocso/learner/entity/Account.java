package vn.hocso.learner.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Someone who signs in. Holds the least personal data that does the job: a display name, a birth
 * year, a ward; the sign-in phone or CCCD only as a keyed hash and its last 3 digits.
 */
@Entity
@Table(name = "account")
@NamedQuery(
    name = "Account.bySignIn",
    query = "SELECT a FROM Account a WHERE a.signInHash = :signInHash")
@NamedQuery(
    name = "Account.countByRole",
    query = "SELECT COUNT(a) FROM Account a JOIN a.roles r WHERE r = :role")
// An account read with the session it was found by.
@SqlResultSetMapping(
    name = "Account.withToken",
    entities = @EntityResult(entityClass = Account.class),
    columns = @ColumnResult(name = "token_hash"))
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(name = "birth_year")
  private Integer birthYear;

  @Column(name = "ward_id")
  private Long wardId;

  /** Changed only with the ward counters (ward.control.Households), never through this field. */
  @Column(name = "household_id", insertable = false, updatable = false)
  private Long householdId;

  /**
   * The roles given beyond learner (everyone learns): an account may hold several, e.g. a trainer
   * who is also a content editor.
   */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role", length = 16)
  private Set<String> roles = new HashSet<>();

  @Column(name = "sign_in_kind", nullable = false, length = 8)
  private String signInKind;

  @Column(name = "sign_in_hash", nullable = false, length = 64)
  private String signInHash;

  @Column(name = "sign_in_last3", nullable = false, length = 3)
  private String signInLast3;

  @Column(name = "contact_phone")
  private byte[] contactPhone;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Account() {}

  public Account(
      String displayName,
      Integer birthYear,
      Long wardId,
      Role role,
      String signInKind,
      String signInHash,
      String signInLast3,
      byte[] contactPhone,
      String passwordHash,
      Instant createdAt) {
    this.displayName = displayName;
    this.birthYear = birthYear;
    this.wardId = wardId;
    if (role != Role.LEARNER) {
      this.roles.add(role.code());
    }
    this.signInKind = signInKind;
    this.signInHash = signInHash;
    this.signInLast3 = signInLast3;
    this.contactPhone = contactPhone;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public Integer birthYear() {
    return birthYear;
  }

  public Long wardId() {
    return wardId;
  }

  public Long householdId() {
    return householdId;
  }

  /** Every role the account holds, learner included. */
  public Set<Role> roles() {
    Set<Role> held = EnumSet.of(Role.LEARNER);
    roles.forEach(code -> held.add(Role.of(code)));
    return held;
  }

  public boolean has(Role role) {
    return role == Role.LEARNER || roles.contains(role.code());
  }

  /** Whether one of the account's roles grants the permission. */
  public boolean can(Permission permission) {
    return roles().stream().anyMatch(role -> role.grants(permission));
  }

  /** The role whose main page the account lands on: the last of {@link Role}'s order it holds. */
  public Role mainRole() {
    return roles().stream().max(Comparator.naturalOrder()).orElse(Role.LEARNER);
  }

  public String signInKind() {
    return signInKind;
  }

  public String signInLast3() {
    return signInLast3;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public byte[] contactPhone() {
    return contactPhone;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  /** Gives a role (kept with the others), with the ward a trainer or officer works in. */
  public void grant(Role role, Long wardId) {
    if (role != Role.LEARNER) {
      roles.add(role.code());
    }
    if (wardId != null) {
      this.wardId = wardId;
    }
  }

  /** Takes a role back; learner stays. */
  public void revoke(Role role) {
    roles.remove(role.code());
  }
}
