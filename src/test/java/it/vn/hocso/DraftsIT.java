package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drafts, review and publishing through the JSON API on the running server and its MariaDB: a
 * trainer writes a module, an editor publishes it and residents see it; every bad input the issue
 * names is refused with its reason and changes nothing stored. Each test works on a module of its
 * own and retires it at the end, so other tests never see it.
 */
class DraftsIT {

  static Browser trainer;
  static Browser otherTrainer;
  static Browser editor;
  static Browser learner;

  @BeforeAll
  static void people() {
    Http.awaitReady();
    trainer = Staff.withRole("Nháp Văn Soạn", "trainer", Residents.HAI_CHAU);
    otherTrainer = Staff.withRole("Nháp Thị Khác", "trainer", Residents.HAI_CHAU);
    editor = Staff.withRole("Nháp Văn Duyệt", "editor", Residents.HAI_CHAU);
    learner = new Browser();
    Residents.register(learner, "Nháp Thị Học", Residents.newPhone(), Residents.HAI_CHAU);
  }

  /**
   * Modules of these tests left served by a failed test are retired, so no other test sees them.
   */
  @AfterAll
  static void retireLeftovers() {
    retireLeftovers(editor);
  }

  static void retireLeftovers(Browser editor) {
    for (JsonObject scope :
        array(editor.get("/api/content/scopes")).getValuesAs(JsonObject.class)) {
      if (scope.getString("scope").startsWith("thu-nhap-") && !scope.containsKey("retiredAt")) {
        post(editor, "/api/content/modules/" + scope.getString("scope") + "/retire", "{}");
      }
    }
  }

  static String newModuleId() {
    return "thu-nhap-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String index(String title, int weight) {
    return "---\ntitle: "
        + title
        + "\nsummary: Học phần thử của bản nháp.\nweight: "
        + weight
        + "\nminutes: 10\npass_mark: 50\ncriteria: []\n---\n\nGiới thiệu.\n";
  }

  static String lesson(String text) {
    return "---\ntitle: Bài thử\nweight: 10\nminutes: 5\n---\n\n"
        + text
        + "\n\n## Nguồn\n\n- Báo Thử\n";
  }

  static String quiz(int draw) {
    return "---\ndraw: " + draw + "\n---\n\n## Câu?\n\n- [x] Có\n- [ ] Không\n\n> Vì thế.\n";
  }

  static int weight() {
    return 5000 + (int) (Math.random() * 40000);
  }

  static JsonObject created(Browser who, String scope) {
    HttpResponse<String> response =
        who.postJson(
            "/api/drafts",
            Json.createObjectBuilder()
                .add("scope", scope)
                .add("title", "Bản nháp thử")
                .build()
                .toString());
    assertEquals(201, response.statusCode(), response.body());
    return Browser.json(response);
  }

  static HttpResponse<String> save(
      Browser who, long draft, String path, String text, int revision, Long base) {
    var body = Json.createObjectBuilder().add("text", text).add("revision", revision);
    if (base != null) {
      body.add("baseRevision", base);
    }
    return who.putJson(
        "/api/drafts/" + draft + "/file?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
        body.build().toString());
  }

  static JsonObject saved(Browser who, long draft, String path, String text, int revision) {
    HttpResponse<String> response = save(who, draft, path, text, revision, null);
    assertEquals(200, response.statusCode(), response.body());
    return Browser.json(response);
  }

  static JsonArray array(HttpResponse<String> response) {
    try (var reader = Json.createReader(new java.io.StringReader(response.body()))) {
      return reader.readArray();
    }
  }

  static HttpResponse<String> post(Browser who, String path, String json) {
    return who.postJson(path, json);
  }

