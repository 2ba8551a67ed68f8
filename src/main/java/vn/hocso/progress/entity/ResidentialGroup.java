package vn.hocso.progress.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A residential group of a ward: tổ dân phố, khu phố or thôn. */
@Entity
@Table(name = "residential_group")
@NamedQuery(
    name = "ResidentialGroup.ofWard",
    query = "SELECT g FROM ResidentialGroup g WHERE g.wardId = :wardId ORDER BY g.name, g.id")
public class ResidentialGroup {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "ward_id", nullable = false)
  private long wardId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ResidentialGroup() {}

  public ResidentialGroup(long wardId, String name, Instant createdAt) {
    this.wardId = wardId;
    this.name = name;
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
