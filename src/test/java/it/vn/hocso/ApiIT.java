package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API, as documented at /openapi. */
class ApiIT {

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  @Test
  void moduleListHasEveryModuleWithItsSummaryFields() {
    HttpResponse<String> response = Http.get("/api/modules");
    assertEquals(200, response.statusCode());
    JsonArray modules = Http.json(response).asJsonArray();
    List<String> shipped = QuizKey.moduleIds();
    assertEquals(shipped.size(), modules.size());
    assertEquals(shipped.get(0), modules.getJsonObject(0).getString("id"), "in weight order");
    JsonObject first =
        modules.stream()
            .map(JsonValue::asJsonObject)
            .filter(module -> module.getString("id").equals("vneid"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        java.util.Set.of("id", "title", "summary", "version", "minutes", "lessons"),
        first.keySet());
    assertEquals(3, first.getInt("lessons"));
    assertTrue(first.getString("version").matches("[0-9a-f]{12}"));
    assertTrue(first.getString("title").contains("VNeID"));
  }

  @Test
  void moduleListIsServedFromMemoryWithGzipAndEntityTags() throws Exception {
    HttpResponse<String> first = Http.get("/api/modules");
    HttpResponse<byte[]> gzipped = Http.getBytes("/api/modules", "Accept-Encoding", "gzip");
    assertEquals(200, gzipped.statusCode());
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
    assertTrue(
        gzipped.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    byte[] unzipped =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))
            .readAllBytes();
    assertEquals(first.body(), new String(unzipped, java.nio.charset.StandardCharsets.UTF_8));

    String etag = gzipped.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> again =
        Http.getBytes("/api/modules", "Accept-Encoding", "gzip", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    // Served before JAX-RS, still with the security headers.
    assertTrue(again.headers().firstValue("X-Content-Type-Options").isPresent());
  }

  @Test
  void oneModuleListsItsLessons() {
    JsonObject module = Http.json(Http.get("/api/modules/dich-vu-cong")).asJsonObject();
    assertEquals("dich-vu-cong", module.getString("id"));
    JsonArray lessons = module.getJsonArray("lessons");
    assertEquals(3, lessons.size());
    JsonObject lesson = lessons.getJsonObject(0);
    assertEquals(java.util.Set.of("id", "title", "minutes"), lesson.keySet());
    assertTrue(lesson.getInt("minutes") <= 15);
  }

  @Test
  void oneLessonComesAsSanitizedHtml() {
    JsonObject lesson =
        Http.json(Http.get("/api/modules/an-toan-tren-mang/lessons/otp-va-mat-khau"))
            .asJsonObject();
    assertEquals("otp-va-mat-khau", lesson.getString("id"));
    String html = lesson.getString("html");
    assertTrue(html.contains("<h2>Nguồn</h2>"), html);
    assertFalse(html.contains("<script"), html);
  }

  @Test
  void unknownIdsGiveJsonErrors() {
    HttpResponse<String> module = Http.get("/api/modules/khong-co");
    assertEquals(404, module.statusCode());
    assertTrue(
        module.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    assertTrue(
        Http.json(module).asJsonObject().getString("error").startsWith("Không tìm thấy học phần"));

    HttpResponse<String> lesson = Http.get("/api/modules/vneid/lessons/khong-co");
    assertEquals(404, lesson.statusCode());
    assertTrue(
        Http.json(lesson).asJsonObject().getString("error").contains("không có bài học này"));

    // Refused by the servlet container before the app sees it, still answered in JSON.
    HttpResponse<String> dots = Http.get("/api/modules/vneid/lessons/%2e%2e");
    assertEquals(400, dots.statusCode());
    assertTrue(
        Http.json(dots).asJsonObject().getString("error").startsWith("Địa chỉ hoặc thông tin"));

    HttpResponse<String> nothing = Http.get("/api/khong-co");
    assertEquals(404, nothing.statusCode());
    assertTrue(Http.json(nothing).asJsonObject().containsKey("error"));
  }

  @Test
  void theApiIsDocumentedAtOpenapi() {
    HttpResponse<String> openapi = Http.get("/openapi");
    assertEquals(200, openapi.statusCode());
    String document = openapi.body();
    assertTrue(document.contains("/api/modules:"), document);
    assertTrue(document.contains("/api/modules/{moduleId}:"), document);
    assertTrue(document.contains("/api/modules/{moduleId}/lessons/{lessonId}:"), document);
    assertFalse(document.contains("/hoc-phan"), "pages are not part of the API");
  }

  @Test
  void healthReportsDatabaseAndContent() {
    HttpResponse<String> ready = Http.get("/health/ready");
    assertEquals(200, ready.statusCode());
    JsonObject health = Http.json(ready).asJsonObject();
    assertEquals("UP", health.getString("status"));
    String checks = health.getJsonArray("checks").toString();
    assertTrue(checks.contains("\"name\":\"database\""), checks);
    assertTrue(checks.contains("\"name\":\"content\""), checks);
    assertTrue(checks.contains("\"modules\":" + QuizKey.moduleIds().size()), checks);
  }
}
