package vn.hocso.community.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.VietnameseOrder;
import vn.hocso.ward.entity.Ward;

/**
 * What a ward's trainers and teams did, per month: households visited (households of the residents
 * they enrolled, attested or assisted), residents enrolled, attestations recorded (withdrawn ones
 * not counted), assisted module completions. A team counts what its trainers did while members, so
 * a trainer who leaves keeps their past months attributed.
 */
@ApplicationScoped
public class TrainerActivity {

  static final ZoneId VIETNAM = Dates.VIETNAM_ZONE;

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject Teams teams;

  /** One row: a trainer or a team in a month ("2026-12"). */
  public record Row(
      String kind,
      long id,
      String name,
      String month,
      int households,
      int enrolled,
      int attestations,
      int completions) {

    /** The month as pages show it: "12/2026". */
    public String shownMonth() {
      return Dates.month(month);
    }
  }

  private static final class Tally {
    final Set<Long> households = new HashSet<>();
    int enrolled;
    int attestations;
    int completions;
  }

  private record Key(String kind, long id, String name, String month) {}

  private record Event(long trainer, String trainerName, Instant at, String kind, Long household) {}

  @SuppressWarnings("unchecked")
  public List<Row> of(Ward ward, LocalDate from, LocalDate to) {
    Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(VIETNAM).toInstant();
    Instant end =
        to == null
            ? Instant.parse("9999-01-01T00:00:00Z")
            : to.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT e.trainer, t.display_name, e.at, e.kind, r.household_id FROM ("
                    + " SELECT a.registered_by AS trainer, a.created_at AS at, 'enrolled' AS kind,"
                    + " a.id AS resident FROM account a WHERE a.registered_by IS NOT NULL"
                    + " AND a.ward_id = ?"
                    + " UNION ALL SELECT s.trainer_id, s.recorded_at, 'attested', s.resident_id"
                    + " FROM attestation s WHERE s.ward_id = ? AND s.withdrawn_at IS NULL"
                    + " UNION ALL SELECT c.assisted_by, c.completed_at, 'completed', c.account_id"
                    + " FROM completion c WHERE c.assisted_by IS NOT NULL AND c.ward_id = ?"
                    + " AND c.subject_type = 'module') e"
                    + " JOIN account t ON t.id = e.trainer JOIN account r ON r.id = e.resident"
                    + " WHERE e.at >= ? AND e.at < ?")
            .setParameter(1, ward.id())
            .setParameter(2, ward.id())
            .setParameter(3, ward.id())
            .setParameter(4, java.sql.Timestamp.from(start))
            .setParameter(5, java.sql.Timestamp.from(end))
            .getResultList();
    List<Event> events = new ArrayList<>();
    for (Object[] row : rows) {
      events.add(
          new Event(
              ((Number) row[0]).longValue(),
              (String) row[1],
              Teams.instant(row[2]),
              (String) row[3],
              row[4] == null ? null : ((Number) row[4]).longValue()));
    }
    List<Object[]> memberships = teams.memberships(ward);
    Map<Key, Tally> tallies =
        new TreeMap<>(
            Comparator.comparing(Key::kind)
                .thenComparing(Key::name, VietnameseOrder.NAMES)
                .thenComparingLong(Key::id)
                .thenComparing(Key::month));
    for (Event event : events) {
      String month = java.time.YearMonth.from(event.at().atZone(VIETNAM)).toString();
      count(tallies, new Key("trainer", event.trainer(), event.trainerName(), month), event);
      for (Object[] membership : memberships) {
        long member = ((Number) membership[2]).longValue();
        Instant joined = Teams.instant(membership[3]);
        Instant left = membership[4] == null ? null : Teams.instant(membership[4]);
        if (member == event.trainer()
            && !event.at().isBefore(joined)
            && (left == null || event.at().isBefore(left))) {
          count(
              tallies,
              new Key("team", ((Number) membership[0]).longValue(), (String) membership[1], month),
              event);
        }
      }
    }
    List<Row> result = new ArrayList<>();
    tallies.forEach(
        (key, tally) ->
            result.add(
                new Row(
                    key.kind(),
                    key.id(),
                    key.name(),
                    key.month(),
                    tally.households.size(),
                    tally.enrolled,
                    tally.attestations,
                    tally.completions)));
    return result;
  }

  private static void count(Map<Key, Tally> tallies, Key key, Event event) {
    Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
    if (event.household() != null) {
      tally.households.add(event.household());
    }
    switch (event.kind()) {
      case "enrolled" -> tally.enrolled++;
      case "attested" -> tally.attestations++;
      default -> tally.completions++;
    }
  }
}
