package vn.hocso.progress.boundary;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.hocso.platform.control.Dates;
import vn.hocso.progress.control.Progress;

/** Figures as the pages print them: Vietnamese number format, bars and chart geometry. */
public final class PageFigures {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  private PageFigures() {}

  /** A target as a row of the dashboard. */
  public record FigureRow(
      String label,
      String numerator,
      String denominator,
      String percent,
      String target,
      int bar,
      String status) {}

  /** A residential group's households as the pages print them. */
  public record GroupRow(
      long id,
      String name,
      String households,
      String online,
      String onlinePercent,
      String family,
      String familyPercent) {}

  static List<GroupRow> groups(List<Progress.GroupFigures> groups) {
    return groups.stream()
        .map(
            g ->
                new GroupRow(
                    g.id(),
                    g.name(),
                    number(g.households()),
                    number(g.online()),
                    g.onlinePercent() == null ? null : percent(g.onlinePercent()),
                    number(g.family()),
                    g.familyPercent() == null ? null : percent(g.familyPercent())))
        .toList();
  }

  /**
   * One bar of the monthly chart (SVG user units), labelled "12/2026" as the pages write months.
   */
  public record Bar(String month, String label, long count, int x, int y, int height) {

    /** The label's month, "12", written above its year under the bar (the whole is too wide). */
    public String monthOfYear() {
      return label.substring(0, label.indexOf('/'));
    }

    public String year() {
      return label.substring(label.indexOf('/') + 1);
    }
  }

  public static String number(long value) {
    return NumberFormat.getIntegerInstance(VIETNAMESE).format(value);
  }

  public static String percent(BigDecimal value) {
    if (value == null) {
      return "—";
    }
    NumberFormat format = NumberFormat.getNumberInstance(VIETNAMESE);
    format.setMaximumFractionDigits(2);
    return format.format(value) + " %";
  }

  static FigureRow row(String label, Progress.Figure figure) {
    int bar =
        figure.percent() == null
            ? 0
            : Math.min(100, figure.percent().setScale(0, java.math.RoundingMode.DOWN).intValue());
    String status;
    if (figure.denominator() == null) {
      status = "Chưa có mẫu số";
    } else if (Boolean.TRUE.equals(figure.met())) {
      status = "Đạt mục tiêu";
    } else {
      status = "Chưa đạt";
    }
    return new FigureRow(
        label,
        number(figure.numerator()),
        figure.denominator() == null ? "chưa nhập" : number(figure.denominator()),
        percent(figure.percent()),
        percent(figure.target()),
        bar,
        status);
  }

  static List<FigureRow> rows(Progress progress) {
    return List.of(
        row("Người trưởng thành có kỹ năng số cơ bản", progress.adults()),
        row("Hộ có người làm được dịch vụ công trực tuyến", progress.online()),
        row("Hộ \"Gia đình số\"", progress.family()));
  }

  /** Chart area: 12 bars in a 600 × 200 box, 20 units left for labels at the bottom. */
  static final int CHART_HEIGHT = 180;

  static List<Bar> bars(List<Progress.Count> months) {
    long highest = months.stream().mapToLong(Progress.Count::count).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    int slot = months.isEmpty() ? 0 : 600 / months.size();
    for (int i = 0; i < months.size(); i++) {
      Progress.Count month = months.get(i);
      int height =
          highest == 0 ? 0 : (int) Math.round(month.count() * (CHART_HEIGHT - 20.0) / highest);
      String label = Dates.month(month.id());
      bars.add(
          new Bar(month.id(), label, month.count(), i * slot + 6, CHART_HEIGHT - height, height));
    }
    return bars;
  }
}
