package vn.hocso.progress.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Residents at one address of a residential group. Whether a member files online and whether the
 * household is "Gia đình số" are kept by the ward counters, never set by hand.
 */
@Entity
@Table(name = "household")
@NamedQuery(
    name = "Household.byAddress",
    query = "SELECT h FROM Household h WHERE h.groupId = :groupId AND h.addressKey = :addressKey")
@NamedQuery(
    name = "Household.ofGroup",
    query = "SELECT h FROM Household h WHERE h.groupId = :groupId ORDER BY h.addressKey, h.id")
public class Household {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "ward_id", nullable = false)
  private long wardId;

  @Column(name = "group_id", nullable = false)
  private long groupId;

  @Column(nullable = false, length = 200)
  private String address;

  @Column(name = "address_key", nullable = false, length = 200)
  private String addressKey;

  @Column(name = "online_filer", nullable = false, insertable = false, updatable = false)
  private boolean onlineFiler;

  @Column(name = "digital_family", nullable = false, insertable = false, updatable = false)
  private boolean digitalFamily;

  @Column(name = "created_by", nullable = false)
  private long createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Household() {}

  public Household(long wardId, long groupId, String address, long createdBy, Instant createdAt) {
    this.wardId = wardId;
    this.groupId = groupId;
    this.address = address;
    this.addressKey = addressKey(address);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** Two spellings of one address that differ only in case or spaces are the same address. */
  public static String addressKey(String address) {
    return address.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  public Long id() {
    return id;
  }

  public long wardId() {
    return wardId;
  }

  public long groupId() {
    return groupId;
  }

  public String address() {
    return address;
  }

  public boolean onlineFiler() {
    return onlineFiler;
  }

  public boolean digitalFamily() {
    return digitalFamily;
  }
}
