package it.vn.hocso;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One resident's HTTP client: keeps its own cookies, does not follow redirects. */
final class Browser {

  private final HttpClient client;
  private String csrf;

  /** A browser that keeps its cookies. */
  Browser() {
    this(true);
  }

  private Browser(boolean keepsCookies) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (keepsCookies) {
      builder.cookieHandler(new CookieManager());
    }
    client = builder.build();
  }

  /** A client that sends no cookies, as a first visit or a plain API client does. */
  static Browser withoutCookies() {
    return new Browser(false);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(Http.BASE + path)).GET());
  }

  /** This browser's CSRF token, fetched (and its cookie set) the first time a form needs it. */
  String csrf() {
    if (csrf == null) {
      csrf = json(get("/api/csrf-token")).getString("token");
    }
    return csrf;
  }

  HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(Http.BASE + path))
            .header("Content-Type", "application/json")
            .header("X-CSRF-Token", csrf())
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> putJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(Http.BASE + path))
            .header("Content-Type", "application/json")
            .header("X-CSRF-Token", csrf())
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(Http.BASE + path))
            .header("Content-Type", contentType)
            .header("X-CSRF-Token", csrf())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<byte[]> getBytes(String path) {
    return sendBytes(HttpRequest.newBuilder(URI.create(Http.BASE + path)).GET());
  }

  HttpResponse<String> delete(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(Http.BASE + path))
            .header("X-CSRF-Token", csrf())
            .DELETE());
  }

  HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
    List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
    all.add(Map.entry("_csrf", csrf()));
    String body =
        all.stream()
            .map(
                field ->
                    URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(Http.BASE + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
    return send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(20)).build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
