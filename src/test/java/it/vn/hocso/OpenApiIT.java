package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.learner.control.Sessions;
import vn.hocso.security.control.CsrfTokens;
import vn.hocso.security.control.OwnerKeys;

/**
 * The OpenAPI document the test server serves is complete: every operation has an id, its security
 * and its success and error responses with schemas; and Redocly's linter, with its recommended
 * rules and nothing turned off, finds no error and no warning in it.
 */
class OpenApiIT {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  private static JsonObject document() {
    HttpResponse<String> served = Http.get("/openapi?format=JSON");
    assertEquals(200, served.statusCode());
    try (JsonReader reader = Json.createReader(new StringReader(served.body()))) {
      return reader.readObject();
    }
  }

  @Test
  void everyOperationHasAnIdItsSecurityAndResponsesWithSchemas() {
    JsonObject document = document();
    JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
    assertEquals(Sessions.COOKIE, schemes.getJsonObject("session").getString("name"));
    assertEquals("cookie", schemes.getJsonObject("session").getString("in"));
    assertEquals(OwnerKeys.GUEST_COOKIE, schemes.getJsonObject("guest").getString("name"));
    assertEquals(CsrfTokens.HEADER, schemes.getJsonObject("csrf").getString("name"));
    assertEquals("header", schemes.getJsonObject("csrf").getString("in"));
    assertEquals(
        System.getProperty("public.url"),
        document.getJsonArray("servers").getJsonObject(0).getString("url"),
        "the server is the public address, not the Host the tests called");

    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int operations = 0;
    for (var path : document.getJsonObject("paths").entrySet()) {
      for (var entry : path.getValue().asJsonObject().entrySet()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        operations++;
        String where = entry.getKey().toUpperCase() + " " + path.getKey();
        JsonObject operation = entry.getValue().asJsonObject();
        String id = operation.getString("operationId", "");
        if (id.isEmpty() || !ids.add(id)) {
          problems.add(where + ": no operationId, or one used twice (" + id + ")");
        }
        if (!operation.containsKey("security")) {
          problems.add(where + ": no security stated");
        } else if (!"get".equals(entry.getKey())
            && operation.getJsonArray("security").stream()
                .anyMatch(requirement -> !requirement.asJsonObject().containsKey("csrf"))) {
          problems.add(where + ": changes something but does not ask for the CSRF header");
        }
        JsonObject responses = operation.getJsonObject("responses");
        if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
          problems.add(where + ": no success response");
        }
        if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
          problems.add(where + ": no 4xx response");
        }
        for (var response : responses.entrySet()) {
          if (response.getKey().equals("204") || response.getKey().equals("304")) {
            continue;
          }
          JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
          if (content == null
              || content.isEmpty()
              || content.values().stream()
                  .map(JsonValue::asJsonObject)
                  .anyMatch(media -> !media.containsKey("schema"))) {
            problems.add(where + " " + response.getKey() + ": no schema");
          }
        }
      }
    }
    assertTrue(operations >= 47, "operations documented: " + operations);
    assertEquals(List.of(), problems);
  }

  @Test
  void redoclysRecommendedRulesFindNoErrorAndNoWarning() throws Exception {
    Path work = Path.of("target", "openapi-lint");
    Files.createDirectories(work);
    for (String file : List.of("package.json", "package-lock.json", "redocly.yaml")) {
      Files.copy(
          Path.of("src", "test", "openapi", file),
          work.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isExecutable(work.resolve("node_modules/.bin/redocly"))) {
      run(work, 600, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }
    Path served = work.resolve("openapi.json");
    Files.writeString(served, Http.get("/openapi?format=JSON").body(), StandardCharsets.UTF_8);
    String report =
        run(
            work,
            120,
            "node_modules/.bin/redocly",
            "lint",
            "openapi.json",
            "--config=redocly.yaml",
            "--format=json");
    JsonObject totals;
    try (JsonReader reader =
        Json.createReader(new StringReader(report.substring(report.indexOf('{'))))) {
      totals = reader.readObject().getJsonObject("totals");
    }
    assertEquals(0, totals.getInt("errors"), report);
    assertEquals(0, totals.getInt("warnings"), report);
  }

  /** Runs a command in a folder; returns what it printed on standard output. */
  private static String run(Path folder, int seconds, String... command)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(folder, "out", ".txt");
    Path err = Files.createTempFile(folder, "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
    }
    String printed = Files.readString(out);
    // redocly lint exits 1 when it finds errors; the report says which.
    if (process.exitValue() != 0 && printed.indexOf('{') < 0) {
      throw new AssertionError(
          String.join(" ", command) + " failed:\n" + printed + Files.readString(err));
    }
    return printed;
  }
}
