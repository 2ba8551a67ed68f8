package vn.hocso.ward.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A ward, commune or special zone (Phường/Xã/Đặc khu). */
@Entity
@Table(name = "ward")
@NamedQuery(name = "Ward.all", query = "SELECT w FROM Ward w ORDER BY w.name, w.id")
@NamedQuery(name = "Ward.byCode", query = "SELECT w FROM Ward w WHERE w.code = :code")
public class Ward {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(length = 16)
  private String code;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(length = 16)
  private String type;

  @Column(name = "province_code", length = 16)
  private String provinceCode;

  @Column(name = "province_name", length = 100)
  private String provinceName;

  /** Prefix of the address key of a starter ward that has no official code yet. */
  public static final String PROVISIONAL_KEY = "tam-";

  protected Ward() {}

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public String provinceCode() {
    return provinceCode;
  }

  public String provinceName() {
    return provinceName;
  }

  /**
   * How addresses name the ward: its official code, or "tam-{id}" for a starter ward whose code has
   * not been imported yet.
   */
  public String key() {
    return code != null ? code : PROVISIONAL_KEY + id;
  }

  /** The name as residents say it: "Phường Hải Châu" when the type is known. */
  public String displayName() {
    if (type == null || type.isBlank()) {
      return name;
    }
    return Character.toUpperCase(type.charAt(0)) + type.substring(1) + " " + name;
  }
}
