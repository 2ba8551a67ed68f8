package vn.hocso.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

  static final LocalDate DATE = LocalDate.of(2026, 11, 22);
  static final Progress.Denominators TARGETS =
      new Progress.Denominators(
          200, 80, new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("95"));

  static Progress.Counter c(String metric, String dimension, long value) {
    return new Progress.Counter(metric, dimension, value);
  }

  @Test
  void assistedCompletionsAreCountedFromTheirCounter() {
    Progress progress =
        Progress.of(
            DATE,
            List.of(
                c("module", "vneid", 5),
                c("module", "dich-vu-cong", 3),
                c("assisted", "vneid", 2),
                c("assisted", "dich-vu-cong", 1)),
            TARGETS,
            List.of(),
            Map.of(),
            12);
    assertEquals(8, progress.moduleCompletions());
    assertEquals(3, progress.assistedCompletions());
  }

  @Test
  void groupsFurthestBehindComeFirstThenByVietnameseName() {
    Progress progress =
        Progress.of(
            DATE,
            List.of(),
            TARGETS,
            List.of(
                new Progress.Group(1, "Hòa Cường"),
                new Progress.Group(2, "Ân Tường"),
                new Progress.Group(3, "Hải Châu")),
            Map.of(),
            12);
    assertEquals(
        List.of("Ân Tường", "Hải Châu", "Hòa Cường"),
        progress.groups().stream().map(Progress.GroupFigures::name).toList());
  }

  @Test
  void adultsAreThoseBornEighteenYearsBeforeTheReportYearOrEarlier() {
    Progress progress =
        Progress.of(
            DATE,
            List.of(
                c("basic_year", "1950", 30),
                c("basic_year", "2008", 10), // 18 in 2026: an adult
                c("basic_year", "2009", 7), // 17: not yet
                c("basic_year", "?", 3)),
            TARGETS,
            List.of(),
            Map.of(),
            12);
    assertEquals(40, progress.adults().numerator());
    assertEquals(200, progress.adults().denominator());
    assertEquals(new BigDecimal("20.0"), progress.adults().percent());
    assertFalse(progress.adults().met());
  }

  @Test
  void householdFiguresAddUpTheGroupsAndNameThoseBehind() {
    Progress progress =
        Progress.of(
            DATE,
            List.of(
                c("households", "1", 10),
                c("hh_online", "1", 10),
                c("hh_family", "1", 9),
                c("households", "2", 20),
                c("hh_online", "2", 5)),
            TARGETS,
            List.of(
                new Progress.Group(1, "Tổ 1"),
                new Progress.Group(2, "Tổ 2"),
                new Progress.Group(3, "Tổ 3")),
            Map.of(),
            12);
    assertEquals(15, progress.online().numerator());
    assertEquals(new BigDecimal("18.8"), progress.online().percent());
    assertEquals(9, progress.family().numerator());
    // Furthest behind first: Tổ 3 has no households, Tổ 2 is at 25 %, Tổ 1 at 100 %.
    assertEquals("Tổ 3", progress.groups().get(0).name());
    assertTrue(progress.groups().get(0).behind());
    assertEquals(new BigDecimal("25.0"), progress.groups().get(1).onlinePercent());
    assertTrue(progress.groups().get(1).behind());
    assertFalse(progress.groups().get(2).behind());
  }

  @Test
  void withoutDenominatorsThereIsNoPercentageAndNothingIsBehind() {
    Progress progress =
        Progress.of(
            DATE,
            List.of(c("basic_year", "1960", 4), c("households", "1", 2)),
            null,
            List.of(new Progress.Group(1, "Tổ 1")),
            Map.of(),
            12);
    assertEquals(4, progress.adults().numerator());
    assertNull(progress.adults().denominator());
    assertNull(progress.adults().percent());
    assertNull(progress.adults().met());
    assertFalse(progress.groups().get(0).behind());
  }

  @Test
  void theMonthlySeriesEndsWithTheReportMonthAndFillsGaps() {
    Progress progress =
        Progress.of(
            DATE,
            List.of(
                c("month", "2026-11", 5),
                c("month", "2026-01", 2),
                c("month", "2025-11", 99), // 13 months back: outside the series
                c("module", "vneid", 4),
                c("module", "dich-vu-cong", 9),
                c("program", "ky-nang-so-co-ban", 3)),
            TARGETS,
            List.of(),
            Map.of("vneid", "VNeID"),
            12);
    assertEquals(12, progress.months().size());
    assertEquals("2025-12", progress.months().get(0).id());
    assertEquals(0, progress.months().get(0).count());
    assertEquals(2, progress.months().get(1).count());
    assertEquals(5, progress.months().get(11).count());
    assertEquals("dich-vu-cong", progress.modules().get(0).id(), "most completed first");
    assertEquals("VNeID", progress.modules().get(1).title());
    assertEquals(13, progress.moduleCompletions());
    assertEquals(3, progress.programs().get(0).count());
  }

  @Test
  void aTargetIsMetWhenThePercentageReachesIt() {
    Progress.Figure figure = Progress.figure(72, 80, new BigDecimal("90"));
    assertEquals(new BigDecimal("90.0"), figure.percent());
    assertTrue(figure.met());
    assertNull(Progress.percent(5, 0));
  }
}
