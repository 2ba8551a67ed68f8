package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A ward imported for one test, and what its officer and trainers do there through the API. */
final class TestWard {

  final String key;
  final long id;

  private TestWard(String key, long id) {
    this.key = key;
    this.id = id;
  }

  /** A new ward, keyed from {@code keyBase} and the clock, imported by the admin. */
  static TestWard imported(int keyBase, String name, String provinceCode, String provinceName) {
    String key = String.valueOf(keyBase + System.nanoTime() % 9000);
    String csv =
        "ma,ten,loai,ma_tinh,ten_tinh\n"
            + key
            + ","
            + name
            + ",phường,"
            + provinceCode
            + ","
            + provinceName
            + "\n";
    HttpResponse<String> imported =
        Staff.admin().post("/api/wards/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, imported.statusCode(), imported.body());
    long id =
        Http.json(Http.get("/api/wards")).asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(ward -> key.equals(ward.getString("key")))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    return new TestWard(key, id);
  }

  /** A residential group the officer creates. */
  long group(Browser officer, String name) {
    HttpResponse<String> created =
        officer.postJson(
            "/api/wards/" + key + "/groups",
            Json.createObjectBuilder().add("name", name).build().toString());
    assertEquals(201, created.statusCode(), created.body());
    return Browser.json(created).getJsonNumber("id").longValue();
  }

  /** A resident the trainer registers at their door, in a group's household at an address. */
  static long assisted(Browser trainer, String name, int birthYear, long group, String address) {
    HttpResponse<String> registered =
        trainer.postJson(
            "/api/assisted-registrations",
            Json.createObjectBuilder()
                .add("displayName", name)
                .add("birthYear", birthYear)
                .add("signInName", Residents.newPhone())
                .add("password", Residents.PASSWORD)
                .add("consent", true)
                .add("groupId", group)
                .add("address", address)
                .build()
                .toString());
    assertEquals(201, registered.statusCode(), registered.body());
    return Browser.json(registered).getJsonNumber("id").longValue();
  }

  /** The resident passes a module's quiz with the trainer. */
  static void passWithTrainer(Browser trainer, long resident, String module) {
    HttpResponse<String> started =
        trainer.postJson(
            "/api/residents/" + resident + "/attempts", "{\"moduleId\":\"" + module + "\"}");
    assertEquals(201, started.statusCode(), started.body());
    JsonObject attempt = Browser.json(started);
    HttpResponse<String> submitted =
        trainer.postJson(
            "/api/attempts/" + attempt.getString("attemptId") + "/submission",
            QuizKey.rightAnswers(QuizKey.quiz(module), attempt));
    assertEquals(200, submitted.statusCode(), submitted.body());
  }

  /** The trainer attests a skill, confirming its first {@code items} checklist lines. */
  static void attest(Browser trainer, long resident, String skill, int items) {
    StringBuilder confirmed = new StringBuilder();
    for (int i = 0; i < items; i++) {
      confirmed.append(i == 0 ? "" : ",").append(i);
    }
    HttpResponse<String> attested =
        trainer.postJson(
            "/api/residents/" + resident + "/attestations",
            "{\"skillId\":\"" + skill + "\",\"confirmed\":[" + confirmed + "]}");
    assertEquals(201, attested.statusCode(), attested.body());
  }
}
