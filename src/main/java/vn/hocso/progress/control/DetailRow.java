package vn.hocso.progress.control;

import java.time.Instant;

/** One completion in a ward report: no phone, no CCCD, the name masked. */
public record DetailRow(
    String maskedName,
    Integer birthYear,
    String group,
    String subjectType,
    String title,
    String version,
    Integer score,
    Integer maxScore,
    Instant completedAt,
    String code,
    boolean assisted) {

  static final String[] HEADERS = {
    "Họ tên (che bớt)",
    "Năm sinh",
    "Tổ dân phố/khu phố/thôn",
    "Loại",
    "Học phần/chương trình",
    "Phiên bản nội dung",
    "Điểm",
    "Điểm tối đa",
    "Ngày hoàn thành",
    "Mã xác minh",
    "Cách học"
  };

  /** How the completion was earned: alone, or with a trainer beside the learner. */
  String howLabel() {
    return assisted ? "Có hỗ trợ" : "Tự học";
  }

  String typeLabel() {
    return "program".equals(subjectType) ? "Chương trình" : "Học phần";
  }

  /** The code as printed on the certificate: 4-4-4 characters. */
  String displayCode() {
    return code.length() == 12
        ? code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8)
        : code;
  }
}
