package vn.hocso.platform.control;

import java.text.Normalizer;

/** Vietnamese text as plain ASCII letters, where a name or a key needs them. */
public final class Vietnamese {

  private Vietnamese() {}

  /** The text without its diacritics: "Đường số 1" becomes "Duong so 1". Case is kept. */
  public static String withoutDiacritics(String text) {
    return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }
}
