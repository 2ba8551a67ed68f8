package vn.hocso.platform.control;

import java.util.Collections;

/** Small helpers for native SQL: MariaDB's values as JDBC returns them, placeholder lists. */
public final class Sql {

  private Sql() {}

  /** "?, ?, ?" for an IN list of {@code count} values. */
  public static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /** "(?, ?), (?, ?), (?, ?)" for a multi-row VALUES list of {@code rows} rows. */
  public static String rows(int rows, int columns) {
    return String.join(", ", Collections.nCopies(rows, "(" + placeholders(columns) + ")"));
  }

  /**
   * A BOOLEAN column's value: MariaDB returns it as a Boolean or a number, depending on the path.
   */
  public static boolean truth(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    return value instanceof Number number && number.intValue() != 0;
  }
}