  /** A new module written by the trainer, submitted and published by the editor. */
  static long publishedModule(String module, String lessonText) {
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    saved(trainer, draft, "modules/" + module + "/_index.md", index("Nháp " + module, weight()), 0);
    saved(trainer, draft, "modules/" + module + "/10-bai/index.md", lesson(lessonText), 0);
    saved(trainer, draft, "modules/" + module + "/quiz.md", quiz(1), 0);
    assertEquals(200, post(trainer, "/api/drafts/" + draft + "/submit", "{}").statusCode());
    HttpResponse<String> published =
        post(editor, "/api/drafts/" + draft + "/publish", "{\"comment\": \"Đăng thử\"}");
    assertEquals(200, published.statusCode(), published.body());
    return draft;
  }

  static void retire(Browser editor, String module) {
    HttpResponse<String> retired =
        post(editor, "/api/content/modules/" + module + "/retire", "{\"comment\": \"xong\"}");
    assertEquals(200, retired.statusCode(), retired.body());
    assertEquals(404, Http.get("/hoc-phan/" + module).statusCode());
  }

  static long publishedRevision(Browser editor, String module, String path) {
    JsonArray files = array(editor.get("/api/content/files?scope=" + module));
    for (JsonObject file : files.getValuesAs(JsonObject.class)) {
      if (file.getString("path").equals(path)) {
        return file.getJsonNumber("id").longValue();
      }
    }
    throw new AssertionError(path + " not published: " + files);
  }

