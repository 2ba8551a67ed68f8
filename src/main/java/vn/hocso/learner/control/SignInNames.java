package vn.hocso.learner.control;

import vn.hocso.platform.control.Refusal;

/**
 * A sign-in name is a Vietnamese mobile phone number or a citizen ID (CCCD, 12 digits); the first
 * admin signs in as "admin". Written in any common way, it is normalized before it is hashed.
 */
public final class SignInNames {

  /** The bootstrap administrator's sign-in name. */
  public static final String ADMIN = "admin";

  /** A normalized sign-in name. */
  public record SignInName(String kind, String value) {
    public String last3() {
      return value.substring(value.length() - 3);
    }
  }

  private SignInNames() {}

  public static SignInName parse(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.equalsIgnoreCase(ADMIN)) {
      return new SignInName("name", ADMIN);
    }
    String digits = text.replaceAll("[\\s.\\-()]", "");
    if (digits.startsWith("+84")) {
      digits = "0" + digits.substring(3);
    } else if (digits.startsWith("84") && digits.length() == 11) {
      digits = "0" + digits.substring(2);
    }
    if (digits.isEmpty()) {
      throw new Refusal(400, "Bác hãy nhập số điện thoại hoặc số căn cước.");
    }
    if (!digits.matches("[0-9]+")) {
      throw new Refusal(400, "Tên đăng nhập là số điện thoại hoặc số căn cước, chỉ gồm chữ số.");
    }
    if (digits.length() == 12) {
      return new SignInName("cccd", digits);
    }
    if (digits.length() == 10 && digits.startsWith("0")) {
      return new SignInName("phone", digits);
    }
    throw new Refusal(
        400,
        "Số căn cước phải có đúng 12 chữ số; số điện thoại di động có 10 chữ số, bắt đầu bằng 0.");
  }

  /** An optional contact phone: empty for none, else a normalized mobile number. */
  public static String contactPhone(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String digits = raw.strip().replaceAll("[\\s.\\-()]", "");
    if (digits.startsWith("+84")) {
      digits = "0" + digits.substring(3);
    }
    if (!digits.matches("0[0-9]{9}")) {
      throw new Refusal(400, "Số điện thoại liên lạc phải có 10 chữ số, bắt đầu bằng 0.");
    }
    return digits;
  }
}
