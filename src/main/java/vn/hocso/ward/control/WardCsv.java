package vn.hocso.ward.control;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.hocso.platform.control.Vietnamese;

/**
 * Reads the administrative unit list an admin imports: a CSV file in UTF-8 (with or without BOM,
 * comma, semicolon or tab separated, as Excel saves it) with the columns code, name, type, province
 * code and province name, under English or Vietnamese headers. Every bad line is reported with its
 * number; a file with any problem imports nothing.
 */
public final class WardCsv {

  /** The most rows one file may hold (the whole country has about 3,300 units). */
  public static final int MAX_ROWS = 200_000;

  /** One unit of the list. */
  public record Row(
      int line, String code, String name, String type, String provinceCode, String provinceName) {}

  /** A problem, on a line of the file. */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return "dòng " + line + ": " + message;
    }
  }

  /** The rows of a file, or its problems. */
  public record Result(List<Row> rows, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }

    /** What a refused file is told, before its bad lines are listed. */
    public String refusal() {
      return "Tệp có "
          + problems.size()
          + " lỗi nên chưa nhập dòng nào. Sửa các dòng được liệt kê rồi nhập lại.";
    }
  }

  /** The largest ward list file accepted. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  /** The columns and the header names each may have (compared without diacritics or case). */
  private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("code", List.of("code", "ma", "ma xa", "ma phuong xa", "ma don vi", "ward code"));
    COLUMNS.put(
        "name", List.of("name", "ten", "ten xa", "ten phuong xa", "ten don vi", "ward name"));
    COLUMNS.put("type", List.of("type", "loai", "cap", "loai don vi"));
    COLUMNS.put("province_code", List.of("province code", "ma tinh", "ma tinh thanh pho"));
    COLUMNS.put("province_name", List.of("province name", "ten tinh", "ten tinh thanh pho"));
  }

  /** The unit types, by their name without diacritics. */
  private static final Map<String, String> TYPES =
      Map.of("phuong", "phường", "xa", "xã", "dac khu", "đặc khu");

  private static final int MAX_PROBLEMS = 200;

  private WardCsv() {}

  public static Result parse(byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    String text;
    try {
      text = decode(bytes);
    } catch (MalformedInputException e) {
      int line = lineAt(bytes, e);
      problems.add(
          new Problem(
              line,
              "tệp không phải mã UTF-8 (có thể đang là Windows-1258 hoặc TCVN3). Hãy mở tệp"
                  + " bằng Excel, chọn Lưu thành (Save As) kiểu \"CSV UTF-8\" rồi nhập lại."));
      return new Result(List.of(), problems);
    } catch (CharacterCodingException e) {
      problems.add(new Problem(1, "tệp không đọc được như văn bản UTF-8."));
      return new Result(List.of(), problems);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      problems.add(new Problem(1, "tệp trống."));
      return new Result(List.of(), problems);
    }
    char delimiter = delimiter(text);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> columns = null;
      int width = 0;
      Map<String, Integer> codeLines = new HashMap<>();
      long previousEnd = 0;
      for (CSVRecord record : parser) {
        int line = (int) previousEnd + 1;
        previousEnd = parser.getCurrentLineNumber();
        if (columns == null) {
          columns = header(record, line, problems);
          width = record.size();
          if (columns == null) {
            return new Result(List.of(), problems);
          }
          continue;
        }
        if (rows.size() >= MAX_ROWS) {
          problems.add(new Problem(line, "tệp có hơn " + MAX_ROWS + " dòng; hãy chia nhỏ tệp."));
          break;
        }
        if (record.size() != width) {
          add(problems, new Problem(line, "có " + record.size() + " cột, cần " + width + " cột."));
          continue;
        }
        Row row = row(record, line, columns, problems);
        if (row == null) {
          continue;
        }
        Integer first = codeLines.putIfAbsent(row.code(), line);
        if (first != null) {
          add(problems, new Problem(line, "mã " + row.code() + " trùng với dòng " + first + "."));
          continue;
        }
        rows.add(row);
      }
      if (columns == null) {
        problems.add(new Problem(1, "tệp trống."));
      } else if (rows.isEmpty() && problems.isEmpty()) {
        problems.add(new Problem(2, "tệp không có dòng dữ liệu nào sau dòng tiêu đề."));
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      // Commons CSV reports a broken quote this way, with the line it reached.
      problems.add(new Problem(lineOf(e), "có dấu ngoặc kép (\") mở mà không đóng."));
    }
    if (problems.size() > MAX_PROBLEMS) {
      int more = problems.size() - MAX_PROBLEMS;
      List<Problem> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
      shown.add(new Problem(shown.get(shown.size() - 1).line(), "và " + more + " lỗi nữa."));
      problems = shown;
    }
    return problems.isEmpty() ? new Result(rows, List.of()) : new Result(List.of(), problems);
  }

  private static void add(List<Problem> problems, Problem problem) {
    problems.add(problem);
  }

  private static Map<String, Integer> header(CSVRecord record, int line, List<Problem> problems) {
    Map<String, Integer> found = new HashMap<>();
    for (int i = 0; i < record.size(); i++) {
      String name = plain(record.get(i));
      for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
        if (column.getValue().contains(name)) {
          found.putIfAbsent(column.getKey(), i);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (String column : COLUMNS.keySet()) {
      if (!found.containsKey(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          new Problem(
              line,
              "dòng tiêu đề thiếu cột "
                  + String.join(", ", missing)
                  + ". Cần đủ 5 cột: code, name, type, province_code, province_name"
                  + " (hoặc ma, ten, loai, ma_tinh, ten_tinh)."));
      return null;
    }
    return found;
  }

  private static Row row(
      CSVRecord record, int line, Map<String, Integer> columns, List<Problem> problems) {
    String code = record.get(columns.get("code"));
    String name = record.get(columns.get("name"));
    String type = record.get(columns.get("type"));
    String provinceCode = record.get(columns.get("province_code"));
    String provinceName = record.get(columns.get("province_name"));
    List<String> wrong = new ArrayList<>();
    if (!code.matches("[0-9A-Za-z]{1,16}")) {
      wrong.add(code.isEmpty() ? "thiếu mã" : "mã \"" + shorten(code) + "\" chỉ được có chữ và số");
    }
    if (name.isEmpty() || name.length() > 100) {
      wrong.add(name.isEmpty() ? "thiếu tên" : "tên dài quá 100 ký tự");
    }
    String knownType = TYPES.get(plain(type));
    if (knownType == null) {
      wrong.add("loại \"" + shorten(type) + "\" không phải phường, xã hay đặc khu");
    }
    if (!provinceCode.matches("[0-9A-Za-z]{1,16}")) {
      wrong.add(provinceCode.isEmpty() ? "thiếu mã tỉnh" : "mã tỉnh chỉ được có chữ và số");
    }
    if (provinceName.isEmpty() || provinceName.length() > 100) {
      wrong.add(provinceName.isEmpty() ? "thiếu tên tỉnh" : "tên tỉnh dài quá 100 ký tự");
    }
    if (!wrong.isEmpty()) {
      add(problems, new Problem(line, String.join("; ", wrong) + "."));
      return null;
    }
    return new Row(line, code, name, knownType, provinceCode, provinceName);
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return decoder.decode(ByteBuffer.wrap(bytes)).toString();
  }

  /** The line of the first byte that is not UTF-8. */
  private static int lineAt(byte[] bytes, MalformedInputException e) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    int stop = in.position();
    int line = 1;
    for (int i = 0; i < stop; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The separator Excel used: the most frequent of comma, semicolon and tab on the first line. */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    char best = ',';
    long most = first.chars().filter(c -> c == ',').count();
    for (char candidate : new char[] {';', '\t'}) {
      long count = first.chars().filter(c -> c == candidate).count();
      if (count > most) {
        best = candidate;
        most = count;
      }
    }
    return best;
  }

  /** A header or type without diacritics, lower case, "_" and "-" as spaces. */
  static String plain(String text) {
    String stripped = Vietnamese.withoutDiacritics(text);
    return stripped
        .toLowerCase(Locale.ROOT)
        .replace('_', ' ')
        .replace('-', ' ')
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static String shorten(String text) {
    return text.length() > 30 ? text.substring(0, 30) + "…" : text;
  }

  private static int lineOf(Exception e) {
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
    return line.find() ? Integer.parseInt(line.group(1)) : 1;
  }
}
