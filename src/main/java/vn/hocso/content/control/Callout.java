package vn.hocso.content.control;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Map;

/**
 * A GitHub-style alert ({@code > [!CAUTION]}) turned into a titled box. GitHub's own preview shows
 * the same block as an alert, so lessons read the same there and on the site.
 */
final class Callout extends Block {

  /** Marker → Vietnamese title shown on the page. */
  static final Map<String, String> TITLES =
      Map.of(
          "CAUTION", "Cảnh báo lừa đảo",
          "WARNING", "Chú ý",
          "IMPORTANT", "Quan trọng",
          "TIP", "Mẹo",
          "NOTE", "Ghi nhớ");

  private final String kind;

  Callout(String kind) {
    this.kind = kind;
  }

  String kind() {
    return kind;
  }

  String title() {
    return TITLES.get(kind);
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}
