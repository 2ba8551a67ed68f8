package vn.hocso.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.progress.entity.WardTarget;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;

/**
 * Reads the figures of a ward, or of every ward side by side, from the counters: a few hundred rows
 * per ward whatever the number of completion records.
 */
@ApplicationScoped
public class WardProgress {

  /** Months in a dashboard's monthly series. */
  public static final int MONTHS = 12;

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject WardTargets targets;
  @Inject Households households;
  @Inject Wards wards;
  @Inject ContentCatalog catalog;

  /** One ward of a roll-up. */
  public record WardRow(Ward ward, Progress progress) {}

  public Progress of(Ward ward, LocalDate date) {
    List<Progress.Group> groups =
        households.groups(ward).stream()
            .map(group -> new Progress.Group(group.id(), group.name()))
            .toList();
    return Progress.of(
        date,
        counters(ward.id()),
        targets.inEffect(ward, date).map(WardProgress::denominators).orElse(null),
        groups,
        titles(),
        MONTHS);
  }

  /** Every ward (of a province, when one is named) with its figures. */
  public List<WardRow> rollup(LocalDate date, String provinceCode) {
    Map<Long, List<Progress.Counter>> counters = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT ward_id, metric, dimension, value FROM ward_count"
                    + " WHERE metric IN ('module', 'basic_year', 'hh_online', 'hh_family',"
                    + " 'assisted')")
            .getResultList();
    for (Object[] row : rows) {
      counters
          .computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
          .add(
              new Progress.Counter(
                  (String) row[1], (String) row[2], ((Number) row[3]).longValue()));
    }
    Map<Long, WardTarget> inEffect = targets.allInEffect(date);
    Map<String, String> titles = titles();
    List<WardRow> rollup = new ArrayList<>();
    for (Ward ward : wards.all()) {
      if (provinceCode != null && !provinceCode.equals(ward.provinceCode())) {
        continue;
      }
      WardTarget target = inEffect.get(ward.id());
      rollup.add(
          new WardRow(
              ward,
              Progress.of(
                  date,
                  counters.getOrDefault(ward.id(), List.of()),
                  target == null ? null : denominators(target),
                  List.of(),
                  titles,
                  0)));
    }
    return rollup;
  }

  @SuppressWarnings("unchecked")
  private List<Progress.Counter> counters(long wardId) {
    List<Object[]> rows =
        em.createNativeQuery("SELECT metric, dimension, value FROM ward_count WHERE ward_id = ?")
            .setParameter(1, wardId)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Progress.Counter(
                    (String) row[0], (String) row[1], ((Number) row[2]).longValue()))
        .toList();
  }

  private Map<String, String> titles() {
    Map<String, String> titles = new HashMap<>();
    Curriculum curriculum = catalog.current();
    curriculum.modules().forEach(module -> titles.put(module.id(), module.title()));
    curriculum.programs().forEach(program -> titles.put(program.id(), program.title()));
    return titles;
  }

  static Progress.Denominators denominators(WardTarget target) {
    return new Progress.Denominators(
        target.adults(),
        target.households(),
        target.adultsTarget(),
        target.onlineTarget(),
        target.familyTarget());
  }
}
