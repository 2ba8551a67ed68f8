package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pages residents read, over plain HTTP. */
class PagesIT {

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  @Test
  void homeListsProgramsAndEveryModule() {
    HttpResponse<String> home = Http.get("/");
    assertEquals(200, home.statusCode());
    assertEquals(
        "text/html;charset=UTF-8",
        home.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
    String html = home.body();
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"vi\">"), html);
    assertTrue(html.contains("Kỹ năng số cơ bản"), "basic program shown");
    assertTrue(html.contains("Gia đình số"), "digital family program shown");
    for (String module :
        new String[] {
          "vneid", "dich-vu-cong", "an-toan-tren-mang", "thue-dien-tu", "chu-ky-so", "tro-ly-ai"
        }) {
      assertTrue(html.contains("href=\"/hoc-phan/" + module + "\""), module);
    }
  }

  @Test
  void modulePageListsLessonsInOrderWithMinutesAndVersion() {
    String html = Http.get("/hoc-phan/vneid").body();
    int first = html.indexOf("href=\"/hoc-phan/vneid/cai-dat\"");
    int second = html.indexOf("href=\"/hoc-phan/vneid/dinh-danh-muc-2\"");
    int third = html.indexOf("href=\"/hoc-phan/vneid/vi-giay-to\"");
    assertTrue(first > 0 && first < second && second < third, "lessons in weight order");
    assertTrue(html.contains("Khoảng 10 phút"), "lesson minutes shown");
    Matcher version =
        Pattern.compile("Phiên bản nội dung: <code>([0-9a-f]{12})</code>").matcher(html);
    assertTrue(version.find(), "content version shown");
    String apiVersion =
        Http.json(Http.get("/api/modules/vneid")).asJsonObject().getString("version");
    assertEquals(apiVersion, version.group(1));
  }

  @Test
  void lessonPageHasPreviousNextAndBackLinks() {
    String html = Http.get("/hoc-phan/vneid/dinh-danh-muc-2").body();
    assertTrue(html.contains("<h1>Tài khoản định danh điện tử mức 2</h1>"), html);
    assertTrue(html.contains("href=\"/hoc-phan/vneid/cai-dat\" rel=\"prev\""), "previous");
    assertTrue(html.contains("href=\"/hoc-phan/vneid/vi-giay-to\" rel=\"next\""), "next");
    assertTrue(html.contains("<a class=\"button\" href=\"/hoc-phan/vneid\">Về trang học phần</a>"));
    assertTrue(html.contains("<h2>Nguồn</h2>"), "sources listed");
  }

  @Test
  void firstAndLastLessonsHaveOnlyOneNeighbour() {
    String first = Http.get("/hoc-phan/vneid/cai-dat").body();
    assertFalse(first.contains("rel=\"prev\""));
    assertTrue(first.contains("rel=\"next\""));
    String last = Http.get("/hoc-phan/vneid/vi-giay-to").body();
    assertTrue(last.contains("rel=\"prev\""));
    assertFalse(last.contains("rel=\"next\""));
  }

  @Test
  void lessonPagesAreGzippedAndCacheableWithEntityTags() throws IOException {
    HttpResponse<byte[]> gzipped =
        Http.getBytes("/hoc-phan/vneid/cai-dat", "Accept-Encoding", "gzip");
    assertEquals(200, gzipped.statusCode());
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
    assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElseThrow());
    assertEquals("public, no-cache", gzipped.headers().firstValue("Cache-Control").orElseThrow());
    String etag = gzipped.headers().firstValue("ETag").orElseThrow();
    byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();

    HttpResponse<byte[]> plain = Http.getBytes("/hoc-phan/vneid/cai-dat");
    assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
    assertArrayEquals(plain.body(), unzipped, "gzip holds the same page");
    assertTrue(unzipped.length > gzipped.body().length * 2, "compressed well");

    HttpResponse<byte[]> again =
        Http.getBytes("/hoc-phan/vneid/cai-dat", "Accept-Encoding", "gzip", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    Http.get("/hoc-phan/vneid/cai-dat");
    // The second answer comes from the page cache, before JAX-RS: it must carry them too.
    HttpResponse<String> page = Http.get("/hoc-phan/vneid/cai-dat");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    assertEquals("vi", page.headers().firstValue("Content-Language").orElseThrow());
  }

  @Test
  void stylesheetHasAHashedAddressAndIsCachedForAYear() {
    Matcher css =
        Pattern.compile("href=\"(/tai-nguyen/app\\.[0-9a-f]+\\.css)\"")
            .matcher(Http.get("/").body());
    assertTrue(css.find());
    HttpResponse<String> response = Http.get(css.group(1));
    assertEquals(200, response.statusCode());
    assertEquals(
        "public, max-age=31536000, immutable",
        response.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(response.body().contains("font-size"));
    assertEquals(404, Http.get("/tai-nguyen/app.0000.css").statusCode());
  }

  @Test
  void lessonImagesAreServedWithTheirTypeAndVersionedAddress() {
    String html = Http.get("/hoc-phan/vneid/cai-dat").body();
    Matcher image =
        Pattern.compile("<img src=\"(/noi-dung/vneid/[0-9a-f]{12}/[^\"]+\\.svg)\"").matcher(html);
    assertTrue(image.find(), "lesson shows an image");
    HttpResponse<String> svg = Http.get(image.group(1));
    assertEquals(200, svg.statusCode());
    assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "public, max-age=31536000, immutable",
        svg.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(
        svg.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
    assertTrue(svg.body().contains("<svg"));
  }

  @Test
  void unknownModuleGivesAVietnameseNotFoundPage() {
    HttpResponse<String> response = Http.get("/hoc-phan/khong-co");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("<h1>Không tìm thấy trang</h1>"), response.body());
    assertTrue(response.body().contains("Không tìm thấy học phần này."), response.body());
    assertTrue(response.body().contains("href=\"/\""), "a way home");
  }

  @Test
  void unknownLessonGivesAVietnameseNotFoundPage() {
    HttpResponse<String> response = Http.get("/hoc-phan/vneid/khong-co");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("không có bài học này"), response.body());
  }

  @Test
  void unknownAddressGivesTheSameNotFoundPage() {
    HttpResponse<String> response = Http.get("/khong/co/trang/nay");
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("<h1>Không tìm thấy trang</h1>"));
  }

  @Test
  void addressesWithDotSegmentsGetAVietnamesePage() {
    HttpResponse<String> response = Http.get("/hoc-phan/vneid/%2e%2e/%2e%2e/pom.xml");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("<h1>Yêu cầu chưa đúng</h1>"), response.body());
  }

  /** Some of these the HTTP layer refuses (400) before the app; none may reach a file. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/hoc-phan/..%2F..%2Fserver.xml",
        "/hoc-phan/vneid/..%2F..%2F..%2Fetc%2Fpasswd",
        "/hoc-phan/vneid/%2e%2e",
        "/hoc-phan/%00",
        "/hoc-phan/vneid/cai-dat%00.md",
        "/noi-dung/vneid/000000000000/..%2F..%2F..%2Fetc%2Fpasswd",
        "/noi-dung/vneid/000000000000/10-cai-dat/index.md",
        "/noi-dung/vneid/000000000000/%2e%2e/%2e%2e/pom.xml",
        "/hoc-phan/vneid/cai-dat/..%5C..%5Cquiz.md",
      })
  void pathCharactersInIdsNeverEscapeTheContent(String path) {
    HttpResponse<String> response = Http.get(path);
    int status = response.statusCode();
    assertTrue(status == 404 || status == 400, path + " gave " + status);
    assertFalse(response.body().contains("root:"), "no system file");
    assertFalse(response.body().contains("<server"), "no server config");
    assertFalse(
        response.body().contains("Loại:") || response.body().contains("- [x]"), "no quiz key");
  }
}
