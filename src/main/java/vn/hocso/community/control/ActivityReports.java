package vn.hocso.community.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.hocso.progress.control.CsvReports;
import vn.hocso.progress.control.XlsxReports;

/** The per-team and per-trainer activity as CSV (UTF-8 with BOM) or XLSX. */
@ApplicationScoped
public class ActivityReports {

  static final String[] HEADERS = {
    "Loại",
    "Tên",
    "Tháng",
    "Hộ đã đến",
    "Người dân đã đăng ký",
    "Xác nhận thực hành",
    "Lượt hoàn thành có hỗ trợ"
  };

  public void write(List<TrainerActivity.Row> rows, boolean xlsx, OutputStream out)
      throws IOException {
    if (!xlsx) {
      CSVPrinter printer = CsvReports.open(out, HEADERS);
      for (TrainerActivity.Row row : rows) {
        CsvReports.record(printer, cells(row));
      }
      printer.flush();
      return;
    }
    Workbook workbook = new Workbook(out, "Học Số", "1.0");
    Worksheet sheet = workbook.newWorksheet("Hoạt động");
    XlsxReports.header(sheet, 0, HEADERS);
    XlsxReports.printable(sheet, 0);
    int line = 1;
    for (TrainerActivity.Row row : rows) {
      XlsxReports.cells(sheet, line++, cells(row));
    }
    sheet.width(1, 28);
    sheet.finish();
    workbook.finish();
  }

  private static List<Object> cells(TrainerActivity.Row row) {
    return List.of(
        row.kind().equals("team") ? "Tổ" : "Giảng viên",
        row.name(),
        row.month(),
        row.households(),
        row.enrolled(),
        row.attestations(),
        row.completions());
  }
}