  static void await(String path, Predicate<HttpResponse<String>> condition) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = Http.get(path);
      if (condition.test(last)) {
        return;
      }
      Http.sleep(50);
    }
    fail("no change on " + path + " within 5 s; last " + last.statusCode() + " " + last.body());
  }

  @Test
  void aTrainerWritesAnEditorPublishesAndResidentsSeeIt() {
    String module = newModuleId();
    String path = "modules/" + module + "/10-bai/index.md";
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    JsonObject first =
        saved(trainer, draft, "modules/" + module + "/_index.md", index("Nháp mới", weight()), 0);
    assertEquals(1, first.getJsonObject("file").getInt("revision"));
    assertFalse(
        first.getJsonObject("check").getBoolean("publishable"), "no lesson or quiz yet: " + first);
    saved(trainer, draft, path, lesson("Phiên bản một."), 0);
    JsonObject complete = saved(trainer, draft, "modules/" + module + "/quiz.md", quiz(1), 0);
    assertTrue(complete.getJsonObject("check").getBoolean("publishable"), complete.toString());
    assertEquals(404, Http.get("/hoc-phan/" + module).statusCode(), "a draft is not served");

    assertEquals(
        403,
        post(trainer, "/api/drafts/" + draft + "/publish", "{}").statusCode(),
        "a trainer does not publish");
    assertEquals(200, post(trainer, "/api/drafts/" + draft + "/submit", "{}").statusCode());
    String waiting = editor.get("/api/drafts?status=submitted").body();
    assertTrue(waiting.contains("\"id\":" + draft), waiting);
    assertFalse(
        otherTrainer.get("/api/drafts").body().contains("\"id\":" + draft),
        "a trainer lists only their own drafts");
    assertEquals(403, otherTrainer.get("/api/drafts/" + draft).statusCode());
    String diff = editor.get("/api/drafts/" + draft + "/diff").body();
    assertTrue(diff.contains("+Phiên bản một.") && diff.contains("\"change\":\"added\""), diff);

    HttpResponse<String> published =
        post(editor, "/api/drafts/" + draft + "/publish", "{\"comment\": \"Bài mới\"}");
    assertEquals(200, published.statusCode(), published.body());
    String version = Browser.json(published).getString("newVersion");
    assertTrue(Http.get("/hoc-phan/" + module + "/bai").body().contains("Phiên bản một."));
    assertEquals(
        409,
        post(editor, "/api/drafts/" + draft + "/publish", "{}").statusCode(),
        "published once");

    // A second draft changes the lesson: a new content version, the old one kept.
    long change = created(trainer, module).getJsonNumber("id").longValue();
    long base = publishedRevision(editor, module, path);
    HttpResponse<String> edit = save(trainer, change, path, lesson("Phiên bản hai."), 0, base);
    assertEquals(200, edit.statusCode(), edit.body());
    post(trainer, "/api/drafts/" + change + "/submit", "{}");
    JsonObject second = Browser.json(post(editor, "/api/drafts/" + change + "/publish", "{}"));
    assertEquals(version, second.getString("oldVersion"));
    assertNotEquals(version, second.getString("newVersion"));
    assertTrue(Http.get("/hoc-phan/" + module + "/bai").body().contains("Phiên bản hai."));

    // History: both revisions, compared; restoring the first makes a draft holding its text.
    JsonArray history =
        array(
            trainer.get(
                "/api/content/history?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
    assertEquals(2, history.size(), history.toString());
    long newer = history.getJsonObject(0).getJsonNumber("id").longValue();
    long older = history.getJsonObject(1).getJsonNumber("id").longValue();
    String compared =
        Browser.json(trainer.get("/api/content/compare?from=" + older + "&to=" + newer))
            .getString("diff");
    assertTrue(
        compared.contains("-Phiên bản một.") && compared.contains("+Phiên bản hai."), compared);
    HttpResponse<String> restored =
        post(trainer, "/api/content/revisions/" + older + "/restore", "{}");
    assertEquals(201, restored.statusCode(), restored.body());
    JsonObject restoredDraft =
        Browser.json(trainer.get("/api/drafts/" + Browser.json(restored).getInt("id")));
    assertTrue(
        restoredDraft
            .getJsonArray("files")
            .getJsonObject(0)
            .getString("text")
            .contains("Phiên bản một."));

    JsonArray publishes = array(editor.get("/api/content/publishes?scope=" + module));
    assertEquals(2, publishes.size());
    assertEquals("publish", publishes.getJsonObject(0).getString("action"));
    assertEquals(
        second.getString("newVersion"), publishes.getJsonObject(0).getString("newVersion"));
    assertEquals(version, publishes.getJsonObject(0).getString("oldVersion"));
    retire(editor, module);
  }

  @Test
  void unsafeMarkdownIsReportedWithLinesAndCannotBePublished() {
    String module = newModuleId();
    publishedModule(module, "An toàn.");
    String path = "modules/" + module + "/10-bai/index.md";
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    String unsafe =
        lesson(
            "Dòng một.\n\n<script>alert(1)</script>\n\n[Bấm vào đây](javascript:alert(1))\n\n"
                + "<div onclick=\"x()\">Khung</div>");
    HttpResponse<String> response =
        save(trainer, draft, path, unsafe, 0, publishedRevision(editor, module, path));
    assertEquals(200, response.statusCode(), response.body());
    JsonObject check = Browser.json(response).getJsonObject("check");
    assertFalse(check.getBoolean("publishable"));
    List<String> printed = check.getJsonArray("printed").getValuesAs(JsonString::getString);
    assertTrue(
        printed.stream().anyMatch(line -> line.startsWith(path + ":9: ")), printed.toString());
    assertTrue(
        printed.stream().anyMatch(line -> line.startsWith(path + ":11: ")), printed.toString());
    assertTrue(
        printed.stream().anyMatch(line -> line.startsWith(path + ":13: ")), printed.toString());
    post(trainer, "/api/drafts/" + draft + "/submit", "{}");
    HttpResponse<String> refused = post(editor, "/api/drafts/" + draft + "/publish", "{}");
    assertEquals(422, refused.statusCode(), refused.body());
    assertEquals(
        printed, Browser.json(refused).getJsonArray("problems").getValuesAs(JsonString::getString));
    assertTrue(Http.get("/hoc-phan/" + module + "/bai").body().contains("An toàn."));
    assertFalse(Http.get("/hoc-phan/" + module + "/bai").body().contains("alert"));

    // Returned with a comment the trainer reads; saving again makes it editable.
    HttpResponse<String> returned =
        post(editor, "/api/drafts/" + draft + "/return", "{\"comment\": \"Bỏ mã HTML đi.\"}");
    assertEquals(200, returned.statusCode(), returned.body());
    JsonObject mine = Browser.json(trainer.get("/api/drafts/" + draft)).getJsonObject("draft");
    assertEquals("returned", mine.getString("status"));
    assertEquals("Bỏ mã HTML đi.", mine.getString("reviewComment"));
    retire(editor, module);
  }

  @Test
  void aQuizDrawingMoreThanItsPoolIsRefused() {
    String module = newModuleId();
    publishedModule(module, "Bài.");
    String path = "modules/" + module + "/quiz.md";
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    save(trainer, draft, path, quiz(3), 0, publishedRevision(editor, module, path));
    post(trainer, "/api/drafts/" + draft + "/submit", "{}");
    HttpResponse<String> refused = post(editor, "/api/drafts/" + draft + "/publish", "{}");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains(path + ":"), refused.body());
    retire(editor, module);
  }

  /** A change that breaks other modules is refused too: a weight taken, a program they name. */
  @Test
  void aChangeThatBreaksTheRestOfTheCurriculumIsRefused() {
    String module = newModuleId();
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    saved(trainer, draft, "modules/" + module + "/_index.md", index("Trùng thứ tự", 10), 0);
    saved(trainer, draft, "modules/" + module + "/10-bai/index.md", lesson("Bài."), 0);
    saved(trainer, draft, "modules/" + module + "/quiz.md", quiz(1), 0);
    post(trainer, "/api/drafts/" + draft + "/submit", "{}");
    HttpResponse<String> weight = post(editor, "/api/drafts/" + draft + "/publish", "{}");
    assertEquals(422, weight.statusCode(), weight.body());
    assertTrue(weight.body().contains("`weight: 10` trùng"), weight.body());

    long programs = created(editor, "_programs").getJsonNumber("id").longValue();
    String program = "programs/ky-nang-so-co-ban.md";
    HttpResponse<String> removed =
        editor.delete(
            "/api/drafts/"
                + programs
                + "/file?path="
                + URLEncoder.encode(program, StandardCharsets.UTF_8)
                + "&revision=0&baseRevision="
                + publishedRevision(editor, "_programs", program));
    assertEquals(200, removed.statusCode(), removed.body());
    post(editor, "/api/drafts/" + programs + "/submit", "{}");
    HttpResponse<String> refused = post(editor, "/api/drafts/" + programs + "/publish", "{}");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(
        refused.body().contains("modules/vneid/_index.md") && refused.body().contains("TARGETS_"),
        refused.body());
    assertEquals(200, Http.get("/hoc-phan/vneid").statusCode());
  }

  @Test
  void aStaleSaveIsAConflictThatKeepsBothTexts() {
    String module = newModuleId();
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    String path = "modules/" + module + "/_index.md";
    saved(trainer, draft, path, index("Bản của người soạn", weight()), 0);
    saved(editor, draft, path, index("Bản của biên tập viên", weight()), 1);
    HttpResponse<String> stale = save(trainer, draft, path, index("Bản cũ sửa tiếp", 7), 1, null);
    assertEquals(409, stale.statusCode(), stale.body());
    JsonObject conflict = Browser.json(stale);
    assertTrue(conflict.getString("yours").contains("Bản cũ sửa tiếp"));
    assertTrue(conflict.getString("theirs").contains("Bản của biên tập viên"));
    assertEquals(2, conflict.getInt("theirRevision"));
    String kept =
        Browser.json(trainer.get("/api/drafts/" + draft))
            .getJsonArray("files")
            .getJsonObject(0)
            .getString("text");
    assertTrue(kept.contains("Bản của biên tập viên"), "the newer save stays: " + kept);

    // Over a newer published text: the vneid lesson as published, edited from an old revision.
    long vneid = created(trainer, "vneid").getJsonNumber("id").longValue();
    String lesson = "modules/vneid/10-cai-dat/index.md";
    long published = publishedRevision(editor, "vneid", lesson);
    HttpResponse<String> old = save(trainer, vneid, lesson, "cũ", 0, published - 1_000_000);
    assertEquals(409, old.statusCode(), old.body());
    assertEquals("published", Browser.json(old).getString("conflictWith"));
    assertNotNull(Browser.json(old).getString("theirs"));
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() {
    String module = newModuleId();
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    String big = "a".repeat(5 * 1024 * 1024);
    assertEquals(
        413, save(trainer, draft, "modules/" + module + "/_index.md", big, 0, null).statusCode());
    for (String path :
        List.of(
            "modules/" + module + "/../vneid/quiz.md",
            "modules/" + module + "/10-bai/../../../etc/hinh.png",
            "modules/" + module + "/.an.md",
            "/etc/passwd",
            "modules/vneid/quiz.md")) {
      HttpResponse<String> refused = save(trainer, draft, path, "x", 0, null);
      assertEquals(400, refused.statusCode(), path + " " + refused.body());
    }
    HttpResponse<String> image =
        trainer.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Http.BASE
                            + "/api/drafts/"
                            + draft
                            + "/file?path="
                            + URLEncoder.encode(
                                "modules/" + module + "/../hinh.png", StandardCharsets.UTF_8)))
                .header("Content-Type", "image/png")
                .header("X-CSRF-Token", trainer.csrf())
                .PUT(
                    HttpRequest.BodyPublishers.ofByteArray(
                        new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
    assertEquals(400, image.statusCode(), image.body());
    JsonObject unchanged = Browser.json(trainer.get("/api/drafts/" + draft));
    assertEquals(0, unchanged.getJsonArray("files").size(), unchanged.toString());
    assertEquals(
        400, post(trainer, "/api/drafts/" + draft + "/submit", "{}").statusCode(), "nothing yet");
  }

  @Test
  void aLearnerCallsNoDraftEndpoint() {
    String module = newModuleId();
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    List<Integer> statuses = new ArrayList<>();
    statuses.add(learner.get("/api/drafts").statusCode());
    statuses.add(
        learner.postJson("/api/drafts", "{\"scope\": \"vneid\", \"title\": \"x\"}").statusCode());
    statuses.add(learner.get("/api/drafts/" + draft).statusCode());
    statuses.add(
        save(learner, draft, "modules/" + module + "/_index.md", "x", 0, null).statusCode());
    statuses.add(learner.postJson("/api/drafts/" + draft + "/submit", "{}").statusCode());
    statuses.add(learner.postJson("/api/drafts/" + draft + "/publish", "{}").statusCode());
    statuses.add(
        learner.postJson("/api/drafts/" + draft + "/return", "{\"comment\":\"x\"}").statusCode());
    statuses.add(learner.get("/api/drafts/" + draft + "/diff").statusCode());
    statuses.add(learner.get("/api/content/history?path=modules/vneid/quiz.md").statusCode());
    statuses.add(learner.postJson("/api/content/modules/vneid/retire", "{}").statusCode());
    assertEquals(List.of(403, 403, 403, 403, 403, 403, 403, 403, 403, 403), statuses);
    assertEquals(401, new Browser().get("/api/drafts").statusCode());
  }

  @Test
  void aModuleAProgramOrATargetNeedsCannotBeRetired() {
    HttpResponse<String> program = post(editor, "/api/content/modules/vneid/retire", "{}");
    assertEquals(409, program.statusCode(), program.body());
    assertTrue(program.body().contains("ky-nang-so-co-ban"), program.body());
    assertEquals(403, post(trainer, "/api/content/modules/vneid/retire", "{}").statusCode());
    assertEquals(200, Http.get("/hoc-phan/vneid").statusCode());
  }

  @Test
  void theSameDraftPublishedTwiceAtOnceMakesOneVersion() throws Exception {
    String module = newModuleId();
    long draft = created(trainer, module).getJsonNumber("id").longValue();
    saved(trainer, draft, "modules/" + module + "/_index.md", index("Hai lần", weight()), 0);
    saved(trainer, draft, "modules/" + module + "/10-bai/index.md", lesson("Một lần."), 0);
    saved(trainer, draft, "modules/" + module + "/quiz.md", quiz(1), 0);
    post(trainer, "/api/drafts/" + draft + "/submit", "{}");
    Browser secondEditor = Staff.withRole("Nháp Thị Duyệt", "editor", Residents.HAI_CHAU);
    CompletableFuture<Integer> one =
        CompletableFuture.supplyAsync(
            () -> post(editor, "/api/drafts/" + draft + "/publish", "{}").statusCode());
    CompletableFuture<Integer> two =
        CompletableFuture.supplyAsync(
            () -> post(secondEditor, "/api/drafts/" + draft + "/publish", "{}").statusCode());
    List<Integer> statuses = new ArrayList<>(List.of(one.get(), two.get()));
    statuses.sort(null);
    assertEquals(List.of(200, 409), statuses);
    JsonArray publishes = array(editor.get("/api/content/publishes?scope=" + module));
    assertEquals(1, publishes.size(), publishes.toString());
    retire(editor, module);
  }

  /**
   * A file edited here and then changed in the content folder (a release, or a developer's save
   * with CONTENT_WATCH): the edit stays served, the folder's text waits as a draft for an editor.
   */
  @Test
  void aFolderChangeOfAFileEditedHereBecomesADraft() throws Exception {
    String module = newModuleId();
    Path lessonFile = TestContent.ROOT.resolve("modules/" + module + "/10-bai/index.md");
    try {
      TestContent.write(
          TestContent.ROOT.resolve("modules/" + module + "/_index.md"),
          index("Từ thư mục", weight()));
      TestContent.write(TestContent.ROOT.resolve("modules/" + module + "/quiz.md"), quiz(1));
      TestContent.write(lessonFile, lesson("Bản trong thư mục."));
      await("/hoc-phan/" + module + "/bai", page -> page.body().contains("Bản trong thư mục."));

      String path = "modules/" + module + "/10-bai/index.md";
      long draft = created(trainer, module).getJsonNumber("id").longValue();
      save(
          trainer,
          draft,
          path,
          lesson("Bản sửa trên trang."),
          0,
          publishedRevision(editor, module, path));
      post(trainer, "/api/drafts/" + draft + "/submit", "{}");
      assertEquals(200, post(editor, "/api/drafts/" + draft + "/publish", "{}").statusCode());

      TestContent.write(lessonFile, lesson("Bản mới trong thư mục."));
      long deadline = System.nanoTime() + 5_000_000_000L;
      JsonObject held = null;
      while (held == null && System.nanoTime() < deadline) {
        for (JsonObject each :
            array(editor.get("/api/drafts?status=submitted")).getValuesAs(JsonObject.class)) {
          if (each.getString("scope").equals(module) && !each.containsKey("authorId")) {
            held = each;
          }
        }
        Http.sleep(100);
      }
      assertNotNull(held, "the folder's text waits as a draft");
      JsonObject heldDraft = Browser.json(editor.get("/api/drafts/" + held.getInt("id")));
      assertTrue(
          heldDraft
              .getJsonArray("files")
              .getJsonObject(0)
              .getString("text")
              .contains("Bản mới trong thư mục."));
      assertTrue(
          Http.get("/hoc-phan/" + module + "/bai").body().contains("Bản sửa trên trang."),
          "the edit made here is never overwritten");
    } finally {
      retire(editor, module);
      TestContent.deleteTree(TestContent.ROOT.resolve("modules/" + module));
    }
  }
}
