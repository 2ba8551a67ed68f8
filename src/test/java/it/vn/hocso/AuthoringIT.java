package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.content.control.ContentLoader;

/**
 * Content editors preview and export the curriculum and get nothing else; each role gets exactly
 * the actions its permissions name (the role × action matrix), and bad previews are refused with
 * the reason.
 */
class AuthoringIT {

  private static final String WARD = "tam-" + Residents.HAI_CHAU;

  static Map<String, Browser> roles;
  static String certificate;

  @BeforeAll
  static void everyRole() {
    Http.awaitReady();
    roles = new LinkedHashMap<>();
    Browser learner = new Browser();
    Residents.register(learner, "Soạn Thị Học", Residents.newPhone(), Residents.HAI_CHAU);
    CertificatesIT.pass(learner, "vneid");
    certificate = CertificatesIT.completion(learner, "vneid").getString("code");
    roles.put("learner", learner);
    roles.put("trainer", Staff.withRole("Soạn Văn Giảng", "trainer", Residents.HAI_CHAU));
    roles.put("officer", Staff.withRole("Soạn Thị Cán", "officer", Residents.HAI_CHAU));
    roles.put("editor", Staff.withRole("Soạn Văn Biên", "editor", Residents.HAI_CHAU));
    roles.put("admin", Staff.admin());
  }

  /** What each role gets from one request of each kind: the matrix the permissions make. */
  @Test
  void eachRoleGetsExactlyItsActions() {
    Map<String, List<Integer>> expected = new TreeMap<>();
    // preview, export, editor page, reset codes page, ward figures, a resident's certificate
    expected.put("learner", List.of(403, 403, 403, 403, 403, 200));
    expected.put("trainer", List.of(200, 403, 403, 200, 403, 200));
    expected.put("officer", List.of(403, 403, 403, 200, 200, 200));
    expected.put("editor", List.of(200, 200, 200, 403, 403, 403));
    expected.put("admin", List.of(200, 200, 200, 200, 200, 200));
    Map<String, List<Integer>> got = new TreeMap<>();
    roles.forEach(
        (role, browser) ->
            got.put(
                role,
                List.of(
                    browser
                        .postJson("/api/preview", request("vneid", "quiz.md", quiz()))
                        .statusCode(),
                    browser.getBytes("/api/content/export.zip").statusCode(),
                    browser.get("/bien-tap").statusCode(),
                    browser.get("/quan-ly").statusCode(),
                    browser.get("/phuong/" + WARD).statusCode(),
                    browser
                        .getBytes("/api/completions/" + certificate + "/certificate.pdf")
                        .statusCode())));
    assertEquals(expected, got);
    assertEquals(
        401,
        new Browser().postJson("/api/preview", request("vneid", "quiz.md", quiz())).statusCode());
    assertEquals(401, new Browser().getBytes("/api/content/export.zip").statusCode());
  }

