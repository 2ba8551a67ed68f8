package vn.hocso.platform.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese reports write them (22/11/2026), in Vietnam time. */
public final class Dates {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** Vietnam's time zone (UTC+7, no daylight saving). */
  public static final java.time.ZoneId VIETNAM_ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

  private Dates() {}

  public static LocalDate today() {
    return LocalDate.now(VIETNAM_ZONE);
  }

  /**
   * A date as a form or query gives it (2026-11-22), or null when blank; 400 with a Vietnamese
   * message naming {@code what} when it is not a date.
   */
  public static LocalDate parse(String text, String what) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
      throw new Refusal(
          400,
          what
              + " \""
              + shown
              + "\" không hợp lệ; hãy viết dạng năm-tháng-ngày, ví dụ 2026-11-22.");
    }
  }

  /** A month as the pages and reports show it: "2026-12" → "12/2026". */
  public static String month(String yearMonth) {
    java.time.YearMonth month = java.time.YearMonth.parse(yearMonth);
    return String.format("%02d/%d", month.getMonthValue(), month.getYear());
  }

  public static String vietnamese(LocalDate date) {
    return DAY.format(date);
  }

  public static LocalDateTime local(Instant at) {
    return LocalDateTime.ofInstant(at, VIETNAM_ZONE);
  }

  public static String vietnamese(Instant at) {
    return MINUTE.format(local(at));
  }
}
