package vn.hocso.platform.control;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Names in the order of the Vietnamese alphabet (a ă â b c d đ e ê …, tones after letters): "Ân
 * Tường" after "An Hải" and before "Bình Thạnh", "Hải Châu" before "Hòa Cường". Comparing code
 * points instead puts every name that starts with a letter outside ASCII last.
 */
public final class VietnameseOrder {

  private static final Collator COLLATOR = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

  /** Compares names; a null name comes first. */
  public static final Comparator<String> NAMES =
      Comparator.nullsFirst((a, b) -> COLLATOR.compare(a, b));

  private VietnameseOrder() {}
}
