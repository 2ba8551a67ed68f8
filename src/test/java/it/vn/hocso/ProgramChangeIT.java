package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A program's module list changes while a ward has records: the program completions already issued
 * stay as they are, households' "Gia đình số" status follows the new definition, and afterwards
 * every counter of the ward equals a recount from its records.
 */
class ProgramChangeIT {

  /** The module the change adds to both programs: one no test resident of this ward completed. */
  private static final String ADDED = "tro-ly-ai";

  private static final Path ADDED_INDEX =
      TestContent.ROOT.resolve("modules/" + ADDED + "/_index.md");

  private TestWard ward;
  private String wardKey;
  private long wardId;
  private Browser trainer;

  @Test
  void aChangedProgramKeepsIssuedCompletionsAndEveryCounterEqualsARecount() throws Exception {
    Http.awaitReady();
    aWard();
    Browser officer = Staff.withRole("Đổi Thị Khung", "officer", wardId);
    long group = group(officer, "Tổ dân phố Đổi Khung");
    // A family that is "Gia đình số" under the shipped definition.
    long father = assisted("Đổi Văn Cha", group);
    long mother = assisted("Đổi Thị Mẹ", group);
    for (String module : QuizKey.programModules("gia-dinh-so")) {
      passWithTrainer(father, module);
    }
    attest(father, "vneid-muc-2", 4);
    attest(father, "ung-dung-cong-dan-so", 4);
    attest(mother, "ho-so-truc-tuyen", 5);
    // An adult who completed the basic program under the shipped definition.
    long adult = assisted("Đổi Văn Đủ", group);
    for (String module : QuizKey.programModules("ky-nang-so-co-ban")) {
      passWithTrainer(adult, module);
    }
    long household = householdOf(father);
    assertTrue(isFamily(household), "Gia đình số before the change");
    assertEquals(1, counter("hh_family"));
    assertEquals(1, counter("program", "ky-nang-so-co-ban"));
    assertNoDrift();

    String shipped = Files.readString(ADDED_INDEX, StandardCharsets.UTF_8);
    try {
      // The change: the module joins both programs.
      TestContent.write(
          ADDED_INDEX,
          shipped.replaceFirst(
              "(?m)^criteria: \\[.*]$", "criteria: [ky-nang-so-co-ban, gia-dinh-so]"));
      awaitFamily(household, false);

      assertEquals(0, counter("hh_family"), "the household no longer meets the definition");
      assertEquals(
          1,
          counter("program", "ky-nang-so-co-ban"),
          "the basic program completion already issued is a record and stays");
      assertEquals(1, programCompletions(adult), "the adult's completion is still there");
      assertNoDrift();

      // A member completes the added module: the household is "Gia đình số" again, and the adult
      // who completes it gets no second program completion.
      passWithTrainer(mother, ADDED);
      passWithTrainer(adult, ADDED);
      assertTrue(isFamily(household));
      assertEquals(1, counter("hh_family"));
      assertEquals(1, programCompletions(adult));
      assertNoDrift();
    } finally {
      TestContent.write(ADDED_INDEX, shipped);
    }
    // Back to the shipped definition: the household still meets it; nothing drifted.
    awaitDefinitionWithout(ADDED);
    assertTrue(isFamily(household));
    assertEquals(1, counter("hh_family"));
    assertNoDrift();
  }

  private void aWard() {
    TestWard ward = TestWard.imported(50000, "Đổi Khung", "48", "Tỉnh Đổi");
    wardKey = ward.key;
    wardId = ward.id;
    this.ward = ward;
    trainer = Staff.withRole("Đổi Văn Giúp", "trainer", wardId);
  }

  private long group(Browser officer, String name) {
    return ward.group(officer, name);
  }

  private long assisted(String name, long group) {
    return TestWard.assisted(trainer, name, 1960, group, "Số 9, đường Đổi");
  }

  private void passWithTrainer(long resident, String module) {
    TestWard.passWithTrainer(trainer, resident, module);
  }

  private void attest(long resident, String skill, int items) {
    TestWard.attest(trainer, resident, skill, items);
  }

  private static void assertNoDrift() {
    JsonObject report = Browser.json(Staff.admin().postJson("/api/admin/reconcile", ""));
    assertEquals(0, report.getInt("drifts"), "every counter equals a recount: " + report);
  }

  /** Waits until the server has applied a definition and recomputed the household. */
  private static void awaitFamily(long household, boolean family) throws SQLException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (isFamily(household) == family) {
        return;
      }
      Http.sleep(100);
    }
    fail("household " + household + " did not become " + (family ? "" : "not ") + "Gia đình số");
  }

  private static void awaitDefinitionWithout(String module) throws SQLException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      String applied =
          text("SELECT definition FROM applied_definition WHERE name = ?", "family-program");
      if (applied != null && applied.startsWith("modules=") && !applied.contains(module)) {
        // The claim is written before the recomputation: wait until no check finds a drift.
        JsonObject report = Browser.json(Staff.admin().postJson("/api/admin/reconcile", ""));
        if (report.getInt("drifts") == 0) {
          return;
        }
      }
      Http.sleep(100);
    }
    fail("the shipped Gia đình số definition was not applied again");
  }

  private long counter(String metric) throws SQLException {
    return counter(metric, null);
  }

  private long counter(String metric, String dimension) throws SQLException {
    try (Connection db = Database.connect();
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT COALESCE(SUM(value), 0) FROM ward_count"
                    + " WHERE ward_id = ? AND metric = ? AND (? IS NULL OR dimension = ?)")) {
      statement.setLong(1, wardId);
      statement.setString(2, metric);
      statement.setString(3, dimension);
      statement.setString(4, dimension);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long programCompletions(long account) throws SQLException {
    return Long.parseLong(
        text(
            "SELECT COUNT(*) FROM completion WHERE subject_type = 'program'"
                + " AND subject_id = 'ky-nang-so-co-ban' AND account_id = ?",
            account));
  }

  private static long householdOf(long account) throws SQLException {
    return Long.parseLong(text("SELECT household_id FROM account WHERE id = ?", account));
  }

  private static boolean isFamily(long household) throws SQLException {
    return "1".equals(text("SELECT digital_family + 0 FROM household WHERE id = ?", household));
  }

  private static String text(String sql, Object parameter) throws SQLException {
    try (Connection db = Database.connect();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setObject(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
