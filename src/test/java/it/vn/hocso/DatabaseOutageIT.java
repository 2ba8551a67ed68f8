package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back while the server runs: only requests made during the outage
 * fail; the pool reconnects without a restart of Liberty.
 */
class DatabaseOutageIT {

  private static final String RESTART = System.getenv("DB_RESTART_COMMAND");

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  private static Connection connect() throws SQLException {
    return Database.connect();
  }

  @Test
  void everyPooledConnectionKilledCostsNoRequest() throws SQLException {
    // Fill the pool with connections, then kill them all from the database side: the state a
    // restarted database leaves the pool in.
    for (int i = 0; i < 5; i++) {
      assertEquals(200, Http.get("/health/ready").statusCode());
    }
    int killed = 0;
    try (Connection admin = connect();
        Statement statement = admin.createStatement()) {
      long own;
      try (ResultSet id = statement.executeQuery("SELECT CONNECTION_ID()")) {
        id.next();
        own = id.getLong(1);
      }
      List<Long> others = new ArrayList<>();
      try (ResultSet list =
          statement.executeQuery(
              "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = CURRENT_USER() OR USER = '"
                  + System.getProperty("db.user")
                  + "'")) {
        while (list.next()) {
          if (list.getLong(1) != own) {
            others.add(list.getLong(1));
          }
        }
      }
      for (long id : others) {
        try {
          statement.execute("KILL CONNECTION " + id);
          killed++;
        } catch (SQLException alreadyGone) {
          // a connection may close on its own meanwhile
        }
      }
    }
    assertTrue(killed > 0, "the app held pooled connections");
    for (int i = 0; i < 5; i++) {
      assertEquals(200, Http.get("/health/ready").statusCode(), "request " + i + " after the kill");
    }
  }

  @Test
  void aRestartedDatabaseCostsOnlyTheRequestsDuringTheOutage()
      throws IOException, InterruptedException {
    if (RESTART == null || RESTART.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI must set DB_RESTART_COMMAND so that a real database restart is tested");
      }
      System.out.println(
          "DB_RESTART_COMMAND not set: the embedded database cannot be restarted from a test.");
      return;
    }
    assertEquals(200, Http.get("/health/ready").statusCode());
    Process restart = new ProcessBuilder("sh", "-c", RESTART).inheritIO().start();
    // While it restarts, requests may fail; readiness must say so rather than hang.
    boolean sawOutage = false;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (restart.isAlive() && System.nanoTime() < deadline) {
      int status = Http.get("/health/ready").statusCode();
      sawOutage |= status == 503;
      Http.sleep(100);
    }
    assertEquals(0, restart.waitFor(), "restart command succeeded");
    assertTrue(sawOutage, "readiness reported the outage");
    // Once the database is back, the very first requests succeed.
    for (int i = 0; i < 5; i++) {
      assertEquals(
          200, Http.get("/health/ready").statusCode(), "request " + i + " after the restart");
      assertEquals(200, Http.get("/api/modules").statusCode());
    }
  }
}
