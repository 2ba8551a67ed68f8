package vn.hocso.community.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A community digital team of a ward (Tổ công nghệ số cộng đồng). */
@Entity
@Table(name = "team")
@NamedQuery(
    name = "Team.ofWard",
    query = "SELECT t FROM Team t WHERE t.wardId = :wardId ORDER BY t.name, t.id")
public class Team {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "ward_id", nullable = false)
  private long wardId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "created_by", nullable = false)
  private long createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Team() {}

  public Team(long wardId, String name, long createdBy, Instant createdAt) {
    this.wardId = wardId;
    this.name = name;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public long wardId() {
    return wardId;
  }

  public String name() {
    return name;
  }
}
