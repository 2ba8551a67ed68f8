package vn.hocso.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A content version of a module that the app has served, kept for as long as records cite it. */
@Entity
@Table(name = "module_version")
@NamedQuery(
    name = "ModuleVersion.findByModule",
    query =
        "SELECT v FROM ModuleVersion v WHERE v.moduleId = :moduleId ORDER BY v.firstSeenAt, v.id")
@NamedQuery(
    name = "ModuleVersion.findOne",
    query = "SELECT v FROM ModuleVersion v WHERE v.moduleId = :moduleId AND v.version = :version")
public class ModuleVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "module_id", nullable = false, length = 64)
  private String moduleId;

  @Column(nullable = false, length = 12)
  private String version;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(name = "lesson_count", nullable = false)
  private int lessonCount;

  @Column(name = "quiz_source")
  private String quizSource;

  @Column(name = "first_seen_at", nullable = false)
  private Instant firstSeenAt;

  protected ModuleVersion() {}

  public ModuleVersion(
      String moduleId,
      String version,
      String title,
      int lessonCount,
      String quizSource,
      Instant firstSeenAt) {
    this.moduleId = moduleId;
    this.version = version;
    this.title = title;
    this.lessonCount = lessonCount;
    this.quizSource = quizSource;
    this.firstSeenAt = firstSeenAt;
  }

  public Long id() {
    return id;
  }

  public String moduleId() {
    return moduleId;
  }

  public String version() {
    return version;
  }

  public String title() {
    return title;
  }

  public int lessonCount() {
    return lessonCount;
  }

  public String quizSource() {
    return quizSource;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }
}
