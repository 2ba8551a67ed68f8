package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Media;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.ModuleVersion;

/** The module version records on the real MariaDB, inside the running Liberty server. */
@ExtendWith(ArquillianExtension.class)
class ModuleVersionStoreIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "module-version-store-it.war")
        .addClasses(
            ModuleVersionStore.class,
            SchemaProbe.class,
            ModuleVersion.class,
            Module.class,
            Lesson.class,
            Media.class,
            vn.hocso.platform.entity.InstantConverter.class)
        .addAsResource("META-INF/persistence.xml")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject ModuleVersionStore store;
  @Inject SchemaProbe schema;

  private static Module module(String id, String version, String quiz) {
    return new Module(
        id,
        "Học phần “thử” 🙂",
        "Tóm tắt",
        10,
        30,
        80,
        List.of("ky-nang-so-co-ban"),
        "",
        version,
        List.of(new Lesson("mot", "10-mot", "Một", 10, 5, "", "<p>x</p>", "")),
        quiz,
        null,
        Map.of());
  }

  private static String uniqueId() {
    return "thu-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theSchemaIsMigratedByFlyway() {
    assertEquals("1", schema.appliedMigrations().get(0));
    assertEquals("utf8mb4", schema.columnCharset("module_version", "quiz_source"));
  }

  @Test
  void aVersionIsRecordedOnceWithEveryField() {
    String id = uniqueId();
    Instant seen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String quiz = "## Câu hỏi có dấu: Đồng ý không? 🙂\n\n- [x] Có\n";
    assertTrue(store.record(module(id, "aaaaaaaaaaaa", quiz), seen));
    assertFalse(store.record(module(id, "aaaaaaaaaaaa", "khác"), seen.plusSeconds(5)));

    List<ModuleVersion> history = store.history(id);
    assertEquals(1, history.size());
    ModuleVersion recorded = history.get(0);
    assertEquals(id, recorded.moduleId());
    assertEquals("aaaaaaaaaaaa", recorded.version());
    assertEquals("Học phần “thử” 🙂", recorded.title());
    assertEquals(1, recorded.lessonCount());
    assertEquals(quiz, recorded.quizSource(), "the first record is kept unchanged");
    assertEquals(seen, recorded.firstSeenAt());
  }

  @Test
  void historyListsVersionsInTheOrderTheyWereFirstSeen() {
    String id = uniqueId();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    store.record(module(id, "bbbbbbbbbbbb", "hai"), start.plusSeconds(10));
    store.record(module(id, "aaaaaaaaaaaa", "một"), start);
    assertEquals(
        List.of("aaaaaaaaaaaa", "bbbbbbbbbbbb"),
        store.history(id).stream().map(ModuleVersion::version).toList());
    assertEquals("hai", store.find(id, "bbbbbbbbbbbb").orElseThrow().quizSource());
    assertTrue(store.find(id, "cccccccccccc").isEmpty());
  }

  @Test
  void instancesRecordingTheSameVersionAtOnceKeepOneRow() throws Exception {
    String id = uniqueId();
    ManagedExecutorService executor =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    List<Callable<Boolean>> recorders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      recorders.add(() -> store.record(module(id, "dddddddddddd", "cùng lúc"), Instant.now()));
    }
    int added = 0;
    for (Future<Boolean> result : executor.invokeAll(recorders)) {
      added += result.get() ? 1 : 0;
    }
    assertEquals(1, added, "exactly one recorder added the row");
    assertEquals(1, store.history(id).size());
  }
}
