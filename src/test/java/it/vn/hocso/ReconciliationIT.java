package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation reads one snapshot: while passes commit, it sees the counters and the records
 * they count at the same moment, so it reports only real drift, and its fix adds exactly that.
 */
class ReconciliationIT {

  private static final List<String> MODULES =
      List.of("vneid", "dich-vu-cong", "an-toan-tren-mang", "tro-ly-ai", "thue-dien-tu");

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  @Test
  void aFixWhilePassesCommitLeavesNoDriftAndEveryCounterEqualsARecount() throws Exception {
    Browser admin = Staff.admin();
    JsonObject before = Browser.json(admin.postJson("/api/admin/reconcile", ""));
    assertEquals(0, before.getInt("drifts"), "no drift to begin with: " + before);

    // Residents of one ward; the first pass makes sure its counter row exists, then it drifts.
    List<Browser> residents = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Browser resident = new Browser();
      Residents.register(
          resident, "Người học đối soát " + i, Residents.newPhone(), Residents.HOA_CUONG);
      residents.add(resident);
    }
    CertificatesIT.pass(residents.get(0), "chu-ky-so");
    execute(
        "UPDATE ward_count SET value = value + 7 WHERE ward_id = "
            + Residents.HOA_CUONG
            + " AND metric = 'module' AND dimension = 'chu-ky-so'");

    // Passes commit from six threads while the admin fixes, then checks, again and again.
    AtomicInteger passes = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(6);
    List<Future<?>> work = new ArrayList<>();
    for (int thread = 0; thread < 6; thread++) {
      List<Browser> mine = residents.subList(thread * 2, thread * 2 + 2);
      work.add(
          senders.submit(
              () -> {
                for (String module : MODULES) {
                  for (Browser resident : mine) {
                    CertificatesIT.pass(resident, module);
                    passes.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    List<JsonObject> duringLoad = new ArrayList<>();
    try {
      JsonObject fixed = Browser.json(admin.postJson("/api/admin/reconcile?fix=true", ""));
      assertTrue(fixed.getBoolean("fixed"), fixed.toString());
      assertEquals(1, fixed.getInt("drifts"), "only the planted drift, none from passes: " + fixed);
      JsonObject drift = fixed.getJsonArray("listed").getJsonObject(0);
      assertEquals("ward_count", drift.getString("table"));
      assertEquals(7, drift.getInt("stored") - drift.getInt("expected"), drift.toString());
      while (work.stream().anyMatch(thread -> !thread.isDone())) {
        duringLoad.add(Browser.json(admin.postJson("/api/admin/reconcile?fix=true", "")));
      }
    } finally {
      for (Future<?> done : work) {
        done.get();
      }
      senders.shutdown();
    }
    assertTrue(passes.get() >= 60, "dozens of passes committed: " + passes.get());
    for (JsonObject report : duringLoad) {
      assertEquals(0, report.getInt("drifts"), "a check during the passes: " + report);
      assertFalse(report.getBoolean("fixed"));
    }

    JsonObject after = Browser.json(admin.postJson("/api/admin/reconcile", ""));
    assertEquals(0, after.getInt("drifts"), after.toString());
    assertEquals(recount(), counters(), "every module counter of the ward equals a recount");
  }

  /** The ward's module counters as stored. */
  private static Map<String, Long> counters() throws SQLException {
    return query(
        "SELECT dimension, value FROM ward_count WHERE metric = 'module' AND value <> 0"
            + " AND ward_id = "
            + Residents.HOA_CUONG);
  }

  /** The ward's module completions counted from the records. */
  private static Map<String, Long> recount() throws SQLException {
    return query(
        "SELECT subject_id, COUNT(*) FROM completion WHERE subject_type = 'module'"
            + " AND ward_id = "
            + Residents.HOA_CUONG
            + " GROUP BY subject_id");
  }

  private static Map<String, Long> query(String sql) throws SQLException {
    Map<String, Long> values = new TreeMap<>();
    try (Connection db = Database.connect();
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.put(rows.getString(1), rows.getLong(2));
      }
    }
    return values;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection db = Database.connect();
        Statement statement = db.createStatement()) {
      assertEquals(1, statement.executeUpdate(sql));
    }
  }
}
