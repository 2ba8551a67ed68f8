package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import vn.hocso.platform.control.Housekeeping;

/**
 * Rows that would grow forever are removed: the test server runs its housekeeping every two seconds
 * (HOUSEKEEPING_INTERVAL), and several instances may run it at once.
 */
class HousekeepingIT {

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  @Test
  void theServerRemovesExpiredSessionsAndOldRateLimitWindowsAndKeepsTheRest() throws Exception {
    long account = anyAccount();
    String expired = randomHash();
    String live = randomHash();
    String bucket = randomHash();
    execute(
        "INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES ('"
            + expired
            + "', "
            + account
            + ", UTC_TIMESTAMP(3) - INTERVAL 31 DAY, UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE), ('"
            + live
            + "', "
            + account
            + ", UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 1 DAY)");
    // An old window, the previous window of a 15-minute limit, the current one.
    execute(
        "INSERT INTO rate_limit (bucket, window_start, hits) VALUES ('"
            + bucket
            + "', UTC_TIMESTAMP() - INTERVAL 3 HOUR, 4), ('"
            + bucket
            + "', UTC_TIMESTAMP() - INTERVAL 20 MINUTE, 3), ('"
            + bucket
            + "', UTC_TIMESTAMP(), 1)");

    long deadline = System.nanoTime() + 30_000_000_000L;
    while (count("session WHERE token_hash = '" + expired + "'") > 0
        || count("rate_limit WHERE bucket = '" + bucket + "'") > 2) {
      assertTrue(System.nanoTime() < deadline, "the housekeeping did not run within 30 s");
      Thread.sleep(250);
    }
    assertEquals(1, count("session WHERE token_hash = '" + live + "'"), "a live session stays");
    assertEquals(
        2,
        count(
            "rate_limit WHERE bucket = '"
                + bucket
                + "' AND window_start > UTC_TIMESTAMP() - INTERVAL 1 HOUR"),
        "the windows a sliding limit still reads stay");
  }

  /**
   * Two instances purging at once, while the test server's own housekeeping runs too, delete every
   * expired row between them in chunks, fail nowhere and leave every live row.
   */
  @Test
  void instancesPurgingAtOnceDeleteEachExpiredRowOnceAndFailNowhere() throws Exception {
    long account = anyAccount();
    List<String> expired = new ArrayList<>();
    List<String> live = new ArrayList<>();
    try (Connection db = Database.connect();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO session (token_hash, account_id, created_at, expires_at)"
                    + " VALUES (?, ?, UTC_TIMESTAMP(3) - INTERVAL 40 DAY,"
                    + " UTC_TIMESTAMP(3) + INTERVAL ? SECOND)")) {
      for (int i = 0; i < 2_600; i++) {
        boolean gone = i % 13 != 0;
        String hash = randomHash();
        (gone ? expired : live).add(hash);
        insert.setString(1, hash);
        insert.setLong(2, account);
        insert.setInt(3, gone ? -60 - i : 86_400);
        insert.addBatch();
      }
      insert.executeBatch();
    }

    List<LogRecord> warnings = new ArrayList<>();
    Handler watcher =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              synchronized (warnings) {
                warnings.add(record);
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(Housekeeping.class.getName());
    logger.addHandler(watcher);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      DataSource dataSource = dataSource();
      Instant now = Instant.now();
      List<Callable<Long>> purges = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        purges.add(() -> Housekeeping.deleteBefore(dataSource, "session", "expires_at", now));
      }
      for (Future<Long> purge : instances.invokeAll(purges)) {
        purge.get();
      }
    } finally {
      instances.shutdown();
      logger.removeHandler(watcher);
    }
    assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
    assertEquals(0, countOf(expired), "every expired session is gone");
    assertEquals(live.size(), countOf(live), "every live session stays");
  }

  private static long countOf(List<String> hashes) throws SQLException {
    return count("session WHERE token_hash IN ('" + String.join("','", hashes) + "')");
  }

  private static DataSource dataSource() throws SQLException {
    MariaDbDataSource dataSource =
        new MariaDbDataSource(
            "jdbc:mariadb://"
                + System.getProperty("db.hostname")
                + ":"
                + System.getProperty("db.port")
                + "/"
                + System.getProperty("db.name"));
    dataSource.setUser(System.getProperty("db.user"));
    dataSource.setPassword(System.getProperty("db.password"));
    return dataSource;
  }

  private static long anyAccount() throws SQLException {
    try (Connection db = Database.connect();
        Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT MIN(id) FROM account")) {
      assertTrue(row.next());
      return row.getLong(1);
    }
  }

  private static long count(String from) throws SQLException {
    try (Connection db = Database.connect();
        Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection db = Database.connect();
        Statement statement = db.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private static String randomHash() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
