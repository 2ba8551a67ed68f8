package vn.hocso.completion.control;

/**
 * A name as public verification shows it: the family name in full, the other names as initials
 * ("Nguyễn Thị Hoa" → "Nguyễn T. H."). Enough for a ward to recognise a certificate, not enough to
 * learn a stranger's name.
 */
public final class NameMask {

  private NameMask() {}

  /**
   * Words are separated by ASCII whitespace (as the regular expression {@code \\s+} would). Written
   * as a loop: a million-row report masks a million names.
   */
  public static String mask(String name) {
    String text = name.strip();
    int end = 0;
    while (end < text.length() && !isSpace(text.charAt(end))) {
      end++;
    }
    StringBuilder masked = new StringBuilder(text.length()).append(text, 0, end);
    int i = end;
    while (i < text.length()) {
      if (isSpace(text.charAt(i))) {
        i++;
        continue;
      }
      int initial = text.codePointAt(i);
      masked.append(' ').appendCodePoint(initial).append('.');
      while (i < text.length() && !isSpace(text.charAt(i))) {
        i++;
      }
    }
    return masked.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
