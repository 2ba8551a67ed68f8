package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hocso.content.entity.AttemptPolicy;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;
import vn.hocso.platform.control.Sql;

/**
 * Rendered modules kept in the real MariaDB, inside the running server: kept and read back, a new
 * version in place of the old, two instances keeping the same version, rows of old builds dropped,
 * a row that cannot be read ignored; and the running app keeps every module it serves.
 */
@ExtendWith(ArquillianExtension.class)
class RenderedModulesIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "rendered-modules-it.war")
        .addClasses(RenderedModules.class, ContentLoader.Rendered.class, Sql.class, Rows.class)
        .addClass(ContentLoader.Rendered.class.getName() + "$1")
        .addPackage(Module.class.getPackage())
        .addAsResource("META-INF/persistence.xml")
        // The same build stamp as the app beside it: both read and write the same rows.
        .addAsResource("META-INF/hocso-build.properties")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  /** Reads and changes the table as an operator (or a broken disk) would, in a transaction. */
  @ApplicationScoped
  public static class Rows {
    @PersistenceContext(unitName = "hocso")
    EntityManager em;

    @Transactional
    public boolean migrated() {
      return !Sql.query(
              em,
              "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                  + " AND TABLE_NAME = 'content_rendered'",
              List.of(),
              row -> row.getInt(1))
          .isEmpty();
    }

    @Transactional
    public List<String> rows(String moduleId) {
      return Sql.query(
          em,
          "SELECT CONCAT(build, '|', version) FROM content_rendered WHERE module_id = ?",
          List.of(moduleId),
          row -> row.getString(1));
    }

    @Transactional
    public void insert(String moduleId, String version, String build, LocalDateTime createdAt) {
      Sql.update(
          em,
          "INSERT INTO content_rendered (module_id, version, build, body, created_at)"
              + " VALUES (?, ?, ?, ?, ?)",
          List.of(moduleId, version, build, new byte[] {1, 2, 3}, createdAt));
    }

    @Transactional
    public void spoil(String moduleId) {
      Sql.update(
          em,
          "UPDATE content_rendered SET body = ? WHERE module_id = ?",
          List.of("không phải gzip".getBytes(java.nio.charset.StandardCharsets.UTF_8), moduleId));
    }

    @Transactional
    public void delete(String moduleId) {
      Sql.update(em, "DELETE FROM content_rendered WHERE module_id = ?", List.of(moduleId));
    }

    /** The served modules' versions: every module not retired. */
    @Transactional
    public Map<String, String> servedVersions() {
      Map<String, String> versions = new TreeMap<>();
      Sql.query(
          em,
          "SELECT scope, version FROM content_scope WHERE retired_at IS NULL"
              + " AND scope NOT LIKE '\\_%' AND version IS NOT NULL",
          List.of(),
          row -> versions.put(row.getString(1), row.getString(2)));
      return versions;
    }

    @Transactional
    public Map<String, String> keptVersions(String build) {
      Map<String, String> versions = new TreeMap<>();
      Sql.query(
          em,
          "SELECT module_id, version FROM content_rendered WHERE build = ?",
          List.of(build),
          row -> versions.put(row.getString(1), row.getString(2)));
      return versions;
    }
  }

  @Inject RenderedModules rendered;
  @Inject Rows rows;

  private final String id = "thu-giu-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void migrated() throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (!rows.migrated()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the schema was not migrated within 3 minutes");
      }
      Thread.sleep(200);
    }
  }

  @AfterEach
  void cleanUp() {
    rows.delete(id);
  }

  private Module module(String version) {
    Question question =
        new Question(
            "cau-1",
            QuestionType.SINGLE,
            "Ai gọi?",
            "<p>Ai gọi?</p>",
            List.of(
                new Option("a", "Công an", "<p>Công an</p>", false),
                new Option("b", "Kẻ lừa đảo", "<p>Kẻ lừa đảo</p>", true)),
            "<p>Công an không gọi để hỏi mật khẩu.</p>",
            "bai-mot");
    return new Module(
        id,
        "Giữ bài",
        "Thử giữ bài đã dựng.",
        90_000,
        10,
        80,
        List.of("co-ban"),
        "<p>Giới thiệu</p>",
        version,
        List.of(
            new Lesson(
                "bai-mot", "10-bai-mot", "Bài một", 10, 5, "Tóm tắt", "<p>Bài</p>", "<ul></ul>")),
        "## Ai gọi?\n",
        new Quiz(1, AttemptPolicy.PRACTICE, "", List.of(question)),
        Map.of());
  }

  @Test
  void aKeptModuleReadsBackAndANewVersionTakesItsPlace() {
    String build = RenderedModules.build().orElseThrow();
    Module first = module("aaaaaaaaaaaa");
    rendered.keep(List.of(first));
    ContentLoader.Rendered kept = rendered.find(Set.of(id));
    assertTrue(kept.has(id, "aaaaaaaaaaaa"));
    assertEquals(first, kept.module(id, "aaaaaaaaaaaa").orElseThrow());
    assertTrue(kept.module(id, "bbbbbbbbbbbb").isEmpty(), "another version is not this one");

    Module second = module("bbbbbbbbbbbb");
    rendered.keep(List.of(second));
    // A second instance of the same build renders the same version: one row stays.
    rendered.keep(List.of(second));
    assertEquals(List.of(build + "|bbbbbbbbbbbb"), rows.rows(id));
    assertEquals(second, rendered.find(Set.of(id)).module(id, "bbbbbbbbbbbb").orElseThrow());
  }

  @Test
  void rowsOfOtherBuildsGoAfterAWeekAndStayUsableUntilThen() {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    rows.insert(id, "cccccccccccc", "bản cũ 1", now.minusDays(8));
    rows.insert(id, "dddddddddddd", "bản cũ 2", now.minusDays(1));
    rendered.keep(List.of(module("eeeeeeeeeeee")));
    String build = RenderedModules.build().orElseThrow();
    assertEquals(
        Set.of("bản cũ 2|dddddddddddd", build + "|eeeeeeeeeeee"), Set.copyOf(rows.rows(id)));
    // Another build's row is never read by this one.
    assertFalse(rendered.find(Set.of(id)).has(id, "dddddddddddd"));
  }

  @Test
  void aRowThatCannotBeReadIsIgnoredAndKeptAgain() {
    rendered.keep(List.of(module("ffffffffffff")));
    rows.spoil(id);
    ContentLoader.Rendered kept = rendered.find(Set.of(id));
    assertTrue(kept.has(id, "ffffffffffff"));
    assertTrue(kept.module(id, "ffffffffffff").isEmpty(), "rendered instead");
    assertFalse(kept.has(id, "ffffffffffff"), "so that the module rendered now is kept again");
  }

  /** The app beside this test (same build) keeps each module it serves, at its served version. */
  @Test
  void theRunningAppKeepsEveryModuleItServes() throws InterruptedException {
    String build = RenderedModules.build().orElseThrow();
    long deadline = System.nanoTime() + 20_000_000_000L;
    Map<String, String> served = rows.servedVersions();
    Map<String, String> kept = rows.keptVersions(build);
    while (!kept.entrySet().containsAll(served.entrySet()) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      served = rows.servedVersions();
      kept = rows.keptVersions(build);
    }
    assertTrue(served.size() >= 10, "served modules: " + served);
    for (Map.Entry<String, String> module : served.entrySet()) {
      assertEquals(module.getValue(), kept.get(module.getKey()), module.getKey());
    }
  }
}
