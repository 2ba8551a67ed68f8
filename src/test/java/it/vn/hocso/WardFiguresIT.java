package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure a ward is shown equals a recount from the records: the dashboard, the printable
 * summary, the progress API, the ward's XLSX summary and the roll-up CSV and XLSX, for a ward with
 * unassisted and assisted completions, households in two residential groups and attestations.
 */
class WardFiguresIT {

  static TestWard ward;
  static String wardKey;
  static long wardId;
  static Browser officer;
  static Browser trainer;

  @BeforeAll
  static void aWardWithAllKindsOfRecords() {
    Http.awaitReady();
    ward = TestWard.imported(40000, "Đếm Lại", "47", "Tỉnh Đếm");
    wardKey = ward.key;
    wardId = ward.id;
    officer = Staff.withRole("Kiểm Thị Đếm", "officer", wardId);
    trainer = Staff.withRole("Kiểm Văn Giúp", "trainer", wardId);
    assertEquals(
        201,
        officer
            .postJson(
                "/api/wards/" + wardKey + "/targets",
                WardsIT.targets("2026-01-01", 40, 10, "100", "90", "95"))
            .statusCode());
    long groupA = group("Tổ dân phố Một");
    long groupB = group("Tổ dân phố Hai");

    // Alone: an adult who completes the basic program, a child, someone without a household.
    Browser adult = new Browser();
    Residents.register(adult, "Cao Văn Tự Học", Residents.newPhone(), wardId);
    state(adult, groupA, "Số 1, đường Một");
    for (String module : QuizKey.programModules("ky-nang-so-co-ban")) {
      CertificatesIT.pass(adult, module);
    }
    Browser child = new Browser();
    HttpResponse<String> young =
        child.postJson(
            "/api/accounts",
            Residents.registration("Cao Thị Nhỏ", Residents.newPhone(), wardId)
                .add("birthYear", Year.now().getValue() - 14)
                .build()
                .toString());
    assertEquals(201, young.statusCode(), young.body());
    state(child, groupA, "Số 1, đường Một");
    CertificatesIT.pass(child, "an-toan-tren-mang");
    Browser loner = new Browser();
    Residents.register(loner, "Cao Văn Một Mình", Residents.newPhone(), wardId);
    CertificatesIT.pass(loner, "vneid");
    Browser neighbour = new Browser();
    Residents.register(neighbour, "Cao Thị Hàng Xóm", Residents.newPhone(), wardId);
    state(neighbour, groupA, "Số 3, đường Một");

    // With the trainer: a family in the other group that becomes "Gia đình số".
    long father = assisted("Lục Văn Cha", groupB);
    long mother = assisted("Lục Thị Mẹ", groupB);
    passWithTrainer(father, "dich-vu-cong");
    passWithTrainer(mother, "an-toan-tren-mang");
    attest(father, "vneid-muc-2", 4);
    attest(father, "ung-dung-cong-dan-so", 4);
    attest(mother, "ho-so-truc-tuyen", 5);
  }

  private static long group(String name) {
    return ward.group(officer, name);
  }

  private static void state(Browser learner, long group, String address) {
    HttpResponse<String> stated =
        learner.putJson(
            "/api/me/household",
            Json.createObjectBuilder()
                .add("groupId", group)
                .add("address", address)
                .build()
                .toString());
    assertEquals(200, stated.statusCode(), stated.body());
  }

  private static long assisted(String name, long group) {
    return TestWard.assisted(trainer, name, 1962, group, "Số 8, đường Hai");
  }

  private static void passWithTrainer(long resident, String module) {
    TestWard.passWithTrainer(trainer, resident, module);
  }

  private static void attest(long resident, String skill, int items) {
    TestWard.attest(trainer, resident, skill, items);
  }

  /** The ward's figures recounted from its records, as the reconciliation would. */
  record Recount(
      long modules,
      long assisted,
      long adults,
      long online,
      long family,
      Map<String, Long> perModule,
      Map<String, long[]> perGroup) {}

