package vn.hocso.progress.control;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.ReportCells;

/**
 * CSV files as Excel opens them in Vietnam: UTF-8 with a byte order mark (without it Excel reads
 * the bytes as Windows-1258 and garbles every diacritic), comma separated, CRLF, every text cell
 * neutralised against formulas.
 */
public final class CsvReports {

  private static final CSVFormat FORMAT = CSVFormat.EXCEL;

  private CsvReports() {}

  /** A printer that has written the BOM and the header row, flushed so the download starts. */
  public static CSVPrinter open(OutputStream out, String... headers) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
    writer.write('\uFEFF');
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    printer.printRecord((Object[]) headers);
    printer.flush();
    return printer;
  }

  /**
   * Each row is formatted into a buffer of its own and handed to the writer in one call: the
   * writer's lock is taken once per row, not once per cell and quote (a quarter of the time of a
   * million-row report went to those calls).
   */
  static ReportSink detail(CSVPrinter printer) {
    StringBuilder line = new StringBuilder(256);
    Appendable out = printer.getOut();
    return row -> {
      line.setLength(0);
      FORMAT.printRecord(
          line,
          ReportCells.safe(row.maskedName()),
          row.birthYear() == null ? "" : row.birthYear(),
          ReportCells.safe(row.group()),
          row.typeLabel(),
          ReportCells.safe(row.title()),
          ReportCells.safe(row.version()),
          row.score() == null ? "" : row.score(),
          row.maxScore() == null ? "" : row.maxScore(),
          Dates.vietnamese(row.completedAt()),
          row.displayCode(),
          row.howLabel());
      out.append(line);
    };
  }

  public static void record(CSVPrinter printer, List<?> cells) throws IOException {
    printer.printRecord(
        cells.stream().map(cell -> cell instanceof String text ? ReportCells.safe(text) : cell));
  }
}
