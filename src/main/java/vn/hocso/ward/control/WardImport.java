package vn.hocso.ward.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies an administrative unit list: a unit already known by its code gets the file's name, type
 * and province (its id, learners, targets and records stay); a starter ward known only by its name
 * takes the code of the one row with that name; every other row is a new ward. All in one
 * transaction, in JDBC batches, so 100,000 rows take seconds.
 */
@ApplicationScoped
public class WardImport {

  private static final Logger LOG = Logger.getLogger(WardImport.class.getName());
  private static final int BATCH = 1_000;

  @Resource(lookup = "jdbc/hocso")
  DataSource dataSource;

  /** What an import changed. */
  public record Outcome(int created, int updated, int unchanged, int codesGiven) {}

  private record Known(long id, String code, String name, String type, String pc, String pn) {}

  @Transactional
  public Outcome apply(List<WardCsv.Row> rows) {
    Instant now = Instant.now();
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Known> byCode = new HashMap<>();
      Map<String, List<Known>> uncodedByName = new HashMap<>();
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, code, name, type, province_code, province_name FROM ward");
          ResultSet known = select.executeQuery()) {
        while (known.next()) {
          Known ward =
              new Known(
                  known.getLong(1),
                  known.getString(2),
                  known.getString(3),
                  known.getString(4),
                  known.getString(5),
                  known.getString(6));
          if (ward.code() != null) {
            byCode.put(ward.code(), ward);
          } else {
            uncodedByName
                .computeIfAbsent(WardCsv.plain(ward.name()), name -> new ArrayList<>())
                .add(ward);
          }
        }
      }
      Map<String, Integer> rowsByName = new HashMap<>();
      for (WardCsv.Row row : rows) {
        rowsByName.merge(WardCsv.plain(row.name()), 1, Integer::sum);
      }
      List<WardCsv.Row> inserts = new ArrayList<>();
      List<Map.Entry<Long, WardCsv.Row>> updates = new ArrayList<>();
      int unchanged = 0;
      int codesGiven = 0;
      for (WardCsv.Row row : rows) {
        Known existing = byCode.get(row.code());
        if (existing == null) {
          String name = WardCsv.plain(row.name());
          List<Known> starters = uncodedByName.getOrDefault(name, List.of());
          if (starters.size() == 1 && rowsByName.get(name) == 1) {
            updates.add(Map.entry(starters.get(0).id(), row));
            codesGiven++;
          } else {
            inserts.add(row);
          }
        } else if (Objects.equals(existing.name(), row.name())
            && Objects.equals(existing.type(), row.type())
            && Objects.equals(existing.pc(), row.provinceCode())
            && Objects.equals(existing.pn(), row.provinceName())) {
          unchanged++;
        } else {
          updates.add(Map.entry(existing.id(), row));
        }
      }
      if (!updates.isEmpty()) {
        batch(
            connection,
            "UPDATE ward SET code = ?, name = ?, type = ?, province_code = ?,"
                + " province_name = ?, imported_at = ? WHERE id = ?",
            updates,
            (statement, entry) -> {
              bind(statement, entry.getValue(), now);
              statement.setLong(7, entry.getKey());
            });
      }
      if (!inserts.isEmpty()) {
        batch(
            connection,
            "INSERT INTO ward (code, name, type, province_code, province_name, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            inserts,
            (statement, row) -> bind(statement, row, now));
      }
      Outcome outcome =
          new Outcome(inserts.size(), updates.size() - codesGiven, unchanged, codesGiven);
      LOG.info(
          () ->
              "Ward list imported: "
                  + outcome.created()
                  + " new, "
                  + outcome.updated()
                  + " updated, "
                  + outcome.unchanged()
                  + " unchanged, "
                  + outcome.codesGiven()
                  + " starter wards given their code");
      return outcome;
    } catch (SQLException e) {
      throw new IllegalStateException("ward import failed", e);
    }
  }

  /** Binds one row of a batch. */
  private interface Binder<T> {
    void bind(PreparedStatement statement, T item) throws SQLException;
  }

  /**
   * Runs a statement for every item, in batches. Only called with items: Connector/J 3.5 behind
   * Liberty's wrapper fails to close a prepared statement that never ran.
   */
  private static <T> void batch(Connection connection, String sql, List<T> items, Binder<T> binder)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int pending = 0;
      for (T item : items) {
        binder.bind(statement, item);
        statement.addBatch();
        if (++pending == BATCH) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement statement, WardCsv.Row row, Instant now)
      throws SQLException {
    statement.setString(1, row.code());
    statement.setString(2, row.name());
    statement.setString(3, row.type());
    statement.setString(4, row.provinceCode());
    statement.setString(5, row.provinceName());
    statement.setTimestamp(6, Timestamp.from(now));
  }
}
