package vn.hocso.progress.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.hocso.platform.control.Dates;

/**
 * What a ward report holds: completions from a date to a date (inclusive, Vietnam time), of one
 * module or one program, of learners in one residential group. Every part is optional.
 */
public record ReportFilter(
    LocalDate from, LocalDate to, String module, String program, Long groupId, String groupName) {

  public static final ReportFilter ALL = new ReportFilter(null, null, null, null, null, null);

  public Instant fromInstant() {
    return from == null ? null : from.atStartOfDay(Dates.VIETNAM_ZONE).toInstant();
  }

  /** The first instant after the range. */
  public Instant toInstantExclusive() {
    return to == null ? null : to.plusDays(1).atStartOfDay(Dates.VIETNAM_ZONE).toInstant();
  }

  /** The filters as logged and printed: no personal data. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (from != null) {
      parts.add("from=" + from);
    }
    if (to != null) {
      parts.add("to=" + to);
    }
    if (module != null) {
      parts.add("module=" + module);
    }
    if (program != null) {
      parts.add("program=" + program);
    }
    if (groupId != null) {
      parts.add("group=" + groupId);
    }
    return parts.isEmpty() ? "all" : String.join(" ", parts);
  }

  /** The filters in Vietnamese, for the report's summary. */
  public String describeVietnamese(String subjectTitle) {
    List<String> parts = new ArrayList<>();
    if (from != null || to != null) {
      parts.add(
          "thời gian: "
              + (from == null ? "từ đầu" : "từ " + Dates.vietnamese(from))
              + " "
              + (to == null ? "đến nay" : "đến " + Dates.vietnamese(to)));
    }
    if (subjectTitle != null) {
      parts.add((module != null ? "học phần: " : "chương trình: ") + subjectTitle);
    }
    if (groupName != null) {
      parts.add("tổ dân phố/khu phố/thôn: " + groupName);
    }
    return parts.isEmpty() ? "tất cả" : String.join("; ", parts);
  }
}
