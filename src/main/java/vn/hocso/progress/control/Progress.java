package vn.hocso.progress.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.platform.control.VietnameseOrder;

/**
 * A ward's figures on a date, computed from its counters and the targets in effect: each target as
 * numerator, denominator, percentage and target; completions per module, per program and per month;
 * residential groups. Pure arithmetic, so it is tested without a database.
 */
public record Progress(
    LocalDate date,
    Figure adults,
    Figure online,
    Figure family,
    long moduleCompletions,
    long assistedCompletions,
    List<Count> modules,
    List<Count> programs,
    List<Count> months,
    List<GroupFigures> groups) {

  /** Age that counts as adult, by birth year: born in (year − 18) or earlier. */
  public static final int ADULT_AGE = 18;

  /** A counter row of one ward. */
  public record Counter(String metric, String dimension, long value) {}

  /** A target: how many reached it, of how many, the percentage, the target, met or not. */
  public record Figure(long numerator, Integer denominator, BigDecimal percent, BigDecimal target) {
    /** Met when the percentage reaches the target; null when no denominator is set. */
    public Boolean met() {
      return percent == null || target == null ? null : percent.compareTo(target) >= 0;
    }
  }

  /** A count with the id and title of what it counts (a module, a program, a month). */
  public record Count(String id, String title, long count) {}

  /** A residential group's households. Its percentages are of the households registered in it. */
  public record GroupFigures(
      long id,
      String name,
      long households,
      long online,
      long family,
      BigDecimal onlinePercent,
      BigDecimal familyPercent,
      boolean behind) {}

  /** The ward's target entry, as far as progress needs it. */
  public record Denominators(
      int adults,
      int households,
      BigDecimal adultsTarget,
      BigDecimal onlineTarget,
      BigDecimal familyTarget) {}

  /** A group's id and name. */
  public record Group(long id, String name) {}

  /**
   * Computes the figures.
   *
   * @param titles titles of modules and programs by id (an id without one is shown as it is)
   * @param monthsShown how many months up to the date the monthly series holds
   */
  public static Progress of(
      LocalDate date,
      List<Counter> counters,
      Denominators denominators,
      List<Group> groups,
      Map<String, String> titles,
      int monthsShown) {
    long adults = 0;
    long modulesDone = 0;
    long assisted = 0;
    Map<String, Long> modules = new HashMap<>();
    Map<String, Long> programs = new HashMap<>();
    Map<String, Long> months = new HashMap<>();
    Map<String, long[]> perGroup = new HashMap<>();
    int lastAdultYear = date.getYear() - ADULT_AGE;
    for (Counter counter : counters) {
      switch (counter.metric()) {
        case WardCounters.BASIC_YEAR -> {
          if (counter.dimension().matches("[0-9]{4}")
              && Integer.parseInt(counter.dimension()) <= lastAdultYear) {
            adults += counter.value();
          }
        }
        case WardCounters.MODULE -> {
          modules.merge(counter.dimension(), counter.value(), Long::sum);
          modulesDone += counter.value();
        }
        case WardCounters.PROGRAM ->
            programs.merge(counter.dimension(), counter.value(), Long::sum);
        case WardCounters.MONTH -> months.merge(counter.dimension(), counter.value(), Long::sum);
        case WardCounters.ASSISTED -> assisted += counter.value();
        case WardCounters.HOUSEHOLDS -> group(perGroup, counter)[0] += counter.value();
        case WardCounters.HH_ONLINE -> group(perGroup, counter)[1] += counter.value();
        case WardCounters.HH_FAMILY -> group(perGroup, counter)[2] += counter.value();
        default -> {
          // a metric this version does not show
        }
      }
    }
    long onlineHouseholds = 0;
    long familyHouseholds = 0;
    for (long[] figures : perGroup.values()) {
      onlineHouseholds += figures[1];
      familyHouseholds += figures[2];
    }
    Denominators d = denominators;
    Figure adultFigure =
        figure(adults, d == null ? null : d.adults(), d == null ? null : d.adultsTarget());
    Figure onlineFigure =
        figure(
            onlineHouseholds,
            d == null ? null : d.households(),
            d == null ? null : d.onlineTarget());
    Figure familyFigure =
        figure(
            familyHouseholds,
            d == null ? null : d.households(),
            d == null ? null : d.familyTarget());

    List<GroupFigures> groupFigures = new ArrayList<>();
    for (Group group : groups) {
      long[] figures = perGroup.getOrDefault(String.valueOf(group.id()), new long[3]);
      BigDecimal onlinePercent = percent(figures[1], figures[0]);
      BigDecimal familyPercent = percent(figures[2], figures[0]);
      boolean behind =
          d != null && (onlinePercent == null || onlinePercent.compareTo(d.onlineTarget()) < 0);
      groupFigures.add(
          new GroupFigures(
              group.id(),
              group.name(),
              figures[0],
              figures[1],
              figures[2],
              onlinePercent,
              familyPercent,
              behind));
    }
    // The groups furthest behind come first.
    groupFigures.sort(
        Comparator.comparing(
                (GroupFigures g) ->
                    g.onlinePercent() == null ? BigDecimal.valueOf(-1) : g.onlinePercent())
            .thenComparing(GroupFigures::name, VietnameseOrder.NAMES));

    List<Count> monthSeries = new ArrayList<>();
    YearMonth last = YearMonth.from(date);
    for (int i = monthsShown - 1; i >= 0; i--) {
      String month = last.minusMonths(i).toString();
      monthSeries.add(new Count(month, month, months.getOrDefault(month, 0L)));
    }
    return new Progress(
        date,
        adultFigure,
        onlineFigure,
        familyFigure,
        modulesDone,
        assisted,
        ranked(modules, titles),
        ranked(programs, titles),
        monthSeries,
        groupFigures);
  }

  private static long[] group(Map<String, long[]> perGroup, Counter counter) {
    return perGroup.computeIfAbsent(counter.dimension(), key -> new long[3]);
  }

  private static List<Count> ranked(Map<String, Long> counts, Map<String, String> titles) {
    return counts.entrySet().stream()
        .filter(entry -> entry.getValue() > 0)
        .map(
            entry ->
                new Count(
                    entry.getKey(),
                    titles.getOrDefault(entry.getKey(), entry.getKey()),
                    entry.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::id))
        .toList();
  }

  static Figure figure(long numerator, Integer denominator, BigDecimal target) {
    return new Figure(
        numerator,
        denominator,
        denominator == null ? null : percent(numerator, denominator),
        target);
  }

  /**
   * numerator / denominator in percent, one decimal, or null when there is nothing to divide by.
   */
  static BigDecimal percent(long numerator, long denominator) {
    if (denominator <= 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
  }
}