  static Recount recount() throws SQLException {
    try (Connection db = Database.connect()) {
      long modules = count(db, "AND subject_type = 'module'");
      long assisted = count(db, "AND subject_type = 'module' AND assisted_by IS NOT NULL");
      long adults =
          count(
              db,
              "AND subject_type = 'program' AND subject_id = 'ky-nang-so-co-ban'"
                  + " AND learner_birth_year <= "
                  + (Year.now().getValue() - 18));
      Map<String, Long> perModule = new TreeMap<>();
      try (PreparedStatement statement =
          db.prepareStatement(
              "SELECT subject_id, COUNT(*) FROM completion WHERE ward_id = ?"
                  + " AND subject_type = 'module' GROUP BY subject_id")) {
        statement.setLong(1, wardId);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            perModule.put(rows.getString(1), rows.getLong(2));
          }
        }
      }
      // Each household: its group, its members' modules and their skills still attested.
      Map<Long, String> groupOf = new HashMap<>();
      Map<Long, Set<String>> done = new HashMap<>();
      try (PreparedStatement statement =
          db.prepareStatement(
              "SELECT h.id, g.name, c.subject_id, s.skill_id FROM household h"
                  + " JOIN residential_group g ON g.id = h.group_id"
                  + " LEFT JOIN account a ON a.household_id = h.id"
                  + " LEFT JOIN completion c ON c.account_id = a.id AND c.subject_type = 'module'"
                  + " LEFT JOIN attestation s ON s.resident_id = a.id AND s.withdrawn_at IS NULL"
                  + " WHERE h.ward_id = ?")) {
        statement.setLong(1, wardId);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            long household = rows.getLong(1);
            groupOf.put(household, rows.getString(2));
            Set<String> held = done.computeIfAbsent(household, id -> new HashSet<>());
            if (rows.getString(3) != null) {
              held.add("module:" + rows.getString(3));
            }
            if (rows.getString(4) != null) {
              held.add("skill:" + rows.getString(4));
            }
          }
        }
      }
      List<String> family =
          List.of(
              "module:an-toan-tren-mang",
              "skill:vneid-muc-2",
              "skill:ung-dung-cong-dan-so",
              "skill:ho-so-truc-tuyen");
      Map<String, long[]> perGroup = new TreeMap<>();
      long online = 0;
      long families = 0;
      for (Map.Entry<Long, String> household : groupOf.entrySet()) {
        Set<String> held = done.get(household.getKey());
        boolean isOnline = held.contains("module:dich-vu-cong");
        boolean isFamily = held.containsAll(family);
        long[] figures = perGroup.computeIfAbsent(household.getValue(), name -> new long[3]);
        figures[0]++;
        figures[1] += isOnline ? 1 : 0;
        figures[2] += isFamily ? 1 : 0;
        online += isOnline ? 1 : 0;
        families += isFamily ? 1 : 0;
      }
      return new Recount(modules, assisted, adults, online, families, perModule, perGroup);
    }
  }

  private static long count(Connection db, String where) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement("SELECT COUNT(*) FROM completion WHERE ward_id = ? " + where)) {
      statement.setLong(1, wardId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void theRecountIsWhatTheSetUpMade() throws SQLException {
    Recount recount = recount();
    // The adult's basic program, the child's, the loner's and the family's two modules.
    assertEquals(QuizKey.programModules("ky-nang-so-co-ban").size() + 4, recount.modules());
    assertEquals(2, recount.assisted(), "two passes with the trainer");
    assertEquals(1, recount.adults());
    assertEquals(2, recount.online());
    assertEquals(1, recount.family());
    assertArrayEquals(new long[] {2, 1, 0}, recount.perGroup().get("Tổ dân phố Một"));
    assertArrayEquals(new long[] {1, 1, 1}, recount.perGroup().get("Tổ dân phố Hai"));
  }

  @Test
  void theProgressApiShowsTheRecount() throws SQLException {
    Recount recount = recount();
    JsonObject progress = WardsIT.progress(officer, wardKey);
    assertEquals(recount.modules(), progress.getJsonNumber("moduleCompletions").longValue());
    assertEquals(recount.assisted(), progress.getJsonNumber("assistedCompletions").longValue());
    assertEquals(recount.adults(), numerator(progress, "adults"));
    assertEquals(recount.online(), numerator(progress, "onlineHouseholds"));
    assertEquals(recount.family(), numerator(progress, "familyHouseholds"));
    Map<String, Long> modules = new TreeMap<>();
    progress
        .getJsonArray("modules")
        .forEach(
            m ->
                modules.put(
                    m.asJsonObject().getString("id"),
                    m.asJsonObject().getJsonNumber("count").longValue()));
    assertEquals(recount.perModule(), modules);
    for (JsonValue value : progress.getJsonArray("groups")) {
      JsonObject group = value.asJsonObject();
      long[] expected = recount.perGroup().get(group.getString("name"));
      assertEquals(expected[0], group.getJsonNumber("households").longValue());
      assertEquals(expected[1], group.getJsonNumber("online").longValue());
      assertEquals(expected[2], group.getJsonNumber("family").longValue());
    }
  }

  private static long numerator(JsonObject progress, String figure) {
    return progress.getJsonObject(figure).getJsonNumber("numerator").longValue();
  }

  @Test
  void theDashboardAndThePrintableSummaryShowTheRecount() throws SQLException {
    Recount recount = recount();
    for (String page : List.of("/phuong/" + wardKey, "/phuong/" + wardKey + "/in")) {
      String html = officer.get(page).body();
      List<List<String>> figures = figureRows(html);
      assertEquals(
          List.of(
              String.valueOf(recount.adults()),
              String.valueOf(recount.online()),
              String.valueOf(recount.family())),
          figures.stream().map(row -> row.get(0)).toList(),
          page);
      assertEquals(List.of("40", "10", "10"), figures.stream().map(row -> row.get(1)).toList());
      assertEquals("2,5 %", figures.get(0).get(2), "a decimal comma: " + page);
      assertEquals("20 %", figures.get(1).get(2), page);
      // Each group's share of households filing online, as the page writes it.
      Map<String, String> percents = Map.of("Tổ dân phố Một", "50 %", "Tổ dân phố Hai", "100 %");
      for (Map.Entry<String, long[]> group : recount.perGroup().entrySet()) {
        long[] expected = group.getValue();
        String percent = percents.get(group.getKey());
        assertTrue(
            html.contains(
                ">"
                    + group.getKey()
                    + "</t"
                    + (page.endsWith("/in") ? "d" : "h")
                    + "><td>"
                    + expected[0]
                    + "</td><td>"
                    + expected[1]
                    + " ("
                    + percent
                    + ")</td>"),
            page + " " + group.getKey() + ": " + html);
      }
    }
    String dashboard = officer.get("/phuong/" + wardKey).body();
    assertTrue(
        dashboard.contains(
            "Tổng cộng "
                + recount.modules()
                + " lượt hoàn thành học phần, trong đó "
                + recount.assisted()
                + " lượt có tổ công nghệ số ngồi cùng hỗ trợ."),
        dashboard);
  }

  /** The dashboard's target table: for each target, its numerator, denominator and percentage. */
  private static List<List<String>> figureRows(String html) {
    String table =
        html.substring(html.indexOf("<table class=\"figures\">"), html.indexOf("</table>"));
    List<List<String>> rows = new ArrayList<>();
    for (String row : table.split("<tr><th scope=\"row\">")) {
      if (!row.contains("<progress")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : row.split("<td>")) {
        if (cell.contains("</td>")) {
          cells.add(cell.substring(0, cell.indexOf("</td>")));
        }
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void theRollUpCsvAndXlsxShowTheRecount() throws Exception {
    Recount recount = recount();
    String csv = Staff.admin().get("/api/reports/rollup.csv?province=47").body();
    String line =
        csv.lines()
            .filter(l -> l.startsWith(wardKey + ","))
            .findFirst()
            .orElseThrow(() -> new AssertionError(csv));
    String[] cells = line.split(",", -1);
    assertRollUp(recount, List.of(cells));

    HttpResponse<byte[]> xlsx = Staff.admin().getBytes("/api/reports/rollup.xlsx?province=47");
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getFirstSheet();
      Row row =
          sheet.read().stream()
              .filter(r -> wardKey.equals(r.getCellText(0)))
              .findFirst()
              .orElseThrow();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < row.getCellCount(); i++) {
        texts.add(row.getCellText(i));
      }
      assertRollUp(recount, texts);
    }
  }

  private static void assertRollUp(Recount recount, List<String> cells) {
    assertEquals(recount.adults(), whole(cells.get(6)), "adults");
    assertEquals(recount.online(), whole(cells.get(10)), "online households");
    assertEquals(recount.family(), whole(cells.get(13)), "Gia đình số households");
    assertEquals(recount.modules(), whole(cells.get(16)), "module completions");
    assertEquals(recount.assisted(), whole(cells.get(17)), "of which assisted");
  }

  private static long whole(String cell) {
    return new BigDecimal(cell).longValueExact();
  }

  @Test
  void theWardsXlsxSummaryShowsTheRecount() throws Exception {
    Recount recount = recount();
    HttpResponse<byte[]> xlsx = officer.getBytes("/api/wards/" + wardKey + "/report.xlsx");
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Map<String, String> summary = new HashMap<>();
      for (Row row : book.getFirstSheet().read()) {
        if (row.getCellCount() > 1 && row.getCellText(0) != null) {
          summary.putIfAbsent(row.getCellText(0), row.getCellText(1));
        }
      }
      assertEquals(recount.adults(), whole(summary.get("Người trưởng thành có kỹ năng số cơ bản")));
      assertEquals(
          recount.online(), whole(summary.get("Hộ có người làm được dịch vụ công trực tuyến")));
      assertEquals(recount.family(), whole(summary.get("Hộ \"Gia đình số\"")));
      for (Map.Entry<String, long[]> group : recount.perGroup().entrySet()) {
        assertEquals(group.getValue()[0], whole(summary.get(group.getKey())), group.getKey());
      }
    }
  }
}
