package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

/** Test residents: unique phone numbers and CCCDs, registered over the API. */
final class Residents {

  /** The test server's starter wards, by id (V3 migration order). */
  static final long HAI_CHAU = 3;

  static final long HOA_CUONG = 4;

  static final String PASSWORD = "cay-tre-xanh-2026";

  private Residents() {}

  /** A phone number no test has used (09 + 8 random digits). */
  static String newPhone() {
    return "09" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** A 12-digit citizen ID no test has used. */
  static String newCccd() {
    return "0" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
  }

  static JsonObjectBuilder registration(String name, String signInName, long ward) {
    return Json.createObjectBuilder()
        .add("displayName", name)
        .add("birthYear", 1958)
        .add("wardId", ward)
        .add("signInName", signInName)
        .add("password", PASSWORD)
        .add("consent", true);
  }

  /** Registers (and so signs in) the browser's resident. */
  static JsonObject register(Browser browser, String name, String signInName, long ward) {
    HttpResponse<String> response =
        browser.postJson("/api/accounts", registration(name, signInName, ward).build().toString());
    assertEquals(201, response.statusCode(), response.body());
    return Browser.json(response);
  }

  static HttpResponse<String> signIn(Browser browser, String signInName, String password) {
    return browser.postJson(
        "/api/sessions",
        Json.createObjectBuilder()
            .add("signInName", signInName)
            .add("password", password)
            .build()
            .toString());
  }
}
