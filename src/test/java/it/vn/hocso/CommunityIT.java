package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hocso.content.entity.Quiz;

/**
 * The door-to-door flow over HTTP: an officer creates a team, a trainer enrolls a family of three
 * on their own device, two pass the online safety quiz with the trainer, the trainer attests VNeID,
 * the citizen app and a dossier, the household becomes "Gia đình số" and the ward's figures and
 * reports count it. Then the refusals: other wards, oneself, unknown, withdrawn and future.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityIT {

  /** Ân Tường (starter ward 5): no other test works there. */
  static final long WARD = 5;

  static final String KEY = "tam-" + WARD;

  static Browser officer;
  static Browser trainer;
  static Browser otherTrainer;
  static Browser trainerElsewhere;
  static String trainerPhone;
  static long teamId;
  static long groupId;
  static final List<Long> family = new ArrayList<>();
  static final List<Long> attestations = new ArrayList<>();
  static long familyBefore;
  static long householdId;

  @BeforeAll
  static void staff() {
    Http.awaitReady();
    officer = Staff.withRole("Đinh Thị Phường", "officer", WARD);
    trainerPhone = Residents.newPhone();
    trainer = Staff.withRole("Lý Văn Tổ", "trainer", WARD, trainerPhone);
    otherTrainer = Staff.withRole("Mạc Thị Khác", "trainer", WARD);
    trainerElsewhere = Staff.withRole("Tôn Văn Xa", "trainer", Residents.HOA_CUONG);
  }

  static JsonObject json(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    return response.body().isEmpty() ? JsonValue.EMPTY_JSON_OBJECT : Browser.json(response);
  }

  static long family(String figure) {
    return Browser.json(officer.get("/api/wards/" + KEY + "/progress"))
        .getJsonObject(figure)
        .getJsonNumber("numerator")
        .longValue();
  }

  @Test
  @Order(1)
  void theDoorToDoorFlowMakesAGiaDinhSoHousehold() throws SQLException, IOException {
    familyBefore = family("familyHouseholds");
    // The officer creates a residential group and a team covering it, and adds the trainer.
    groupId =
        json(officer.postJson("/api/wards/" + KEY + "/groups", "{\"name\":\"Tổ dân phố 9\"}"), 201)
            .getJsonNumber("id")
            .longValue();
    teamId =
        json(
                officer.postJson(
                    "/api/wards/" + KEY + "/teams",
                    "{\"name\":\"Tổ công nghệ số 9\",\"groupIds\":[" + groupId + "]}"),
                201)
            .getJsonNumber("id")
            .longValue();
    json(
        officer.postJson(
            "/api/teams/" + teamId + "/members", "{\"signInName\":\"" + trainerPhone + "\"}"),
        204);

    // The trainer enrolls a family of three on their own device, at one address.
    for (String name : List.of("Võ Văn Ba", "Nguyễn Thị Mẹ", "Võ Thị Con")) {
      JsonObject resident =
          json(
              trainer.postJson(
                  "/api/assisted-registrations",
                  Json.createObjectBuilder()
                      .add("displayName", name)
                      .add("birthYear", name.equals("Võ Thị Con") ? 2004 : 1960)
                      .add("signInName", Residents.newPhone())
                      .add("password", Residents.PASSWORD)
                      .add("consent", true)
                      .add("groupId", groupId)
                      .add("address", "Số 7, thôn Đông")
                      .build()
                      .toString()),
              201);
      family.add(resident.getJsonNumber("id").longValue());
    }
    JsonArray workList = Http.json(trainer.get("/api/me/work-list")).asJsonArray();
    JsonObject household =
        workList.stream()
            .map(JsonValue::asJsonObject)
            .filter(h -> h.getString("address").equals("Số 7, thôn Đông"))
            .findFirst()
            .orElseThrow();
    assertEquals(3, household.getJsonArray("members").size());
    householdId = household.getJsonNumber("id").longValue();
    assertTrue(household.getJsonArray("familyMissing").size() >= 4, household.toString());

    // Two of them pass the online safety quiz with the trainer.
    Quiz quiz = QuizKey.quiz("an-toan-tren-mang");
    for (long member : family.subList(0, 2)) {
      JsonObject attempt =
          json(
              trainer.postJson(
                  "/api/residents/" + member + "/attempts", "{\"moduleId\":\"an-toan-tren-mang\"}"),
              201);
      JsonObject result =
          json(
              trainer.postJson(
                  "/api/attempts/" + attempt.getString("attemptId") + "/submission",
                  QuizKey.rightAnswers(quiz, attempt)),
              200);
      assertTrue(result.getBoolean("passed"));
    }
    try (Connection db = Database.connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT COUNT(*) FROM completion WHERE account_id IN (?, ?) AND assisted_by ="
                    + " (SELECT id FROM account WHERE display_name = 'Lý Văn Tổ')")) {
      query.setLong(1, family.get(0));
      query.setLong(2, family.get(1));
      try (ResultSet count = query.executeQuery()) {
        count.next();
        assertEquals(2, count.getInt(1), "the completions are the residents', marked assisted");
      }
    }

    // The trainer attests VNeID, the citizen app and a dossier.
    attest(family.get(0), "vneid-muc-2", 4, null, 201);
    attest(family.get(1), "ung-dung-cong-dan-so", 4, null, 201);
    assertEquals(familyBefore, family("familyHouseholds"), "not yet: no dossier");
    attest(family.get(2), "ho-so-truc-tuyen", 5, "G22.99-260101-0001", 201);
    assertEquals(familyBefore + 1, family("familyHouseholds"), "now a Gia đình số household");

    // The ward's report and the roll-up count it.
    JsonObject rollupRow =
        Http.json(Staff.admin().get("/api/reports/rollup")).asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(row -> row.getJsonObject("ward").getString("key").equals(KEY))
            .findFirst()
            .orElseThrow();
    assertEquals(
        familyBefore + 1,
        rollupRow.getJsonObject("familyHouseholds").getJsonNumber("numerator").longValue());
    HttpResponse<byte[]> xlsx = officer.getBytes("/api/wards/" + KEY + "/report.xlsx");
    assertEquals(200, xlsx.statusCode());
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<String> summary = WardsIT.cells(workbook.getFirstSheet());
      int label = summary.indexOf("Hộ \"Gia đình số\"");
      assertTrue(label > 0, summary.toString());
      assertEquals(String.valueOf(familyBefore + 1), summary.get(label + 1));
      int group = summary.indexOf("Tổ dân phố 9");
      assertTrue(group > 0, "the household by residential group: " + summary);
      // Nobody passed the online services module yet: Gia đình số, but no online filer.
      assertEquals(List.of("1", "0", "0.0", "1", "100.0"), summary.subList(group + 1, group + 6));
    }
    String csv = officer.get("/api/wards/" + KEY + "/report.csv").body();
    assertEquals(2, csv.split("Có hỗ trợ", -1).length - 1, "the two assisted completions");
    assertFalse(csv.contains("G22.99-260101-0001"), "the dossier code never leaves the server");

    // The officer's activity view: the trainer and the team, this month.
    JsonArray activity = Http.json(officer.get("/api/wards/" + KEY + "/activity")).asJsonArray();
    for (String kind : List.of("trainer", "team")) {
      JsonObject row =
          activity.stream()
              .map(JsonValue::asJsonObject)
              .filter(r -> r.getString("kind").equals(kind))
              .findFirst()
              .orElseThrow(() -> new AssertionError(kind + " in " + activity));
      assertEquals(1, row.getInt("households"), row.toString());
      assertEquals(3, row.getInt("enrolled"));
      assertEquals(3, row.getInt("attestations"));
      assertEquals(2, row.getInt("completions"));
    }
    HttpResponse<byte[]> activityCsv = officer.getBytes("/api/wards/" + KEY + "/activity.csv");
    assertEquals(200, activityCsv.statusCode());
    assertTrue(
        new String(activityCsv.body(), java.nio.charset.StandardCharsets.UTF_8)
            .contains("Lý Văn Tổ"));
  }

  static JsonObject attest(long resident, String skill, int items, String reference, int status) {
    StringBuilder confirmed = new StringBuilder();
    for (int i = 0; i < items; i++) {
      confirmed.append(i == 0 ? "" : ",").append(i);
    }
    String body =
        "{\"skillId\":\""
            + skill
            + "\",\"confirmed\":["
            + confirmed
            + "]"
            + (reference == null ? "" : ",\"reference\":\"" + reference + "\"")
            + "}";
    JsonObject result =
        json(trainer.postJson("/api/residents/" + resident + "/attestations", body), status);
    if (status == 201) {
      attestations.add(result.getJsonNumber("id").longValue());
    }
    return result;
  }

  @Test
  @Order(2)
  void badAttestationsAreRefusedAndNothingChanges() throws IOException {
    long resident = family.get(2);
    String vneid = "{\"skillId\":\"vneid-muc-2\",\"confirmed\":[0,1,2,3]}";
    // Another ward's trainer, oneself, an unknown skill, a future day, an unfinished checklist.
    json(trainerElsewhere.postJson("/api/residents/" + resident + "/attestations", vneid), 403);
    long self = Browser.json(trainer.get("/api/me")).getJsonNumber("id").longValue();
    json(trainer.postJson("/api/residents/" + self + "/attestations", vneid), 403);
    json(trainer.postJson("/api/residents/987654321/attestations", vneid), 403);
    json(
        trainer.postJson(
            "/api/residents/" + resident + "/attestations",
            "{\"skillId\":\"khong-co\",\"confirmed\":[0]}"),
        400);
    json(
        trainer.postJson(
            "/api/residents/" + resident + "/attestations",
            "{\"skillId\":\"vneid-muc-2\",\"confirmed\":[0,1,2,3],\"attestedOn\":\""
                + LocalDate.now().plusDays(2)
                + "\"}"),
        400);
    JsonObject unfinished =
        json(
            trainer.postJson(
                "/api/residents/" + resident + "/attestations",
                "{\"skillId\":\"vneid-muc-2\",\"confirmed\":[0,2]}"),
            400);
    assertTrue(unfinished.getString("error").contains("Còn thiếu"), unfinished.toString());
    // A skill the content withdrew.
    Path withdrawn = TestContent.ROOT.resolve("skills/da-ngung.md");
    TestContent.write(
        withdrawn,
        "---\ntitle: \"Kỹ năng đã ngừng\"\nsummary: \"Thử.\"\nweight: 90\nwithdrawn: true\n---\n\n"
            + "Thử.\n\n## Danh sách kiểm tra\n\n- [ ] Một việc\n");
    try {
      HttpResponse<String> refused = null;
      for (int i = 0; i < 50; i++) {
        refused =
            trainer.postJson(
                "/api/residents/" + resident + "/attestations",
                "{\"skillId\":\"da-ngung\",\"confirmed\":[0]}");
        if (refused.body().contains("đã ngừng")) {
          break;
        }
        Http.sleep(100);
      }
      assertEquals(400, refused.statusCode());
      assertTrue(refused.body().contains("đã ngừng xác nhận"), refused.body());
    } finally {
      Files.deleteIfExists(withdrawn);
    }
    // The same skill twice.
    json(
        trainer.postJson(
            "/api/residents/" + resident + "/attestations",
            "{\"skillId\":\"ho-so-truc-tuyen\",\"confirmed\":[0,1,2,3,4]}"),
        409);
    assertEquals(familyBefore + 1, family("familyHouseholds"), "nothing changed");
  }

  @Test
  @Order(3)
  void withdrawalsKeepTheirReasonAreIdempotentAndOnlyForTheirAuthorOrTheOfficer() {
    long dossier = attestations.get(2);
    json(
        otherTrainer.postJson(
            "/api/attestations/" + dossier + "/withdrawal", "{\"reason\":\"nhầm\"}"),
        403);
    json(trainer.postJson("/api/attestations/" + dossier + "/withdrawal", "{}"), 400);
    JsonObject first =
        json(
            trainer.postJson(
                "/api/attestations/" + dossier + "/withdrawal",
                "{\"reason\":\"Hồ sơ bị trả lại, nộp lại sau\"}"),
            200);
    assertTrue(first.getBoolean("withdrawn"));
    assertEquals(familyBefore, family("familyHouseholds"), "no longer Gia đình số");
    JsonObject again =
        json(
            trainer.postJson(
                "/api/attestations/" + dossier + "/withdrawal", "{\"reason\":\"lần hai\"}"),
            200);
    assertEquals(first.getString("withdrawnAt"), again.getString("withdrawnAt"), "idempotent");
    assertEquals("Hồ sơ bị trả lại, nộp lại sau", again.getString("withdrawReason"));
    JsonArray kept =
        Http.json(trainer.get("/api/residents/" + family.get(2) + "/attestations")).asJsonArray();
    assertEquals(1, kept.size(), "kept, marked withdrawn");

    // Attested again; the officer may withdraw any attestation of the ward.
    long again2 =
        attest(family.get(2), "ho-so-truc-tuyen", 5, null, 201).getJsonNumber("id").longValue();
    assertEquals(familyBefore + 1, family("familyHouseholds"));
    json(
        officer.postJson(
            "/api/attestations/" + again2 + "/withdrawal", "{\"reason\":\"Kiểm tra lại\"}"),
        200);
    assertEquals(familyBefore, family("familyHouseholds"));
    attest(family.get(2), "ho-so-truc-tuyen", 5, null, 201);
    assertEquals(familyBefore + 1, family("familyHouseholds"));
  }

  @Test
  @Order(4)
  void aTrainerWhoLeavesTheTeamKeepsTheirRecordsAttributed() throws SQLException {
    long trainerId = Browser.json(trainer.get("/api/me")).getJsonNumber("id").longValue();
    json(officer.delete("/api/teams/" + teamId + "/members/" + trainerId), 204);
    JsonArray teams = Http.json(officer.get("/api/wards/" + KEY + "/teams")).asJsonArray();
    JsonObject member = teams.getJsonObject(0).getJsonArray("members").getJsonObject(0);
    assertNotNull(member.get("leftAt"));
    JsonArray activity = Http.json(officer.get("/api/wards/" + KEY + "/activity")).asJsonArray();
    JsonObject team =
        activity.stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("kind").equals("team"))
            .findFirst()
            .orElseThrow();
    assertEquals(3, team.getInt("attestations"), "still the team's: " + activity);
    assertTrue(
        Http.json(trainer.get("/api/me/work-list")).asJsonArray().isEmpty(),
        "no team, no households to visit");
    // Paired with the household as a student digital ambassador: it is back on the list.
    json(
        trainerElsewhere.postJson(
            "/api/households/" + householdId + "/ambassadors",
            "{\"signInName\":\"" + trainerPhone + "\"}"),
        403);
    json(
        officer.postJson(
            "/api/households/" + householdId + "/ambassadors",
            "{\"signInName\":\"" + trainerPhone + "\"}"),
        204);
    JsonArray paired = Http.json(trainer.get("/api/me/work-list")).asJsonArray();
    assertEquals(1, paired.size());
    assertTrue(paired.getJsonObject(0).getBoolean("paired"));
    assertTrue(paired.getJsonObject(0).getBoolean("digitalFamily"));
    // Nothing drifted along the way.
    JsonObject reconciled = Browser.json(Staff.admin().postJson("/api/admin/reconcile", ""));
    assertEquals(0, reconciled.getInt("drifts"), reconciled.toString());
  }
}
