package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hocso.content.entity.Quiz;

/**
 * Ward officers' figures: targets with history, households, counters that follow completions,
 * streamed CSV and XLSX reports, the ward list import and the counter reconciliation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WardsIT {

  static final String HAI_CHAU = "tam-" + Residents.HAI_CHAU;
  static final String HOA_CUONG = "tam-" + Residents.HOA_CUONG;

  static Browser officer;

  @BeforeAll
  static void ready() {
    Http.awaitReady();
    officer = Staff.withRole("Lê Thị Cán Bộ", "officer", Residents.HAI_CHAU);
  }

  static JsonObject progress(Browser who, String ward) {
    HttpResponse<String> response = who.get("/api/wards/" + ward + "/progress");
    assertEquals(200, response.statusCode(), response.body());
    return Browser.json(response);
  }

  @Test
  @Order(1)
  void anOfficerSetsDenominatorsAndTargetsAndTheHistoryIsKept() {
    String path = "/api/wards/" + HAI_CHAU + "/targets";
    int before = Http.json(officer.get(path)).asJsonArray().size();
    HttpResponse<String> first =
        officer.postJson(path, targets("2026-01-01", 12000, 4000, "100", "90", "95"));
    assertEquals(201, first.statusCode(), first.body());
    HttpResponse<String> second =
        officer.postJson(path, targets("2026-06-01", 12500, 4100, "100", "90", "97.5"));
    assertEquals(201, second.statusCode(), second.body());

    // Bad input is refused, and nothing stored changes.
    for (String bad :
        List.of(
            targets("2026-07-01", 0, 4100, "100", "90", "95"),
            targets("2026-07-01", -5, 4100, "100", "90", "95"),
            targets("2026-07-01", 12500, 0, "100", "90", "95"),
            targets("2026-07-01", 12500, 4100, "100.5", "90", "95"),
            targets("2026-07-01", 12500, 4100, "100", "190", "95"),
            targets("2026-07-01", 12500, 4100, "100", "90", "0"))) {
      HttpResponse<String> refused = officer.postJson(path, bad);
      assertEquals(400, refused.statusCode(), bad);
      assertFalse(Browser.json(refused).getString("error").isBlank());
    }
    HttpResponse<String> noDate =
        officer.postJson(
            path,
            "{\"adults\":1,\"households\":1,\"adultsTargetPercent\":100,"
                + "\"onlineTargetPercent\":90,\"familyTargetPercent\":90}");
    assertEquals(400, noDate.statusCode());

    JsonArray history = Http.json(officer.get(path)).asJsonArray();
    assertEquals(before + 2, history.size(), "both kept, no refused one");
    assertEquals("2026-06-01", history.getJsonObject(0).getString("appliesFrom"), "newest first");
    assertEquals(12500, history.getJsonObject(0).getInt("adults"));
    assertEquals("2026-01-01", history.getJsonObject(history.size() - 1).getString("appliesFrom"));

    JsonObject progress = progress(officer, HAI_CHAU);
    assertEquals(12500, progress.getJsonObject("adults").getInt("denominator"));
    assertEquals(4100, progress.getJsonObject("onlineHouseholds").getInt("denominator"));
    assertEquals(
        97.5,
        progress.getJsonObject("familyHouseholds").getJsonNumber("target").doubleValue(),
        0.001);
  }

  static String targets(
      String from, int adults, int households, String adultsT, String onlineT, String familyT) {
    return "{\"appliesFrom\":\""
        + from
        + "\",\"adults\":"
        + adults
        + ",\"households\":"
        + households
        + ",\"adultsTargetPercent\":"
        + adultsT
        + ",\"onlineTargetPercent\":"
        + onlineT
        + ",\"familyTargetPercent\":"
        + familyT
        + "}";
  }

  static String groupName;
  static long groupId;
  static long householdId;
  static String formulaName = "=1+2 Lan";
  static Browser formulaLearner;

  @Test
  @Order(2)
  void countersFollowCompletionsAndHouseholdMoves() {
    Browser trainer = Staff.withRole("Phan Văn Tổ", "trainer", Residents.HAI_CHAU);
    groupName = "Tổ dân phố " + System.nanoTime() % 100000;
    HttpResponse<String> group =
        trainer.postJson(
            "/api/wards/" + HAI_CHAU + "/groups",
            Json.createObjectBuilder().add("name", groupName).build().toString());
    assertEquals(201, group.statusCode(), group.body());
    groupId = Browser.json(group).getJsonNumber("id").longValue();
    assertEquals(
        409,
        trainer
            .postJson("/api/wards/" + HAI_CHAU + "/groups", "{\"name\":\"" + groupName + "\"}")
            .statusCode(),
        "the same group twice");
    HttpResponse<String> household =
        trainer.postJson(
            "/api/wards/" + HAI_CHAU + "/households",
            "{\"groupId\":" + groupId + ",\"address\":\"Số 12, ngõ 3, đường Lê Lợi\"}");
    assertEquals(201, household.statusCode(), household.body());
    householdId = Browser.json(household).getJsonNumber("id").longValue();

    JsonObject before = progress(officer, HAI_CHAU);

    // A learner added by the trainer, one who states the same address herself.
    String phoneA = Residents.newPhone();
    Browser a = new Browser();
    Residents.register(a, "Trần Văn An", phoneA, Residents.HAI_CHAU);
    HttpResponse<String> added =
        trainer.postJson(
            "/api/households/" + householdId + "/members", "{\"signInName\":\"" + phoneA + "\"}");
    assertEquals(200, added.statusCode(), added.body());
    formulaLearner = new Browser();
    Residents.register(formulaLearner, formulaName, Residents.newPhone(), Residents.HAI_CHAU);
    HttpResponse<String> stated =
        formulaLearner.putJson(
            "/api/me/household",
            "{\"groupId\":" + groupId + ",\"address\":\"số 12,  NGÕ 3, đường Lê Lợi\"}");
    assertEquals(200, stated.statusCode(), stated.body());
    assertEquals(householdId, Browser.json(stated).getJsonNumber("id").longValue(), "same address");

    CertificatesIT.pass(a, "dich-vu-cong");
    JsonObject afterA = progress(officer, HAI_CHAU);
    assertEquals(numerator(before, "onlineHouseholds") + 1, numerator(afterA, "onlineHouseholds"));
    assertEquals(before.getInt("moduleCompletions") + 1, afterA.getInt("moduleCompletions"));

    for (String module : QuizKey.programModules("ky-nang-so-co-ban")) {
      CertificatesIT.pass(formulaLearner, module);
    }
    JsonObject afterB = progress(officer, HAI_CHAU);
    assertEquals(numerator(before, "adults") + 1, numerator(afterB, "adults"), "born 1958");
    assertEquals(
        numerator(before, "onlineHouseholds") + 1,
        numerator(afterB, "onlineHouseholds"),
        "the same household counts once");
    assertEquals(
        numerator(before, "familyHouseholds"),
        numerator(afterB, "familyHouseholds"),
        "Gia đình số also needs practical skills attested by a trainer (CommunityIT)");
    assertEquals(
        before.getInt("moduleCompletions") + 1 + QuizKey.programModules("ky-nang-so-co-ban").size(),
        afterB.getInt("moduleCompletions"));
    JsonObject groupFigures = groupFigures(afterB, groupId);
    assertEquals(1, groupFigures.getInt("households"));
    assertEquals(1, groupFigures.getInt("online"));
    assertEquals(0, groupFigures.getInt("family"));

    // She moves to another address: the first household keeps An's online filing; hers files
    // online too.
    HttpResponse<String> moved =
        formulaLearner.putJson(
            "/api/me/household", "{\"groupId\":" + groupId + ",\"address\":\"Số 40 Lê Lợi\"}");
    assertEquals(200, moved.statusCode(), moved.body());
    JsonObject afterMove = groupFigures(progress(officer, HAI_CHAU), groupId);
    assertEquals(2, afterMove.getInt("households"));
    assertEquals(2, afterMove.getInt("online"));
    assertEquals(0, afterMove.getInt("family"));
    JsonArray members =
        Http.json(officer.get("/api/wards/" + HAI_CHAU + "/households?group=" + groupId))
            .asJsonArray();
    assertEquals(2, members.size());

    // A learner of another ward cannot join; a group of another ward cannot be chosen.
    Browser elsewhere = new Browser();
    String phoneC = Residents.newPhone();
    Residents.register(elsewhere, "Đỗ Văn Xa", phoneC, Residents.HOA_CUONG);
    assertEquals(
        400,
        trainer
            .postJson(
                "/api/households/" + householdId + "/members",
                "{\"signInName\":\"" + phoneC + "\"}")
            .statusCode());
    assertEquals(
        400,
        elsewhere
            .putJson("/api/me/household", "{\"groupId\":" + groupId + ",\"address\":\"Số 1\"}")
            .statusCode());
  }

  static long numerator(JsonObject progress, String figure) {
    return progress.getJsonObject(figure).getJsonNumber("numerator").longValue();
  }

  static JsonObject groupFigures(JsonObject progress, long id) {
    return progress.getJsonArray("groups").stream()
        .map(value -> value.asJsonObject())
        .filter(group -> group.getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElseThrow();
  }

  @Test
  @Order(3)
  void theCsvReportIsUtf8WithBomMaskedAndNeutralised() throws SQLException {
    HttpResponse<byte[]> csv = officer.getBytes("/api/wards/" + HAI_CHAU + "/report.csv");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
    byte[] body = csv.body();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, slice(body, 3));
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertTrue(lines[0].startsWith("Họ tên (che bớt),Năm sinh,Tổ dân phố/khu phố/thôn"), lines[0]);
    assertTrue(text.contains("'=1+2 L.,1958," + groupName), "formula neutralised, name masked");
    assertFalse(text.contains(formulaName), "the full name never appears");
    assertTrue(text.contains("Trần V. A."));

    // Filters: one module, one group, a date range.
    String filtered =
        officer
            .get("/api/wards/" + HAI_CHAU + "/report.csv?module=an-toan-tren-mang&group=" + groupId)
            .body();
    assertEquals(2, filtered.split("\r\n").length, filtered);
    assertTrue(filtered.contains("An toàn"));
    String none =
        officer.get("/api/wards/" + HAI_CHAU + "/report.csv?from=2020-01-01&to=2020-12-31").body();
    assertEquals(1, none.split("\r\n").length, "only the header");

    for (String bad :
        List.of(
            "?from=2026-05-01&to=2026-04-01",
            "?from=hôm-qua",
            "?module=khong-co",
            "?module=vneid&program=ky-nang-so-co-ban",
            "?group=999999999")) {
      HttpResponse<String> refused = officer.get("/api/wards/" + HAI_CHAU + "/report.csv" + bad);
      assertEquals(400, refused.statusCode(), bad);
      assertFalse(Browser.json(refused).getString("error").isBlank(), bad);
    }

    // Each download is logged: who, ward, filters, rows; no personal data.
    try (Connection db = Database.connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT report, filters, row_count, completed FROM report_download"
                    + " WHERE ward_id = ? ORDER BY id DESC LIMIT 1")) {
      query.setLong(1, Residents.HAI_CHAU);
      try (ResultSet last = query.executeQuery()) {
        assertTrue(last.next());
        assertEquals("ward.csv", last.getString(1));
        assertEquals("from=2020-01-01 to=2020-12-31", last.getString(2));
        assertEquals(0, last.getLong(3));
        assertTrue(last.getBoolean(4));
      }
    }
  }

  @Test
  @Order(4)
  void theXlsxReportHasASummaryAndADetailSheet() throws IOException {
    HttpResponse<byte[]> xlsx =
        officer.getBytes("/api/wards/" + HAI_CHAU + "/report.xlsx?group=" + groupId);
    assertEquals(200, xlsx.statusCode());
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Sheet> sheets = workbook.getSheets().toList();
      assertEquals("Tổng hợp", sheets.get(0).getName());
      assertEquals("Chi tiết", sheets.get(1).getName());
      List<String> summary = cells(sheets.get(0));
      assertTrue(summary.contains("Người trưởng thành có kỹ năng số cơ bản"), summary.toString());
      assertTrue(summary.contains("Hộ \"Gia đình số\""), summary.toString());
      List<Row> detail;
      try (Stream<Row> rows = sheets.get(1).openStream()) {
        detail = rows.toList();
      }
      // An's module; the formula learner's modules of the basic program and the program.
      int completions = 1 + QuizKey.programModules("ky-nang-so-co-ban").size() + 1;
      assertEquals(1 + completions, detail.size(), "header + the completions");
      assertEquals("Họ tên (che bớt)", detail.get(0).getCellText(0));
      assertTrue(
          detail.stream().anyMatch(row -> row.getCellText(0).equals("'=1+2 L.")),
          "neutralised in XLSX too");
    }
  }

  static List<String> cells(Sheet sheet) throws IOException {
    List<String> cells = new ArrayList<>();
    try (Stream<Row> rows = sheet.openStream()) {
      rows.forEach(row -> row.forEach(cell -> cells.add(cell == null ? "" : cell.getText())));
    }
    return cells;
  }

  static byte[] slice(byte[] bytes, int length) {
    byte[] slice = new byte[length];
    System.arraycopy(bytes, 0, slice, 0, length);
    return slice;
  }

  @Test
  @Order(5)
  void anAdminImportsTheWardListAndReimportsWithoutLosingData() throws SQLException {
    Browser admin = Staff.admin();
    String prefix = String.valueOf(70000 + System.nanoTime() % 9000);
    String csv =
        "ma,ten,loai,ma_tinh,ten_tinh\n"
            + prefix
            + "1,Bến Thành,Phường,79,Thành phố Hồ Chí Minh\n"
            + prefix
            + "2,Thạnh An,xã,79,Thành phố Hồ Chí Minh\n"
            + prefix
            + "3,Côn Đảo,Đặc khu,79,Thành phố Hồ Chí Minh\n"
            + prefix
            + "4,Lam Sơn,phường,38,Tỉnh Thanh Hóa\n";
    HttpResponse<String> imported =
        admin.post("/api/wards/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, imported.statusCode(), imported.body());
    JsonObject outcome = Browser.json(imported);
    assertEquals(3, outcome.getInt("created"));
    assertEquals(1, outcome.getInt("codesGiven"), "the starter ward Lam Sơn takes its code");
    assertEquals(
        200,
        admin.get("/api/wards/" + prefix + "4/progress").statusCode(),
        "Lam Sơn by its code now");
    assertEquals(404, admin.get("/api/wards/tam-7/progress").statusCode());

    long id = wardId(prefix + "1");
    // Re-import with a new name (semicolons and a BOM, as Excel saves it): same id, new name.
    String again =
        "\uFEFFcode;name;type;province_code;province_name\r\n"
            + prefix
            + "1;Bến Thành Mới;phường;79;Thành phố Hồ Chí Minh\r\n";
    HttpResponse<String> reimported =
        admin.post("/api/wards/import", "text/csv", again.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, reimported.statusCode(), reimported.body());
    assertEquals(1, Browser.json(reimported).getInt("updated"));
    assertEquals(id, wardId(prefix + "1"));
    assertEquals("Bến Thành Mới", wardName(prefix + "1"));
  }

  @Test
  @Order(5)
  void theImportPageTakesAFileUploadWithTheTokenInItsAction() {
    Browser admin = Staff.admin();
    String prefix = String.valueOf(60000 + System.nanoTime() % 9000);
    String csv = "ma,ten,loai,ma_tinh,ten_tinh\n" + prefix + "1,Phú Mỹ,xã,79,TP\n";
    String boundary = "----hocso" + System.nanoTime();
    byte[] body =
        ("--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"tep\"; filename=\"phuong.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + csv
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    String type = "multipart/form-data; boundary=" + boundary;
    HttpResponse<String> withoutToken =
        admin.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Http.BASE + "/quan-ly/phuong/nhap"))
                .header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
    assertEquals(403, withoutToken.statusCode(), "the token is required");
    HttpResponse<String> imported =
        admin.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Http.BASE + "/quan-ly/phuong/nhap?_csrf=" + admin.csrf()))
                .header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
    assertEquals(200, imported.statusCode(), imported.body());
    assertTrue(imported.body().contains("Đã nhập: 1 phường, xã mới"), imported.body());

    String bad = "ma,ten\n1,A\n";
    byte[] badBody =
        ("--"
                + boundary
                + "\r\n"
                + "Content-Disposition: form-data; name=\"tep\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + bad
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> refused =
        admin.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Http.BASE + "/quan-ly/phuong/nhap?_csrf=" + admin.csrf()))
                .header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(badBody)));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Dòng 1: dòng tiêu đề thiếu cột"), refused.body());
  }

  @Test
  @Order(6)
  void aBadWardListIsReportedLineByLineAndImportsNothing() throws SQLException {
    Browser admin = Staff.admin();
    long wardsBefore = count("SELECT COUNT(*) FROM ward");
    assertImportProblems(
        admin, "ma,ten,loai\n1,A,xã\n", 1, "thiếu cột province_code, province_name");
    assertImportProblems(
        admin,
        "ma,ten,loai,ma_tinh,ten_tinh\n90001,A,xã,79,HCM\n90002,B,xã,79,HCM\n90001,C,xã,79,HCM\n",
        4,
        "mã 90001 trùng với dòng 2");
    assertImportProblems(
        admin, "ma,ten,loai,ma_tinh,ten_tinh\n90003,A,thị trấn,79,HCM\n", 2, "không phải phường");
    byte[] windows1258 =
        "ma,ten,loai,ma_tinh,ten_tinh\n90004,Bến Nghé,phường,79,Hồ Chí Minh\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1258"));
    assertImportProblems(admin, windows1258, 2, "không phải mã UTF-8");
    // 100,000 rows with one bad line near the end: found, named, nothing imported.
    StringBuilder big = new StringBuilder("ma,ten,loai,ma_tinh,ten_tinh\n");
    for (int i = 0; i < 100_000; i++) {
      big.append(800_000 + i).append(",Xã số ").append(i).append(",xã,99,Tỉnh thử\n");
    }
    big.append("900001,,xã,99,Tỉnh thử\n");
    assertImportProblems(admin, big.toString(), 100_002, "thiếu tên");
    assertEquals(wardsBefore, count("SELECT COUNT(*) FROM ward"), "nothing imported");
    // Not for officers.
    assertEquals(
        403,
        officer
            .post("/api/wards/import", "text/csv", "ma,ten\n".getBytes(StandardCharsets.UTF_8))
            .statusCode());
  }

  static void assertImportProblems(Browser admin, String csv, int line, String message) {
    assertImportProblems(admin, csv.getBytes(StandardCharsets.UTF_8), line, message);
  }

  static void assertImportProblems(Browser admin, byte[] csv, int line, String message) {
    HttpResponse<String> refused = admin.post("/api/wards/import", "text/csv", csv);
    assertEquals(400, refused.statusCode(), refused.body());
    JsonObject body = Browser.json(refused);
    assertTrue(body.getString("error").contains("chưa nhập dòng nào"));
    boolean found =
        body.getJsonArray("problems").stream()
            .map(value -> value.asJsonObject())
            .anyMatch(
                problem ->
                    problem.getInt("line") == line
                        && problem.getString("message").contains(message));
    assertTrue(found, "line " + line + " '" + message + "' in " + body);
  }

  /**
   * Eight members of one household submit their first pass of the online filing module at the same
   * moment: every pass takes the household's row and the ward's counters in the same transaction.
   * Each is counted once, the household files online once, no transaction deadlocks (MariaDB would
   * roll one back: a 500), and the reconciliation that follows finds no drift.
   */
  @Test
  @Order(6)
  void membersOfOneHouseholdPassingAtOnceAreEachCountedOnce() throws Exception {
    Browser trainer = Staff.withRole("Đỗ Văn Đồng", "trainer", Residents.HAI_CHAU);
    HttpResponse<String> household =
        trainer.postJson(
            "/api/wards/" + HAI_CHAU + "/households",
            "{\"groupId\":" + groupId + ",\"address\":\"Số 8, đường Hùng Vương\"}");
    assertEquals(201, household.statusCode(), household.body());
    long id = Browser.json(household).getJsonNumber("id").longValue();
    Quiz quiz = QuizKey.quiz("dich-vu-cong");
    List<Browser> members = new ArrayList<>();
    List<String> submissions = new ArrayList<>();
    List<String> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Browser member = new Browser();
      String phone = Residents.newPhone();
      Residents.register(member, "Đồng Thị Thành Viên " + i, phone, Residents.HAI_CHAU);
      HttpResponse<String> added =
          trainer.postJson(
              "/api/households/" + id + "/members", "{\"signInName\":\"" + phone + "\"}");
      assertEquals(200, added.statusCode(), added.body());
      HttpResponse<String> started = member.postJson("/api/modules/dich-vu-cong/attempts", "");
      assertEquals(201, started.statusCode(), started.body());
      JsonObject attempt = Browser.json(started);
      members.add(member);
      attempts.add(attempt.getString("attemptId"));
      submissions.add(QuizKey.rightAnswers(quiz, attempt));
    }
    JsonObject before = progress(officer, HAI_CHAU);

    ExecutorService pool = Executors.newFixedThreadPool(members.size());
    CyclicBarrier together = new CyclicBarrier(members.size());
    List<Callable<HttpResponse<String>>> submits = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      int n = i;
      submits.add(
          () -> {
            together.await();
            return members
                .get(n)
                .postJson("/api/attempts/" + attempts.get(n) + "/submission", submissions.get(n));
          });
    }
    try {
      for (Future<HttpResponse<String>> submitted : pool.invokeAll(submits)) {
        HttpResponse<String> response = submitted.get();
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Browser.json(response).getBoolean("passed"));
      }
    } finally {
      pool.shutdown();
    }

    JsonObject after = progress(officer, HAI_CHAU);
    assertEquals(before.getInt("moduleCompletions") + 8, after.getInt("moduleCompletions"));
    assertEquals(
        numerator(before, "onlineHouseholds") + 1,
        numerator(after, "onlineHouseholds"),
        "the household files online once, however many members passed");
    try (Connection db = Database.connect();
        PreparedStatement members8 =
            db.prepareStatement(
                "SELECT members FROM household_module WHERE household_id = ?"
                    + " AND module_id = 'dich-vu-cong'")) {
      members8.setLong(1, id);
      try (ResultSet row = members8.executeQuery()) {
        assertTrue(row.next());
        assertEquals(8, row.getInt(1));
      }
    }
  }

  @Test
  @Order(7)
  void reconciliationFindsNoDriftThenFindsAndFixesAPlantedOne() throws SQLException {
    Browser admin = Staff.admin();
    JsonObject clean = Browser.json(admin.postJson("/api/admin/reconcile", ""));
    assertEquals(0, clean.getInt("drifts"), "counters kept in step with records: " + clean);
    assertTrue(clean.getInt("checked") > 0);

    // Three kinds of drift: a ward counter, a household's member count, a household's flag.
    execute(
        "UPDATE ward_count SET value = value + 5 WHERE ward_id = "
            + Residents.HAI_CHAU
            + " AND metric = 'module' AND dimension = 'dich-vu-cong'");
    execute(
        "UPDATE household_module SET members = members + 2 WHERE household_id = "
            + householdId
            + " AND module_id = 'dich-vu-cong'");
    execute("UPDATE household SET digital_family = TRUE WHERE id = " + householdId);
    JsonObject found = Browser.json(admin.postJson("/api/admin/reconcile", ""));
    assertEquals(3, found.getInt("drifts"), found.toString());
    List<String> listed =
        found.getJsonArray("listed").stream()
            .map(value -> value.asJsonObject())
            .map(d -> d.getString("table") + " " + (d.getInt("stored") - d.getInt("expected")))
            .sorted()
            .toList();
    assertEquals(List.of("household 1", "household_module 2", "ward_count 5"), listed);
    assertFalse(found.getBoolean("fixed"));

    JsonObject fixed = Browser.json(admin.postJson("/api/admin/reconcile?fix=true", ""));
    assertTrue(fixed.getBoolean("fixed"));
    assertEquals(0, Browser.json(admin.postJson("/api/admin/reconcile", "")).getInt("drifts"));
    assertEquals(403, officer.postJson("/api/admin/reconcile", "").statusCode());
  }

  @Test
  @Order(8)
  void reportsReadTheLearnersCopiesOnCompletionsAndTheyFollowAMove() throws Exception {
    // A learner in the first group passes a module: the report row shows that group.
    Browser learner = new Browser();
    Residents.register(learner, "Khổng Văn Dời", Residents.newPhone(), Residents.HAI_CHAU);
    HttpResponse<String> stated =
        learner.putJson(
            "/api/me/household", "{\"groupId\":" + groupId + ",\"address\":\"Số 77 Lê Lợi\"}");
    assertEquals(200, stated.statusCode(), stated.body());
    CertificatesIT.pass(learner, "vneid");
    assertEquals(groupName, reportGroupOf("Khổng V. D.", ""));

    // She moves to a household of another group: her completion follows, in the report and in
    // its group filter.
    String otherName = "Khu phố " + System.nanoTime() % 100000;
    HttpResponse<String> other =
        officer.postJson(
            "/api/wards/" + HAI_CHAU + "/groups",
            Json.createObjectBuilder().add("name", otherName).build().toString());
    assertEquals(201, other.statusCode(), other.body());
    long otherId = Browser.json(other).getJsonNumber("id").longValue();
    HttpResponse<String> moved =
        learner.putJson(
            "/api/me/household", "{\"groupId\":" + otherId + ",\"address\":\"Số 5 Hùng Vương\"}");
    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals(otherName, reportGroupOf("Khổng V. D.", ""));
    assertEquals(otherName, reportGroupOf("Khổng V. D.", "&group=" + otherId));
    assertEquals(null, reportGroupOf("Khổng V. D.", "&group=" + groupId));

    // A copy that drifted from the account is found and fixed by the reconciliation.
    Browser admin = Staff.admin();
    execute("UPDATE completion SET household_id = NULL WHERE learner_masked = 'Khổng V. D.'");
    JsonObject found = Browser.json(admin.postJson("/api/admin/reconcile", ""));
    assertEquals(1, found.getInt("drifts"), found.toString());
    assertEquals(
        "completion",
        found.getJsonArray("listed").getJsonObject(0).getString("table"),
        found.toString());
    assertTrue(
        Browser.json(admin.postJson("/api/admin/reconcile?fix=true", "")).getBoolean("fixed"));
    assertEquals(otherName, reportGroupOf("Khổng V. D.", ""));

    // So is a birth year copy that drifted, listed under its own column.
    execute(
        "UPDATE completion SET learner_birth_year = learner_birth_year + 1"
            + " WHERE learner_masked = 'Khổng V. D.'");
    JsonObject year = Browser.json(admin.postJson("/api/admin/reconcile", ""));
    assertEquals(1, year.getInt("drifts"), year.toString());
    JsonObject listed = year.getJsonArray("listed").getJsonObject(0);
    assertTrue(listed.getString("key").endsWith(" learner_birth_year"), year.toString());
    assertEquals(
        1,
        listed.getJsonNumber("stored").longValue() - listed.getJsonNumber("expected").longValue(),
        year.toString());
    assertTrue(
        Browser.json(admin.postJson("/api/admin/reconcile?fix=true", "")).getBoolean("fixed"));
    assertEquals(0, Browser.json(admin.postJson("/api/admin/reconcile", "")).getInt("drifts"));

    // The migration's backfill (V6) masks names in SQL exactly as the app does in Java: run on
    // every completion here, it changes none of the masked names the app wrote.
    String migration =
        new String(
            WardsIT.class
                .getResourceAsStream("/db/migration/V6__completion_report_columns.sql")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    String backfill =
        migration.substring(migration.indexOf("UPDATE completion"), migration.lastIndexOf(';'));
    List<String> before = maskedNames();
    assertTrue(before.contains("=1+2 L."), before.toString());
    execute(backfill);
    assertEquals(before, maskedNames());
  }

  /** The residential group of the single report row of a masked name, null if not listed. */
  static String reportGroupOf(String masked, String filters) {
    String csv =
        officer.get("/api/wards/" + HAI_CHAU + "/report.csv?module=vneid" + filters).body();
    List<String> rows =
        java.util.Arrays.stream(csv.split("\r\n"))
            .filter(row -> row.startsWith(masked + ","))
            .toList();
    assertTrue(rows.size() <= 1, rows.toString());
    return rows.isEmpty() ? null : rows.get(0).split(",")[2];
  }

  static List<String> maskedNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection db = Database.connect();
        Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT learner_masked FROM completion ORDER BY id")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  static long wardId(String code) throws SQLException {
    try (Connection db = Database.connect();
        PreparedStatement query = db.prepareStatement("SELECT id FROM ward WHERE code = ?")) {
      query.setString(1, code);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        return row.getLong(1);
      }
    }
  }

  static String wardName(String code) throws SQLException {
    try (Connection db = Database.connect();
        PreparedStatement query = db.prepareStatement("SELECT name FROM ward WHERE code = ?")) {
      query.setString(1, code);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        return row.getString(1);
      }
    }
  }

  static long count(String sql) throws SQLException {
    try (Connection db = Database.connect();
        Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  static void execute(String sql) throws SQLException {
    try (Connection db = Database.connect();
        Statement statement = db.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
