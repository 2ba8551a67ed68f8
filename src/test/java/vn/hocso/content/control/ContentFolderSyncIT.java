package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hocso.platform.control.Digests;
import vn.hocso.platform.control.Sql;

/**
 * Seeding and release updates on the real MariaDB, inside the running server: two instances seeding
 * at once do it once, an older release changes nothing, a release file changed where the database
 * has an edit becomes a draft instead of overwriting it. Each test works on a module of its own,
 * retired at the end so that the site never serves it for long.
 */
@ExtendWith(ArquillianExtension.class)
class ContentFolderSyncIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "content-folder-sync-it.war")
        .addClasses(
            ContentFolderSync.class,
            ContentStore.class,
            ContentVersions.class,
            Digests.class,
            Sql.class,
            HeldTexts.class,
            Edits.class)
        .addAsResource("META-INF/persistence.xml")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  /** Collects what the sync holds for an editor. */
  @ApplicationScoped
  public static class HeldTexts {
    private final List<ContentFolderSync.Held> held = new CopyOnWriteArrayList<>();

    void onHeld(@Observes ContentFolderSync.Held text) {
      held.add(text);
    }

    /** Read through methods: the injected reference is a proxy, whose fields are not these. */
    public List<ContentFolderSync.Held> all() {
      return List.copyOf(held);
    }

    public void clear() {
      held.clear();
    }
  }

  /** Publishes an edit as an editor would, in its own transaction. */
  @ApplicationScoped
  public static class Edits {
    @Inject ContentStore store;

    @jakarta.persistence.PersistenceContext(unitName = "hocso")
    jakarta.persistence.EntityManager em;

    @Transactional
    public void publish(String scope, String path, String text) {
      store.write(
          scope,
          List.of(new ContentStore.Change(path, text.getBytes(StandardCharsets.UTF_8))),
          "publish",
          "draft",
          null,
          "sửa trên trang",
          null,
          null);
    }

    @Transactional
    public boolean migrated() {
      return !Sql.query(
              em,
              "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                  + " AND TABLE_NAME = 'content_draft'",
              List.of(),
              row -> row.getInt(1))
          .isEmpty();
    }

    @Transactional
    public void retire(String scope) {
      store.retire(scope, true, null, "xong bài kiểm thử");
    }
  }

  @Inject ContentFolderSync sync;
  @Inject ContentStore store;
  @Inject HeldTexts held;
  @Inject Edits edits;

  private final String module = "thu-gieo-" + UUID.randomUUID().toString().substring(0, 8);
  private Path folder;

  private Path release(String lesson, String quiz) throws IOException {
    Path root = Files.createTempDirectory("hocso-release");
    Path dir = root.resolve("modules").resolve(module);
    Files.createDirectories(dir.resolve("10-bai"));
    Files.writeString(dir.resolve("_index.md"), "---\ntitle: Gieo\n---\n");
    Files.writeString(dir.resolve("10-bai/index.md"), lesson);
    Files.writeString(dir.resolve("quiz.md"), quiz);
    Files.writeString(dir.resolve("10-bai/.an.md"), "hidden files are not content");
    Files.writeString(dir.resolve("10-bai/index.md~"), "nor are editors' backups");
    return root;
  }

  /** The running app migrates the schema when it starts: wait for it, as its readiness does. */
  @BeforeEach
  void migrated() throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (!edits.migrated()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the schema was not migrated within 3 minutes");
      }
      Thread.sleep(200);
    }
  }

  @AfterEach
  void retire() {
    if (store.scope(module).isPresent()) {
      edits.retire(module);
    }
  }

  private String published(String relative) {
    ContentStore.StoredFile file =
        store.published(Set.of(module)).get("modules/" + module + "/" + relative);
    return file == null ? null : new String(file.body(), StandardCharsets.UTF_8);
  }

  @Test
  void twoInstancesSeedingAtOnceSeedOnce() throws Exception {
    folder = release("bài một", "câu hỏi một");
    ManagedExecutorService executor =
        (ManagedExecutorService)
            new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ContentFolderSync.Report>> runs = new java.util.ArrayList<>();
    for (String instance : List.of("máy-một", "máy-hai")) {
      runs.add(
          executor.submit(
              () -> {
                start.await();
                return sync.sync(folder, ContentFolderSync.Mode.RELEASE, instance);
              }));
    }
    start.countDown();
    int seeded = 0;
    for (Future<ContentFolderSync.Report> run : runs) {
      if (run.get().changed().contains(module)) {
        seeded++;
      }
    }
    assertEquals(1, seeded, "one instance seeds, the other finds it done");
    assertEquals(3, store.published(Set.of(module)).size(), "three files, no hidden ones");
    assertEquals(1, store.history("modules/" + module + "/quiz.md").size());
    List<ContentStore.Publish> publishes = store.publishes(module, 10);
    assertEquals(1, publishes.size());
    assertEquals("seed", publishes.get(0).action());
    Map<String, byte[]> files = new java.util.TreeMap<>();
    store.published(Set.of(module)).forEach((path, file) -> files.put(path, file.body()));
    assertEquals(ContentStore.version(module, files), publishes.get(0).newVersion());
    assertEquals(ContentStore.version(module, files), store.scope(module).orElseThrow().version());
  }

  @Test
  void aNewReleaseUpdatesUneditedFilesHoldsEditedOnesAndAnOlderReleaseChangesNothing()
      throws IOException {
    Path first = release("bài một", "câu hỏi một");
    sync.sync(first, ContentFolderSync.Mode.RELEASE, "bản 1");
    edits.publish(module, "modules/" + module + "/quiz.md", "câu hỏi đã sửa trên trang");

    Path second = release("bài một, bản 2", "câu hỏi, bản 2");
    held.clear();
    ContentFolderSync.Report report = sync.sync(second, ContentFolderSync.Mode.RELEASE, "bản 2");
    assertEquals(Set.of(module), report.changed());
    assertEquals(Set.of(module), report.held());
    assertEquals("bài một, bản 2", published("10-bai/index.md"), "nobody edited it here");
    assertEquals("câu hỏi đã sửa trên trang", published("quiz.md"), "never overwritten");
    assertEquals(1, held.all().size());
    ContentFolderSync.Held text = held.all().get(0);
    assertEquals(module, text.scope());
    assertArrayEquals(
        "câu hỏi, bản 2".getBytes(StandardCharsets.UTF_8),
        text.bodies().get("modules/" + module + "/quiz.md"));
    assertEquals(
        store.publishedRevision("modules/" + module + "/quiz.md").orElseThrow(),
        text.baseRevisions().get("modules/" + module + "/quiz.md"));

    // A rolling restart: an instance of release 1 starts after release 2 did.
    held.clear();
    ContentFolderSync.Report older = sync.sync(first, ContentFolderSync.Mode.RELEASE, "bản 1");
    assertTrue(older.changed().isEmpty() && older.held().isEmpty(), older.toString());
    assertEquals("bài một, bản 2", published("10-bai/index.md"));
    assertTrue(held.all().isEmpty());

    // The same release again changes nothing either.
    assertTrue(sync.sync(second, ContentFolderSync.Mode.RELEASE, "bản 2").changed().isEmpty());
    assertEquals(
        Digests.sha256Hex("bài một, bản 2".getBytes(StandardCharsets.UTF_8)),
        store.history("modules/" + module + "/10-bai/index.md").get(0).sha256());
  }

  @Test
  void aWatchedFolderRemovesAnUneditedFileDeletedFromIt() throws IOException {
    Path root = release("bài", "câu hỏi");
    sync.sync(root, ContentFolderSync.Mode.WATCH, "thư mục", Set.of(module));
    Files.delete(root.resolve("modules").resolve(module).resolve("quiz.md"));
    assertTrue(
        sync.sync(root, ContentFolderSync.Mode.RELEASE, "bản phát hành").changed().isEmpty(),
        "a release never removes a file");
    assertEquals("câu hỏi", published("quiz.md"));
    assertEquals(
        Set.of(module),
        sync.sync(root, ContentFolderSync.Mode.WATCH, "thư mục", Set.of(module)).changed());
    assertEquals(null, published("quiz.md"));
    assertTrue(store.history("modules/" + module + "/quiz.md").get(0).removal());
  }
}
