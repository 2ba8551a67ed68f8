package vn.hocso.progress.control;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.ReportCells;

/**
 * XLSX files written with fastexcel as a stream: rows are flushed to the response every few
 * thousand, strings are inline (no shared-string table growing with the rows), and a detail that
 * outgrows a sheet (1,048,576 rows in Excel) continues on the next sheet.
 */
public final class XlsxReports {

  /** Excel's last row. */
  static final int EXCEL_ROWS = 1_048_576;

  private static final int FLUSH_EVERY = 4_096;

  private XlsxReports() {}

  /** Writes a header row in bold, wrapped within its columns (three lines high). */
  public static void header(Worksheet sheet, int row, String... headers) {
    for (int column = 0; column < headers.length; column++) {
      sheet.inlineString(row, column, headers[column]);
    }
    sheet
        .range(row, 0, row, headers.length - 1)
        .style()
        .bold()
        .wrapText(true)
        .verticalAlignment("top")
        .set();
    sheet.rowHeight(row, 48);
  }

  /**
   * Prints a sheet on A4 paper, landscape, scaled to the paper's width (as many pages down as it
   * takes), repeating the header row on each page. Excel's default is Letter at 100 %, which cut a
   * ward report over five pages.
   */
  public static void printable(Worksheet sheet, int headerRow) {
    sheet.paperSize(PaperSize.A4_PAPER);
    sheet.pageOrientation("landscape");
    sheet.setFitToPage(true);
    sheet.fitToWidth((short) 1);
    sheet.fitToHeight((short) 0);
    sheet.repeatRows(headerRow);
  }

  /** Writes one row of cells: text (neutralised), numbers, or empty for null. */
  public static void cells(Worksheet sheet, int row, List<?> cells) {
    for (int column = 0; column < cells.size(); column++) {
      Object cell = cells.get(column);
      if (cell instanceof String text) {
        sheet.inlineString(row, column, ReportCells.safe(text));
      } else if (cell instanceof BigDecimal decimal) {
        sheet.value(row, column, decimal);
      } else if (cell instanceof Number number) {
        sheet.value(row, column, number);
      } else if (cell instanceof Boolean yes) {
        sheet.inlineString(row, column, yes ? "Đạt" : "Chưa đạt");
      }
    }
  }

  /** The detail sheets of a workbook: "Chi tiết", then "Chi tiết 2", … when one is full. */
  static final class Detail implements ReportSink {
    private final Workbook workbook;
    private final int rowsPerSheet;
    private Worksheet sheet;
    private int sheets;
    private int row;

    Detail(Workbook workbook, int rowsPerSheet) {
      this.workbook = workbook;
      this.rowsPerSheet = rowsPerSheet;
    }

    /** Starts the first sheet, so even an empty report has its header row. */
    Detail start() {
      next();
      return this;
    }

    private void next() {
      sheets++;
      sheet = workbook.newWorksheet(sheets == 1 ? "Chi tiết" : "Chi tiết " + sheets);
      header(sheet, 0, DetailRow.HEADERS);
      printable(sheet, 0);
      sheet.width(0, 22);
      sheet.width(2, 22);
      sheet.width(4, 30);
      sheet.width(5, 16);
      sheet.width(8, 17);
      sheet.width(9, 16);
      sheet.freezePane(0, 1);
      row = 1;
    }

    @Override
    public void row(DetailRow detail) throws IOException {
      if (row >= rowsPerSheet) {
        sheet.finish();
        next();
      }
      sheet.inlineString(row, 0, ReportCells.safe(detail.maskedName()));
      if (detail.birthYear() != null) {
        sheet.value(row, 1, detail.birthYear());
      }
      sheet.inlineString(row, 2, ReportCells.safe(detail.group()));
      sheet.inlineString(row, 3, detail.typeLabel());
      sheet.inlineString(row, 4, ReportCells.safe(detail.title()));
      sheet.inlineString(row, 5, ReportCells.safe(detail.version()));
      if (detail.score() != null) {
        sheet.value(row, 6, detail.score());
      }
      if (detail.maxScore() != null) {
        sheet.value(row, 7, detail.maxScore());
      }
      sheet.value(row, 8, Dates.local(detail.completedAt()));
      sheet.style(row, 8).format("dd/mm/yyyy hh:mm").set();
      sheet.inlineString(row, 9, detail.displayCode());
      sheet.inlineString(row, 10, detail.howLabel());
      row++;
      if (row % FLUSH_EVERY == 0) {
        sheet.flush();
      }
    }

    void finish() throws IOException {
      sheet.finish();
    }

    int sheets() {
      return sheets;
    }
  }
}
