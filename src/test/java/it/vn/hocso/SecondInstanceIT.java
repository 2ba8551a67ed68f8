package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the app on one database, as production runs them (the Test command starts the
 * second Liberty server, with no content folder of its own): a draft saved on one is read on the
 * other, and a publish on either is served by the other within 2 s.
 */
class SecondInstanceIT {

  static final String SECOND = "http://localhost:" + System.getProperty("http.port.second");
  static final Duration WITHIN = Duration.ofSeconds(2);

  static Browser trainer;
  static Browser editor;

  @BeforeAll
  static void bothReady() {
    Http.awaitReady();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> ready = Browser.withoutCookies().send(second("/health/ready"));
        if (ready.statusCode() == 200) {
          break;
        }
        last = ready.statusCode() + " " + ready.body();
      } catch (RuntimeException e) {
        last = e.getMessage();
      }
      Http.sleep(250);
    }
    assertEquals(200, Browser.withoutCookies().send(second("/health/ready")).statusCode(), last);
    trainer = Staff.withRole("Hai Máy Soạn", "trainer", Residents.HAI_CHAU);
    editor = Staff.withRole("Hai Máy Duyệt", "editor", Residents.HAI_CHAU);
  }

  @AfterAll
  static void retireLeftovers() {
    DraftsIT.retireLeftovers(editor);
  }

  static HttpRequest.Builder second(String path) {
    return HttpRequest.newBuilder(URI.create(SECOND + path)).GET();
  }

  /** Polls the second instance until the page satisfies the condition; how long it took. */
  static Duration awaitOn(String base, String path, Predicate<HttpResponse<String>> condition) {
    long started = System.nanoTime();
    long deadline = started + Duration.ofSeconds(10).toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = Browser.withoutCookies().send(HttpRequest.newBuilder(URI.create(base + path)).GET());
      if (condition.test(last)) {
        return Duration.ofNanos(System.nanoTime() - started);
      }
      Http.sleep(20);
    }
    fail("no change on " + base + path + " within 10 s; last " + last.statusCode());
    return null;
  }

  /**
   * Each instance loads the curriculum from the database after the schema is ready: nothing that
   * depends on it may act on the empty curriculum before (the "Gia đình số" definition once did,
   * and recomputed every household with no module in it at each start).
   */
  @Test
  void neitherInstanceActedOnAnEmptyCurriculumAtStart() throws java.io.IOException {
    java.nio.file.Path first = java.nio.file.Path.of(System.getProperty("server.log.dir"));
    java.nio.file.Path server = first.getParent();
    java.nio.file.Path second = server.resolveSibling(server.getFileName() + "-2").resolve("logs");
    for (java.nio.file.Path logs : List.of(first, second)) {
      String log =
          java.nio.file.Files.readString(
              logs.resolve("messages.log"), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(log.contains("Content loaded from the database (all)"), logs.toString());
      assertFalse(
          log.contains("is now modules=;skills="), logs + " recomputed households for nothing");
    }
  }

  @Test
  void aDraftSavedOnOneIsReadOnTheOtherAndAPublishIsServedWithinTwoSeconds() {
    String module = DraftsIT.newModuleId();
    String page = "/hoc-phan/" + module + "/bai";
    long draft = DraftsIT.created(trainer, module).getJsonNumber("id").longValue();
    DraftsIT.saved(
        trainer,
        draft,
        "modules/" + module + "/_index.md",
        DraftsIT.index("Hai máy", DraftsIT.weight()),
        0);
    DraftsIT.saved(
        trainer, draft, "modules/" + module + "/10-bai/index.md", DraftsIT.lesson("Máy một."), 0);
    DraftsIT.saved(trainer, draft, "modules/" + module + "/quiz.md", DraftsIT.quiz(1), 0);

    // The session and the draft live in the database: the other instance reads both.
    HttpResponse<String> onSecond = trainer.send(second("/api/drafts/" + draft));
    assertEquals(200, onSecond.statusCode(), onSecond.body());
    JsonObject read = Browser.json(onSecond);
    assertEquals(3, read.getJsonArray("files").size(), read.toString());
    assertTrue(read.getJsonObject("check").getBoolean("publishable"), read.toString());

    assertEquals(
        200, DraftsIT.post(trainer, "/api/drafts/" + draft + "/submit", "{}").statusCode());
    HttpResponse<String> published =
        DraftsIT.post(editor, "/api/drafts/" + draft + "/publish", "{}");
    assertEquals(200, published.statusCode(), published.body());
    Duration seen = awaitOn(SECOND, page, response -> response.body().contains("Máy một."));
    System.out.printf("Publish on one instance served by the other after %d ms%n", seen.toMillis());
    assertTrue(seen.compareTo(WITHIN) <= 0, "served after " + seen.toMillis() + " ms");

    // And the other way: a change published through the second instance reaches the first.
    long change = DraftsIT.created(trainer, module).getJsonNumber("id").longValue();
    String path = "modules/" + module + "/10-bai/index.md";
    long base = DraftsIT.publishedRevision(editor, module, path);
    HttpResponse<String> saved =
        trainer.send(
            HttpRequest.newBuilder(
                    URI.create(
                        SECOND
                            + "/api/drafts/"
                            + change
                            + "/file?path="
                            + java.net.URLEncoder.encode(
                                path, java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", trainer.csrf())
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        jakarta.json.Json.createObjectBuilder()
                            .add("text", DraftsIT.lesson("Máy hai."))
                            .add("revision", 0)
                            .add("baseRevision", base)
                            .build()
                            .toString())));
    assertEquals(200, saved.statusCode(), saved.body());
    DraftsIT.post(trainer, "/api/drafts/" + change + "/submit", "{}");
    HttpResponse<String> again =
        editor.send(
            HttpRequest.newBuilder(URI.create(SECOND + "/api/drafts/" + change + "/publish"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", editor.csrf())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(200, again.statusCode(), again.body());
    Duration back = awaitOn(Http.BASE, page, response -> response.body().contains("Máy hai."));
    assertTrue(back.compareTo(WITHIN) <= 0, "served after " + back.toMillis() + " ms");

    DraftsIT.retire(editor, module);
    awaitOn(SECOND, page, response -> response.statusCode() == 404);
  }
}
