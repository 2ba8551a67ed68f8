package vn.hocso.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  @Test
  void aLostOrRefusedConnectionAnywhereInTheCausesIsAnOutage() {
    assertTrue(
        DatabaseFailures.isUnavailable(
            new RuntimeException("EclipseLink", new SQLException("gone", "08S01"))));
    assertTrue(
        DatabaseFailures.isUnavailable(
            new IllegalStateException(new SQLTransientConnectionException("pool wait"))));
    assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new ConnectException("no"))));
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertFalse(
        DatabaseFailures.isUnavailable(
            new RuntimeException(new SQLException("Duplicate entry", "23000"))));
    assertFalse(DatabaseFailures.isUnavailable(new NullPointerException()));
  }
}
