package vn.hocso.ward.control;

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
    String code) {

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
    "Mã xác minh"
  };

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
