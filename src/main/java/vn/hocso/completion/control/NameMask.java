package vn.hocso.completion.control;

/**
 * A name as public verification shows it: the family name in full, the other names as initials
 * ("Nguyễn Thị Hoa" → "Nguyễn T. H."). Enough for a ward to recognise a certificate, not enough to
 * learn a stranger's name.
 */
public final class NameMask {

  private NameMask() {}

  public static String mask(String name) {
    String[] parts = name.strip().split("\\s+");
    StringBuilder masked = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      masked.append(' ').appendCodePoint(parts[i].codePointAt(0)).append('.');
    }
    return masked.toString();
  }
}
