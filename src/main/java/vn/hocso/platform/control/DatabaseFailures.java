package vn.hocso.platform.control;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure for want of the database (it is down, restarting, or out of connections) from any
 * other: such a request may simply be sent again in a moment, so it is answered 503 with
 * Retry-After, not 500.
 */
public final class DatabaseFailures {

  /** What the app says while the database is away, on pages and in {@code {"error"}}. */
  public static final String BUSY = "Máy chủ đang bận. Bác vui lòng thử lại sau ít phút.";

  /** Seconds a client should wait before sending the request again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseFailures() {}

  /**
   * Whether the database could not be reached or the connection broke: SQL state class 08, the JDBC
   * connection exceptions (Liberty's pool wait timeout is one), or a refused socket.
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException
          || (cause instanceof SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08"))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
