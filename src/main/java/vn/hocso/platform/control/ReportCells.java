package vn.hocso.platform.control;

/**
 * Text as it goes into a spreadsheet cell. A cell that starts with =, +, -, @, a tab or a carriage
 * return would be read by Excel as a formula (CSV injection, e.g. a display name "=HYPERLINK(…)"):
 * it gets a leading apostrophe, which Excel shows as text.
 */
public final class ReportCells {

  private ReportCells() {}

  public static String safe(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    char first = text.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      return "'" + text;
    }
    return text;
  }
}
