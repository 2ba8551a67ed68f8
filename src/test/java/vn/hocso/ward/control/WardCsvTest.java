package vn.hocso.ward.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WardCsvTest {

  static WardCsv.Result parse(String text) {
    return WardCsv.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  static void assertProblem(WardCsv.Result result, int line, String message) {
    assertTrue(
        result.problems().stream()
            .anyMatch(problem -> problem.line() == line && problem.message().contains(message)),
        "expected line " + line + " '" + message + "' in " + result.problems());
    assertTrue(result.rows().isEmpty(), "a file with problems gives no rows");
  }

  @Test
  void readsEnglishOrVietnameseHeadersInAnyOrderWithAnySeparator() {
    WardCsv.Result english =
        parse("code,name,type,province_code,province_name\n1,Bến Nghé,Phường,79,TP HCM\n");
    assertTrue(english.ok(), english.problems().toString());
    assertEquals(
        new WardCsv.Row(2, "1", "Bến Nghé", "phường", "79", "TP HCM"), english.rows().get(0));

    WardCsv.Result vietnamese =
        parse(
            "\uFEFFTên tỉnh;Mã tỉnh;Loại;Tên;Mã\r\n"
                + "Tỉnh A;01;xa;Xã Một;00001\r\n"
                + "\r\n"
                + "Tỉnh A;01;Đặc khu;Đảo;00002\r\n");
    assertTrue(vietnamese.ok(), vietnamese.problems().toString());
    assertEquals(2, vietnamese.rows().size());
    assertEquals("xã", vietnamese.rows().get(0).type());
    assertEquals("đặc khu", vietnamese.rows().get(1).type());
    assertEquals("00002", vietnamese.rows().get(1).code());
  }

  @Test
  void namesMissingColumns() {
    assertProblem(parse("ma,ten\n1,A\n"), 1, "thiếu cột type, province_code, province_name");
  }

  @Test
  void namesDuplicateCodesWithBothLines() {
    assertProblem(
        parse("ma,ten,loai,ma_tinh,ten_tinh\n1,A,xã,1,T\n2,B,xã,1,T\n1,C,xã,1,T\n"),
        4,
        "mã 1 trùng với dòng 2");
  }

  @Test
  void namesEveryBadFieldOfALine() {
    WardCsv.Result result = parse("ma,ten,loai,ma_tinh,ten_tinh\nx y,,thị trấn,,\n1,A,xã,1\n");
    assertProblem(result, 2, "chỉ được có chữ và số; thiếu tên; loại \"thị trấn\"");
    assertProblem(result, 3, "có 4 cột, cần 5 cột");
  }

  @Test
  void refusesAWindows1258FileAtItsFirstBadLine() {
    byte[] bytes =
        "ma,ten,loai,ma_tinh,ten_tinh\n1,Xa,xã,1,T\n2,Bến Nghé,phường,1,T\n"
            .getBytes(Charset.forName("windows-1258"));
    assertProblem(WardCsv.parse(bytes), 3, "không phải mã UTF-8");
  }

  @Test
  void refusesAnEmptyFileOrOneWithOnlyAHeader() {
    assertProblem(parse(""), 1, "tệp trống");
    assertProblem(parse("ma,ten,loai,ma_tinh,ten_tinh\n"), 2, "không có dòng dữ liệu");
  }

  @Test
  void reportsAnUnclosedQuote() {
    WardCsv.Result result = parse("ma,ten,loai,ma_tinh,ten_tinh\n1,\"A,xã,1,T\n");
    assertTrue(!result.ok() && result.problems().get(0).message().contains("ngoặc kép"));
  }

  @Test
  void readsAHundredThousandRows() {
    StringBuilder csv = new StringBuilder("ma,ten,loai,ma_tinh,ten_tinh\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append(100_000 + i).append(",Xã ").append(i).append(",xã,99,Tỉnh\n");
    }
    WardCsv.Result result = parse(csv.toString());
    assertTrue(result.ok());
    assertEquals(100_000, result.rows().size());
    assertEquals(100_001, result.rows().get(99_999).line());
  }

  @Test
  void listsAtMostTwoHundredProblemsAndCountsTheRest() {
    StringBuilder csv = new StringBuilder("ma,ten,loai,ma_tinh,ten_tinh\n");
    for (int i = 0; i < 500; i++) {
      csv.append(i).append(",,xã,1,T\n");
    }
    WardCsv.Result result = parse(csv.toString());
    assertEquals(201, result.problems().size());
    assertTrue(result.problems().get(200).message().contains("và 300 lỗi nữa"));
  }
}
