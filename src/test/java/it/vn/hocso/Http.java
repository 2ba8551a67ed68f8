package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP against the server the build started for the tests. */
final class Http {

  static final String BASE = "http://localhost:" + System.getProperty("http.port", "9180");

  private static final Browser CLIENT = Browser.withoutCookies();

  private Http() {}

  static HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET(), headers);
  }

  static HttpResponse<byte[]> getBytes(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.sendBytes(request);
  }

  static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request);
  }

  static JsonStructure json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).read();
  }

  /** Waits until the server reports itself ready: database migrated and content loaded. */
  static void awaitReady() {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> ready = get("/health/ready");
        if (ready.statusCode() == 200) {
          return;
        }
        last = ready.statusCode() + " " + ready.body();
      } catch (UncheckedIOException e) {
        last = e.getMessage();
      }
      sleep(250);
    }
    fail("server not ready after 90 s: " + last);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
