package vn.hocso.progress.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.ReportCells;
import vn.hocso.ward.entity.Ward;

/**
 * Writes ward reports as they are read: the header leaves before the query runs, rows go out as
 * MariaDB streams them (a fetch size makes Connector/J stream instead of loading the result), and
 * nothing is kept per row, so memory stays flat whatever the number of completions.
 */
@ApplicationScoped
public class WardReports {

  private static final int FETCH = 2_000;

  @Resource(lookup = "jdbc/hocso")
  DataSource dataSource;

  /** The kinds of file. */
  public enum Format {
    CSV,
    XLSX
  }

  /** Everything a ward report's summary shows. */
  public record Summary(Ward ward, Progress progress, String filters) {}

  /** Writes a ward's report; returns the number of detail rows. */
  public long ward(Summary summary, ReportFilter filter, Format format, OutputStream out)
      throws IOException {
    if (format == Format.CSV) {
      CSVPrinter printer = CsvReports.open(out, DetailRow.HEADERS);
      long rows = detail(summary.ward(), filter, CsvReports.detail(printer));
      printer.flush();
      return rows;
    }
    Workbook workbook = new Workbook(out, "Học Số", "1.0");
    Worksheet sheet = workbook.newWorksheet("Tổng hợp");
    XlsxReports.printable(sheet, 0);
    summarySheet(sheet, summary);
    sheet.finish();
    out.flush();
    XlsxReports.Detail detail = new XlsxReports.Detail(workbook, XlsxReports.EXCEL_ROWS).start();
    long rows = detail(summary.ward(), filter, detail);
    detail.finish();
    workbook.finish();
    return rows;
  }

  private static void summarySheet(Worksheet sheet, Summary summary) {
    Ward ward = summary.ward();
    Progress progress = summary.progress();
    sheet.inlineString(0, 0, "Báo cáo Bình dân học vụ số – " + ward.displayName());
    sheet.style(0, 0).bold().fontSize(14).set();
    int row = 2;
    row = pair(sheet, row, "Mã phường, xã", ward.code() == null ? "(chưa có mã)" : ward.code());
    row =
        pair(sheet, row, "Tỉnh, thành phố", ward.provinceName() == null ? "" : ward.provinceName());
    row = pair(sheet, row, "Ngày lập", Dates.vietnamese(progress.date()));
    row = pair(sheet, row, "Lọc theo", summary.filters());
    row++;
    XlsxReports.header(
        sheet, row++, "Chỉ tiêu", "Đã đạt", "Mẫu số", "Tỷ lệ (%)", "Mục tiêu (%)", "Kết quả");
    for (Object[] figure : figures(progress)) {
      Progress.Figure f = (Progress.Figure) figure[1];
      XlsxReports.cells(
          sheet,
          row++,
          Arrays.asList(
              figure[0], f.numerator(), f.denominator(), f.percent(), f.target(), f.met()));
    }
    row++;
    XlsxReports.header(sheet, row++, "Học phần", "Lượt hoàn thành");
    for (Progress.Count module : progress.modules()) {
      XlsxReports.cells(sheet, row++, List.of(module.title(), module.count()));
    }
    if (!progress.groups().isEmpty()) {
      row++;
      XlsxReports.header(
          sheet,
          row++,
          "Tổ dân phố, khu phố, thôn",
          "Số hộ đã ghi",
          "Hộ có người làm DVC trực tuyến",
          "Tỷ lệ (%)",
          "Hộ \"Gia đình số\"",
          "Tỷ lệ (%)");
      for (Progress.GroupFigures group : progress.groups()) {
        XlsxReports.cells(
            sheet,
            row++,
            Arrays.asList(
                group.name(),
                group.households(),
                group.online(),
                group.onlinePercent(),
                group.family(),
                group.familyPercent()));
      }
    }
    sheet.width(0, 48);
    sheet.width(1, 14);
    sheet.width(2, 12);
    sheet.width(3, 12);
    sheet.width(4, 14);
    sheet.width(5, 12);
  }

  private static int pair(Worksheet sheet, int row, String label, String value) {
    sheet.inlineString(row, 0, label);
    sheet.inlineString(row, 1, ReportCells.safe(value));
    return row + 1;
  }

  static List<Object[]> figures(Progress progress) {
    return List.of(
        new Object[] {"Người trưởng thành có kỹ năng số cơ bản", progress.adults()},
        new Object[] {"Hộ có người làm được dịch vụ công trực tuyến", progress.online()},
        new Object[] {"Hộ \"Gia đình số\"", progress.family()});
  }