  /**
   * A trainer who also edits content holds both roles' rights, until the editor role is revoked.
   */
  @Test
  void anAccountHoldsSeveralRolesAndLosesOneWhenRevoked() {
    String phone = Residents.newPhone();
    Browser both = Staff.withRole("Soạn Thị Hai Vai", "trainer", Residents.HAI_CHAU, phone);
    HttpResponse<String> given = giveOrTake(phone, "editor", "giao");
    assertEquals(200, given.statusCode(), given.body());
    assertTrue(
        given
            .body()
            .contains(
                "Tài khoản nay có: Giảng viên, tổ công nghệ số cộng đồng, Biên tập viên nội dung."),
        given.body());
    JsonObject me = Browser.json(both.get("/api/me"));
    assertEquals("trainer", me.getString("role"), "lands on the trainer's page");
    assertEquals(
        List.of("learner", "editor", "trainer"),
        me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(200, both.getBytes("/api/content/export.zip").statusCode());
    assertEquals(200, both.get("/quan-ly").statusCode());
    String menu = both.get("/bien-tap").body();
    assertTrue(menu.contains("href=\"/ho-tro\"") && menu.contains("href=\"/bien-tap\""), menu);

    assertEquals(200, giveOrTake(phone, "editor", "thu-hoi").statusCode());
    assertEquals(403, both.getBytes("/api/content/export.zip").statusCode());
    assertEquals(200, both.get("/quan-ly").statusCode(), "still a trainer");
    assertEquals(409, giveOrTake(phone, "editor", "thu-hoi").statusCode(), "no longer held");
    assertEquals(400, giveOrTake(phone, "learner", "thu-hoi").statusCode(), "everyone learns");
    assertEquals(400, giveOrTake(phone, "learner", "giao").statusCode(), "everyone learns already");
    assertEquals(409, giveOrTake("admin", "admin", "thu-hoi").statusCode(), "the last admin stays");
  }

  private static HttpResponse<String> giveOrTake(String signInName, String role, String action) {
    return Staff.admin()
        .postForm(
            "/quan-ly/vai-tro",
            List.of(
                Map.entry("dang_nhap", signInName),
                Map.entry("vai_tro", role),
                Map.entry("phuong", String.valueOf(Residents.HAI_CHAU)),
                Map.entry("viec", action)));
  }

  @Test
  void aLessonPreviewIsRenderedAsResidentsSeeItWithItsChecks() throws IOException {
    String lesson = lesson("vneid", "10-cai-dat");
    JsonObject clean =
        Browser.json(
            roles
                .get("editor")
                .postJson("/api/preview", request("vneid", "10-cai-dat/index.md", lesson)));
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, clean.getJsonArray("problems"), clean.toString());
    String served =
        Http.json(Http.get("/api/modules/vneid/lessons/cai-dat")).asJsonObject().getString("html");
    assertEquals(served, clean.getString("html"), "the preview is the page residents get");

    String edited =
        lesson.replace(
            "## Nguồn", "Bấm [vào đây](javascript:alert(1)).\n\n<script>x</script>\n\n## Nguồn");
    JsonObject refused =
        Browser.json(
            roles
                .get("trainer")
                .postJson("/api/preview", request("vneid", "10-cai-dat/index.md", edited)));
    JsonArray problems = refused.getJsonArray("problems");
    int line = (int) edited.lines().takeWhile(l -> !l.contains("javascript:")).count() + 1;
    assertTrue(
        problems.stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                p ->
                    p.getString("file").equals("10-cai-dat/index.md")
                        && p.getInt("line") == line
                        && p.getString("message").contains("javascript:")),
        "the unsafe link, at its line: " + problems);
    assertTrue(
        problems.stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(p -> p.getInt("line") == line + 2 && p.getString("message").contains("HTML")),
        "the raw HTML, at its line: " + problems);
    assertTrue(notRendered(refused), "nothing rendered when a problem stops the module");
    assertEquals(lesson, lesson("vneid", "10-cai-dat"), "nothing stored");
  }

  @Test
  void aQuizPreviewShowsTheKeyAndAPoolTooSmallForItsDraw() throws IOException {
    JsonObject quiz =
        Browser.json(
            roles.get("editor").postJson("/api/preview", request("vneid", "quiz.md", quiz())));
    assertEquals(QuizKey.quiz("vneid").questions().size(), quiz.getJsonArray("questions").size());
    assertTrue(
        quiz.getJsonArray("questions")
            .getJsonObject(0)
            .getJsonArray("options")
            .toString()
            .contains("\"correct\":true"));

    String greedy = quiz().replaceFirst("draw: 10", "draw: 40");
    JsonObject refused =
        Browser.json(
            roles.get("editor").postJson("/api/preview", request("vneid", "quiz.md", greedy)));
    assertTrue(refused.getJsonArray("problems").toString().contains("draw"), refused.toString());
    assertTrue(notRendered(refused), "nothing rendered");
  }

  @Test
  void badPreviewsAreRefusedWithTheReason() {
    Browser editor = roles.get("editor");
    assertEquals(
        400,
        editor.postJson("/api/preview", request("vneid", "../../etc/passwd", "x")).statusCode());
    assertEquals(
        400,
        editor
            .postJson("/api/preview", request("vneid", "10-cai-dat/../../x/index.md", "x"))
            .statusCode());
    assertEquals(
        400, editor.postJson("/api/preview", request("Vneid!", "quiz.md", "x")).statusCode());
    assertEquals(400, editor.postJson("/api/preview", "not json").statusCode());
    HttpResponse<String> big =
        editor.postJson("/api/preview", request("vneid", "quiz.md", "a".repeat(5 * 1024 * 1024)));
    assertEquals(413, big.statusCode());
    assertTrue(big.body().contains("1 MB"), big.body());
    JsonObject fresh =
        Browser.json(
            editor.postJson(
                "/api/preview",
                request(
                    "bai-moi",
                    "10-mot/index.md",
                    "---\ntitle: Một\nweight: 10\nminutes: 5\n---\n\nChữ.\n\n## Nguồn\n\n- Báo\n")));
    assertTrue(fresh.getJsonArray("problems").toString().contains("_index.md"), fresh.toString());
  }

  /** The export is a folder check-content accepts, giving the versions the site serves. */
  @Test
  void theExportIsTheCurriculumWithItsVersions() throws IOException {
    HttpResponse<byte[]> zip = roles.get("editor").getBytes("/api/content/export.zip");
    assertEquals(200, zip.statusCode());
    assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElseThrow());
    Path folder = Files.createTempDirectory("export-");
    try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      ZipEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        Path file = folder.resolve(entry.getName()).normalize();
        assertTrue(file.startsWith(folder), entry.getName());
        Files.createDirectories(file.getParent());
        Files.copy(entries, file);
      }
    }
    ContentLoader.Result loaded = new ContentLoader().load(folder.resolve("content"));
    assertEquals(List.of(), loaded.problems());
    Map<String, String> exported = new TreeMap<>();
    loaded.modules().forEach((id, result) -> exported.put(id, result.module().version()));
    Map<String, String> served = new TreeMap<>();
    for (JsonValue module : Http.json(Http.get("/api/modules")).asJsonArray()) {
      served.put(module.asJsonObject().getString("id"), module.asJsonObject().getString("version"));
    }
    assertEquals(served, exported);
    assertFalse(served.isEmpty());
  }

  @Test
  void theEditorsPageListsTheModulesWithTheirVersions() {
    HttpResponse<String> page = roles.get("editor").get("/bien-tap");
    assertEquals(200, page.statusCode());
    for (JsonValue module : Http.json(Http.get("/api/modules")).asJsonArray()) {
      assertTrue(
          page.body().contains(module.asJsonObject().getString("version")), module.toString());
    }
    assertTrue(page.body().contains("href=\"/api/content/export.zip\""));
  }

  /** JSON-B leaves out a null field. */
  private static boolean notRendered(JsonObject preview) {
    return !preview.containsKey("html") || preview.isNull("html");
  }

  private static String request(String moduleId, String file, String text) {
    return Json.createObjectBuilder()
        .add("moduleId", moduleId)
        .add("file", file)
        .add("text", text)
        .build()
        .toString();
  }

  private static String quiz() {
    try {
      return Files.readString(TestContent.ROOT.resolve("modules/vneid/quiz.md"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String lesson(String module, String folder) throws IOException {
    return Files.readString(
        TestContent.ROOT.resolve("modules/" + module + "/" + folder + "/index.md"));
  }
}
