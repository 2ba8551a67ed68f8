package vn.hocso.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.platform.control.ReportCells;

class ReportFilesTest {

  static DetailRow row(String name) {
    return new DetailRow(
        name,
        1958,
        "Tổ 1",
        "module",
        "VNeID",
        "abc123",
        8,
        8,
        Instant.parse("2026-11-21T20:30:00Z"),
        "ABCDEFGHJKMN",
        false);
  }

  @Test
  void cellsThatExcelWouldReadAsFormulasAreNeutralised() {
    for (String formula :
        List.of("=HYPERLINK(\"http://x\")", "+84", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertEquals("'" + formula, ReportCells.safe(formula));
    }
    assertEquals("Nguyễn T. H.", ReportCells.safe("Nguyễn T. H."));
    assertEquals("", ReportCells.safe(null));
  }

  @Test
  void csvStartsWithABomAndWritesVietnamTime() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CSVPrinter printer = CsvReports.open(out, DetailRow.HEADERS);
    CsvReports.detail(printer).row(row("=1+1 L."));
    printer.flush();
    byte[] bytes = out.toByteArray();
    assertEquals((byte) 0xEF, bytes[0]);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    String[] lines = text.split("\r\n");
    assertEquals(
        "'=1+1 L.,1958,Tổ 1,Học phần,VNeID,abc123,8,8,22/11/2026 03:30,ABCD-EFGH-JKMN,Tự học",
        lines[1]);
  }

  @Test
  void xlsxDetailContinuesOnANewSheetWhenOneIsFull() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "Học Số", "1.0");
    XlsxReports.Detail detail = new XlsxReports.Detail(workbook, 3).start();
    for (int i = 0; i < 5; i++) {
      detail.row(row(i == 0 ? "@x" : "Người " + i));
    }
    detail.finish();
    workbook.finish();
    assertEquals(3, detail.sheets());
    try (ReadableWorkbook read =
        new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      List<Sheet> sheets = read.getSheets().toList();
      assertEquals(
          List.of("Chi tiết", "Chi tiết 2", "Chi tiết 3"),
          sheets.stream().map(Sheet::getName).toList());
      List<Row> first;
      try (Stream<Row> rows = sheets.get(0).openStream()) {
        first = rows.toList();
      }
      assertEquals(3, first.size(), "header + 2 rows");
      assertEquals("'@x", first.get(1).getCellText(0));
      assertEquals(new BigDecimal("1958"), first.get(1).getCellAsNumber(1).orElseThrow());
      try (Stream<Row> rows = sheets.get(2).openStream()) {
        List<Row> last = rows.toList();
        assertEquals("Họ tên (che bớt)", last.get(0).getCellText(0), "every sheet has the header");
        assertEquals("Người 4", last.get(1).getCellText(0));
      }
    }
  }

  /** Excel prints a report on A4 across, fitted to the paper's width, headers wrapped. */
  @Test
  void xlsxSheetsPrintOnA4FittedToTheWidthWithWrappedHeaders() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook workbook = new Workbook(out, "Học Số", "1.0");
    XlsxReports.Detail detail = new XlsxReports.Detail(workbook, 10).start();
    detail.row(row("Người 1"));
    detail.finish();
    workbook.finish();
    String sheet;
    String styles;
    java.nio.file.Path file = java.nio.file.Files.createTempFile("bao-cao", ".xlsx");
    java.nio.file.Files.write(file, out.toByteArray());
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      sheet =
          new String(
              zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
              StandardCharsets.UTF_8);
      styles =
          new String(
              zip.getInputStream(zip.getEntry("xl/styles.xml")).readAllBytes(),
              StandardCharsets.UTF_8);
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertTrue(sheet.contains("<pageSetUpPr fitToPage=\"true\""), sheet);
    assertTrue(sheet.contains("paperSize=\"9\""), "A4: " + sheet);
    assertTrue(sheet.contains("orientation=\"landscape\""), sheet);
    assertTrue(sheet.contains("fitToWidth=\"1\"") && sheet.contains("fitToHeight=\"0\""), sheet);
    assertTrue(styles.contains("wrapText=\"true\""), "headers wrap: " + styles);
    assertTrue(sheet.contains("customHeight=\"1\""), "the header row is tall enough");
  }

  @Test
  void targetProblemsAreNamedByTheirFields() {
    java.util.Map<String, String> problems =
        WardTargets.problems(
            new WardTargets.Entry(null, 0, 10, null, new BigDecimal("90"), new BigDecimal("120")));
    assertEquals(
        List.of(
            WardTargets.APPLIES_FROM,
            WardTargets.ADULTS,
            WardTargets.ADULTS_TARGET,
            WardTargets.FAMILY_TARGET),
        List.copyOf(problems.keySet()));
  }

  @Test
  void monthsAreWrittenMonthThenYear() {
    assertEquals("12/2026", Dates.month("2026-12"));
    assertEquals("01/2027", Dates.month("2027-01"));
  }

  @Test
  void targetsRefuseZeroNegativeAndOverAHundredPercent() {
    WardTargets.Entry good =
        new WardTargets.Entry(
            LocalDate.of(2026, 1, 1),
            100,
            40,
            new BigDecimal("100"),
            new BigDecimal("90"),
            new BigDecimal("97.5"));
    WardTargets.check(good);
    Refusal zero =
        assertThrows(
            Refusal.class,
            () ->
                WardTargets.check(
                    new WardTargets.Entry(
                        LocalDate.of(2026, 1, 1),
                        0,
                        -1,
                        new BigDecimal("100.01"),
                        new BigDecimal("90"),
                        new BigDecimal("90.123"))));
    assertTrue(zero.getMessage().contains("Số người trưởng thành (từ 18 tuổi) phải lớn hơn 0"));
    assertTrue(zero.getMessage().contains("Số hộ gia đình phải lớn hơn 0"));
    assertTrue(zero.getMessage().contains("không quá 100 %"));
    assertTrue(zero.getMessage().contains("hai chữ số sau dấu phẩy"));
  }

  @Test
  void aDateRangeIsVietnamDaysInclusive() {
    ReportFilter filter =
        new ReportFilter(
            LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, null, null, null);
    assertEquals(Instant.parse("2026-10-31T17:00:00Z"), filter.fromInstant());
    assertEquals(Instant.parse("2026-11-30T17:00:00Z"), filter.toInstantExclusive());
    assertEquals("from=2026-11-01 to=2026-11-30", filter.describe());
  }
}