  /** Streams the completions a filter selects into a sink; returns how many. */
  long detail(Ward ward, ReportFilter filter, ReportSink sink) throws IOException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT c.learner_masked, c.learner_birth_year, g.name, c.subject_type, c.title,"
                + " c.version, c.score, c.max_score, c.completed_at, c.code,"
                + " c.assisted_by IS NOT NULL"
                // The ward's index gives the rows in time order (InnoDB appends the id): rows
                // stream from the first one, never sorted first, even when the ward holds most of
                // the table and the optimizer would rather scan and sort. The learner's masked
                // name, birth year and household are copies on the completion: no account is
                // looked up per row (that lookup was half of the query's time).
                + " FROM completion c FORCE INDEX (ix_completion_ward_time)"
                + " LEFT JOIN household h ON h.id = c.household_id"
                + " LEFT JOIN residential_group g ON g.id = h.group_id"
                + " WHERE c.ward_id = ?");
    List<Object> parameters = new ArrayList<>();
    parameters.add(ward.id());
    if (filter.from() != null) {
      sql.append(" AND c.completed_at >= ?");
      parameters.add(Timestamp.from(filter.fromInstant()));
    }
    if (filter.to() != null) {
      sql.append(" AND c.completed_at < ?");
      parameters.add(Timestamp.from(filter.toInstantExclusive()));
    }
    if (filter.module() != null) {
      sql.append(" AND c.subject_type = 'module' AND c.subject_id = ?");
      parameters.add(filter.module());
    }
    if (filter.program() != null) {
      sql.append(" AND c.subject_type = 'program' AND c.subject_id = ?");
      parameters.add(filter.program());
    }
    if (filter.groupId() != null) {
      sql.append(" AND h.group_id = ?");
      parameters.add(filter.groupId());
    }
    sql.append(" ORDER BY c.completed_at, c.id");
    long rows = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      statement.setFetchSize(FETCH);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          int birthYear = result.getInt(2);
          Integer year = result.wasNull() ? null : birthYear;
          int score = result.getInt(7);
          Integer scored = result.wasNull() ? null : score;
          int max = result.getInt(8);
          Integer maxScore = result.wasNull() ? null : max;
          sink.row(
              new DetailRow(
                  Objects.requireNonNullElse(result.getString(1), ""),
                  year,
                  result.getString(3),
                  result.getString(4),
                  result.getString(5),
                  result.getString(6),
                  scored,
                  maxScore,
                  // Stored as UTC wall-clock time; read without java.sql.Timestamp, whose
                  // conversion builds a Calendar per row.
                  result.getObject(9, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                  result.getString(10),
                  result.getBoolean(11)));
          rows++;
        }
      }
    } catch (SQLException e) {
      throw new IOException("the ward report query failed", e);
    }
    return rows;
  }

  static final String[] ROLLUP_HEADERS = {
    "Mã phường, xã",
    "Tên",
    "Loại",
    "Mã tỉnh",
    "Tỉnh, thành phố",
    "Người trưởng thành (mẫu số)",
    "Người trưởng thành có KNS cơ bản",
    "Tỷ lệ (%)",
    "Mục tiêu (%)",
    "Số hộ (mẫu số)",
    "Hộ có người làm DVC trực tuyến",
    "Tỷ lệ (%)",
    "Mục tiêu (%)",
    "Hộ \"Gia đình số\"",
    "Tỷ lệ (%)",
    "Mục tiêu (%)",
    "Lượt hoàn thành học phần",
    "Trong đó có hỗ trợ"
  };

  static List<Object> rollupCells(WardProgress.WardRow row) {
    Ward ward = row.ward();
    Progress p = row.progress();
    List<Object> cells = new ArrayList<>();
    cells.add(ward.code() == null ? "" : ward.code());
    cells.add(ward.name());
    cells.add(ward.type() == null ? "" : ward.type());
    cells.add(ward.provinceCode() == null ? "" : ward.provinceCode());
    cells.add(ward.provinceName() == null ? "" : ward.provinceName());
    cells.add(p.adults().denominator());
    cells.add(p.adults().numerator());
    cells.add(p.adults().percent());
    cells.add(p.adults().target());
    cells.add(p.online().denominator());
    cells.add(p.online().numerator());
    cells.add(p.online().percent());
    cells.add(p.online().target());
    cells.add(p.family().numerator());
    cells.add(p.family().percent());
    cells.add(p.family().target());
    cells.add(p.moduleCompletions());
    cells.add(p.assistedCompletions());
    return cells;
  }

  /** Writes a roll-up, one row per ward; returns the number of rows. */
  public long rollup(List<WardProgress.WardRow> rows, Format format, OutputStream out)
      throws IOException {
    if (format == Format.CSV) {
      CSVPrinter printer = CsvReports.open(out, ROLLUP_HEADERS);
      for (WardProgress.WardRow row : rows) {
        CsvReports.record(
            printer,
            rollupCells(row).stream().map(cell -> cell == null ? "" : plain(cell)).toList());
      }
      printer.flush();
      return rows.size();
    }
    Workbook workbook = new Workbook(out, "Học Số", "1.0");
    Worksheet sheet = workbook.newWorksheet("Tổng hợp phường, xã");
    XlsxReports.header(sheet, 0, ROLLUP_HEADERS);
    XlsxReports.printable(sheet, 0);
    int line = 1;
    for (WardProgress.WardRow row : rows) {
      XlsxReports.cells(sheet, line++, rollupCells(row));
    }
    sheet.width(1, 24);
    sheet.width(4, 22);
    sheet.freezePane(2, 1);
    sheet.finish();
    workbook.finish();
    return rows.size();
  }

  private static Object plain(Object cell) {
    return cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell;
  }
}
