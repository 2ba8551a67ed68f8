package vn.hocso.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

  /** Binds {@code values} to the positional parameters of a native query from {@code first} on. */
  public static void bind(Query query, List<?> values, int first) {
    for (int i = 0; i < values.size(); i++) {
      query.setParameter(first + i, values.get(i));
    }
  }

  /**
   * Runs a multi-row INSERT, upsert or UPDATE on the connection of the caller's transaction, with
   * JDBC's own binding: EclipseLink binds the parameters of a native query in time that grows with
   * the square of their number (a linear search per parameter), a few percent of the CPU of a batch
   * of quiz passes, whose statements bind hundreds. Changes of managed entities are not flushed
   * first; use it only for tables that no entity of the transaction writes.
   *
   * @return the update count
   */
  public static int update(EntityManager em, String sql, List<?> values) {
    try (PreparedStatement statement = prepare(em, sql, values)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  /** Reads one row of a result into a value. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * Runs a query on the connection of the caller's transaction, bound as {@link #update} binds,
   * each row read by {@code row}. What it reads is not managed by the persistence context, and
   * changes of managed entities are not flushed first.
   */
  public static <T> List<T> query(EntityManager em, String sql, List<?> values, Row<T> row) {
    try (PreparedStatement statement = prepare(em, sql, values);
        ResultSet rows = statement.executeQuery()) {
      List<T> read = new ArrayList<>();
      while (rows.next()) {
        read.add(row.read(rows));
      }
      return read;
    } catch (SQLException e) {
      throw new PersistenceException(e);
    }
  }

  private static PreparedStatement prepare(EntityManager em, String sql, List<?> values)
      throws SQLException {
    PreparedStatement statement = em.unwrap(Connection.class).prepareStatement(sql);
    try {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
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
