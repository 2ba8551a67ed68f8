package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Edits the content folder of the running server: a new module appears, an edit shows up, a broken
 * file keeps the last good version on the page and reports the problem on /health.
 */
class ContentReloadIT {

  private static final Path MODULE = TestContent.ROOT.resolve("modules/thu-tai-lai");
  private static final String PAGE = "/hoc-phan/thu-tai-lai/bai";

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  @AfterAll
  static void removeTheModule() throws IOException {
    TestContent.deleteTree(MODULE);
    int shipped = QuizKey.moduleIds().size();
    awaitPage("/api/modules", response -> Http.json(response).asJsonArray().size() == shipped);
    assertEquals(404, Http.get(PAGE).statusCode());
  }

  private static void writeLesson(String frontMatterTitle, String text) throws IOException {
    write(
        "10-bai/index.md",
        "---\ntitle: "
            + frontMatterTitle
            + "\nweight: 10\nminutes: 5\n---\n\n"
            + text
            + "\n\n## Nguồn\n\n- Báo Thử\n");
  }

  private static void write(String relative, String text) throws IOException {
    TestContent.write(MODULE.resolve(relative), text);
  }

  /** Polls until the page satisfies the condition; returns how long that took. */
  private static Duration awaitPage(String path, Predicate<HttpResponse<String>> condition) {
    long started = System.nanoTime();
    long deadline = started + Duration.ofSeconds(10).toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = Http.get(path);
      if (condition.test(last)) {
        return Duration.ofNanos(System.nanoTime() - started);
      }
      Http.sleep(20);
    }
    fail(
        "no change on "
            + path
            + " within 10 s; last answer "
            + (last == null ? "none" : last.statusCode() + " " + last.body()));
    return null;
  }

  @Test
  void editsShowUpWithoutARestartAndBrokenFilesKeepTheLastGoodVersion() throws IOException {
    write(
        "_index.md",
        "---\ntitle: Tải lại\nsummary: Thử tải lại.\nweight: 900\nminutes: 10\npass_mark: 50\n"
            + "criteria: []\n---\n");
    write("quiz.md", "---\ndraw: 1\n---\n\n## Câu?\n\n- [x] Có\n- [ ] Không\n\n> Vì thế.\n");
    writeLesson("Bài thử", "Phiên bản một.");
    Duration created = awaitPage(PAGE, page -> page.body().contains("Phiên bản một."));
    String firstTag = Http.get(PAGE).headers().firstValue("ETag").orElseThrow();

    writeLesson("Bài thử", "Phiên bản hai.");
    Duration edited = awaitPage(PAGE, page -> page.body().contains("Phiên bản hai."));
    assertNotEquals(firstTag, Http.get(PAGE).headers().firstValue("ETag").orElseThrow());
    System.out.printf(
        "Content reload: new module visible after %d ms, edit after %d ms%n",
        created.toMillis(), edited.toMillis());

    // Broken front matter: the page keeps the last good version, /health names the line.
    writeLesson("\"Bài\": thử", "Phiên bản hỏng <script>alert(1)</script>.");
    awaitPage(
        "/health",
        health ->
            health.body().contains("modules/thu-tai-lai/10-bai/index.md:2: YAML sai cú pháp"));
    HttpResponse<String> page = Http.get(PAGE);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Phiên bản hai."), "last good version still served");
    assertFalse(page.body().contains("Phiên bản hỏng"));
    assertFalse(page.body().contains("<script>alert"));
    HttpResponse<String> health = Http.get("/health");
    assertEquals(200, health.statusCode(), "a content problem does not make the app unhealthy");
    assertTrue(
        health
            .body()
            .contains(
                "modules/thu-tai-lai/10-bai/index.md:7: không được dùng HTML trong bài (`<script>`)"),
        health.body());

    writeLesson("Bài thử", "Phiên bản ba.");
    awaitPage(PAGE, response -> response.body().contains("Phiên bản ba."));
    awaitPage("/health", response -> !response.body().contains("thu-tai-lai"));
  }
}
