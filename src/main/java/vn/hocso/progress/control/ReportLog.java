package vn.hocso.progress.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Records each report download — who (account id), which ward, which filters, how many rows, how
 * long — in the report_download table and the server log. No personal data: filters hold ids and
 * dates only.
 */
@ApplicationScoped
public class ReportLog {

  private static final Logger LOG = Logger.getLogger(ReportLog.class.getName());

  @Resource(lookup = "jdbc/hocso")
  DataSource dataSource;

  public void record(
      long accountId,
      Long wardId,
      String report,
      String filters,
      long rows,
      boolean completed,
      Instant started) {
    long millis = java.time.Duration.between(started, Instant.now()).toMillis();
    LOG.info(
        () ->
            "Report "
                + report
                + (wardId == null ? "" : " of ward " + wardId)
                + " by account "
                + accountId
                + ": "
                + filters
                + ", "
                + rows
                + " rows, "
                + millis
                + " ms"
                + (completed ? "" : ", broken off"));
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO report_download (account_id, ward_id, report, filters, row_count,"
                    + " completed, started_at, millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, accountId);
      insert.setObject(2, wardId);
      insert.setString(3, report);
      insert.setString(4, filters.length() > 400 ? filters.substring(0, 400) : filters);
      insert.setLong(5, rows);
      insert.setBoolean(6, completed);
      insert.setTimestamp(7, Timestamp.from(started));
      insert.setLong(8, millis);
      insert.executeUpdate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not record a report download", e);
    }
  }
}
