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

  /**
   * A request made during the outage: answered, or refused with 503, Retry-After and the busy
   * message (JSON under /api, a page elsewhere).
   */
  private static void check(
      java.net.http.HttpResponse<String> response,
      List<String> wrong,
      java.util.concurrent.atomic.AtomicInteger unavailable) {
    int status = response.statusCode();
    if (status < 400) {
      return;
    }
    String path = response.uri().getPath();
    boolean retry = response.headers().firstValue("Retry-After").isPresent();
    boolean message =
        response.body().contains("Máy chủ đang bận. Bác vui lòng thử lại sau ít phút.");
    if (status == 503 && retry && message) {
      unavailable.incrementAndGet();
    } else {
      wrong.add(status + " " + path + (retry ? "" : " without Retry-After"));
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
    // Residents keep working while it restarts: a signed-in learner and guests taking quizzes.
    Browser learner = new Browser();
    Residents.register(learner, "Ông Văn Mất Điện", Residents.newPhone(), Residents.HAI_CHAU);
    List<Browser> guests = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Browser guest = new Browser();
      assertEquals(201, guest.postJson("/api/modules/vneid/attempts", "").statusCode());
      guests.add(guest);
    }
    // Down for long enough that requests fail, not merely wait for EclipseLink's retries.
    Process restart = new ProcessBuilder("sh", "-c", RESTART + " 4").inheritIO().start();
    // While it restarts, requests may fail: each that does is 503 with Retry-After and the
    // Vietnamese message, never a 500, and readiness says so rather than hang.
    List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger unavailable =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService load =
        java.util.concurrent.Executors.newFixedThreadPool(guests.size() + 1);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    for (Browser guest : guests) {
      load.submit(
          () -> {
            while (restart.isAlive() && System.nanoTime() < deadline) {
              check(guest.postJson("/api/modules/vneid/attempts", ""), wrong, unavailable);
              check(guest.get("/hoc-phan/vneid/kiem-tra"), wrong, unavailable);
            }
          });
    }
    load.submit(
        () -> {
          while (restart.isAlive() && System.nanoTime() < deadline) {
            check(learner.get("/tien-do"), wrong, unavailable);
            check(learner.get("/api/me"), wrong, unavailable);
          }
        });
    boolean sawOutage = false;
    while (restart.isAlive() && System.nanoTime() < deadline) {
      int status = Http.get("/health/ready").statusCode();
      sawOutage |= status == 503;
      Http.sleep(100);
    }
    load.shutdown();
    assertTrue(load.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, restart.waitFor(), "restart command succeeded");
    assertTrue(sawOutage, "readiness reported the outage");
    assertEquals(List.of(), wrong, "every failed request is 503 with Retry-After");
    assertTrue(unavailable.get() > 0, "requests met the outage");
    // Once the database is back, the very first requests succeed.
    for (int i = 0; i < 5; i++) {
      assertEquals(
          200, Http.get("/health/ready").statusCode(), "request " + i + " after the restart");
      assertEquals(200, Http.get("/api/modules").statusCode());
    }
  }
}
