package vn.hocso.web.control;

/** What a form or query sends, as the pages read it: absent and blank are the same. */
public final class FormValues {

  private FormValues() {}

  /** The text, or "" when absent: what a form shows again after an error. */
  public static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** The text without its outer spaces, or null when absent or blank. */
  public static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** A database id as a form sends it, or null for anything else. */
  public static Long id(String text) {
    if (text == null || !text.strip().matches("[0-9]{1,18}")) {
      return null;
    }
    return Long.valueOf(text.strip());
  }
}
