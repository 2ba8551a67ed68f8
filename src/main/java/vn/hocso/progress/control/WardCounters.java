package vn.hocso.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vn.hocso.completion.entity.Completion;
import vn.hocso.completion.entity.CompletionsIssued;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Sql;

/**
 * Keeps the per-ward counters a dashboard reads, always in the caller's transaction: the one that
 * issues a completion, creates a household or moves a learner between households. A household's
 * "files online" and "Gia đình số" flags follow from how many of its members completed each module.
 * Locks are taken in one order (the learner's account, then households by id, then counter rows) so
 * concurrent completions wait for one another instead of deadlocking.
 */
@ApplicationScoped
public class WardCounters {

  public static final String MODULE = "module";
  public static final String PROGRAM = "program";
  public static final String MONTH = "month";
  public static final String BASIC_YEAR = "basic_year";
  public static final String HOUSEHOLDS = "households";
  public static final String HH_ONLINE = "hh_online";
  public static final String HH_FAMILY = "hh_family";
  public static final String SKILL = "skill";
  public static final String ASSISTED = "assisted";

  /** Birth year dimension of a learner who gave none. */
  public static final String UNKNOWN_YEAR = "?";

  static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM");

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject TargetDefinitions targets;

  /**
   * Counts completions just issued, whose learners' account rows the issuing transaction locked
   * (the first locks of the order above) and read their birth years and households from. A
   * synchronous observer: it runs in that transaction, and its failure rolls the completions back.
   */
  void completionsIssued(@Observes CompletionsIssued event) {
    List<CompletionsIssued.Issued> issued = event.completions();
    Map<Long, Change> households = new TreeMap<>();
    Map<Counter, Long> deltas = new HashMap<>();
    for (CompletionsIssued.Issued one : issued) {
      Completion completion = one.completion();
      if (one.householdId() != null && !completion.isProgram()) {
        households
            .computeIfAbsent(one.householdId(), id -> new Change())
            .modules
            .merge(completion.subjectId(), 1, Integer::sum);
      }
      Long ward = completion.wardId();
      if (ward == null) {
        continue;
      }
      if (completion.isProgram()) {
        deltas.merge(new Counter(ward, PROGRAM, completion.subjectId()), 1L, Long::sum);
        if (completion.subjectId().equals(targets.basicProgram())) {
          String year = one.birthYear() == null ? UNKNOWN_YEAR : String.valueOf(one.birthYear());
          deltas.merge(new Counter(ward, BASIC_YEAR, year), 1L, Long::sum);
        }
      } else {
        deltas.merge(new Counter(ward, MODULE, completion.subjectId()), 1L, Long::sum);
        deltas.merge(new Counter(ward, MONTH, month(completion.completedAt())), 1L, Long::sum);
        if (completion.assistedBy() != null) {
          deltas.merge(new Counter(ward, ASSISTED, completion.subjectId()), 1L, Long::sum);
        }
      }
    }
    changeMembers(households, deltas);
    add(deltas);
  }

  /** Counts a household just created. */
  public void householdCreated(long wardId, long groupId) {
    add(wardId, HOUSEHOLDS, String.valueOf(groupId), 1);
  }

  /**
   * Moves a learner's module completions from one household to another (either may be null), after
   * the caller locked the learner's account row.
   */
  public void memberMoved(long accountId, Long from, Long to) {
    List<String> modules = moduleCompletions(accountId);
    List<String> skills = activeSkills(accountId);
    if (modules.isEmpty() && skills.isEmpty()) {
      return;
    }
    Map<Long, Change> households = new TreeMap<>();
    if (from != null) {
      households.put(from, Change.of(modules, skills, -1));
    }
    if (to != null) {
      households.put(to, Change.of(modules, skills, 1));
    }
    Map<Counter, Long> deltas = new HashMap<>();
    changeMembers(households, deltas);
    add(deltas);
  }

  /**
   * Counts an attestation just recorded (+1) or withdrawn (−1), in the caller's transaction: the
   * ward's skill counter, and the resident's household.
   */
  public void attestationChanged(long residentId, long wardId, String skillId, int delta) {
    Object household =
        em.createNativeQuery("SELECT household_id FROM account WHERE id = ? FOR UPDATE")
            .setParameter(1, residentId)
            .getSingleResult();
    Map<Long, Change> households = new TreeMap<>();
    if (household != null) {
      households.put(
          ((Number) household).longValue(), Change.of(List.of(), List.of(skillId), delta));
    }
    Map<Counter, Long> deltas = new HashMap<>();
    deltas.put(new Counter(wardId, SKILL, skillId), (long) delta);
    changeMembers(households, deltas);
    add(deltas);
  }

  @SuppressWarnings("unchecked")
  private List<String> activeSkills(long accountId) {
    return em.createNativeQuery(
            "SELECT DISTINCT skill_id FROM attestation WHERE resident_id = ?"
                + " AND withdrawn_at IS NULL")
        .setParameter(1, accountId)
        .getResultList();
  }

  @SuppressWarnings("unchecked")
  private List<String> moduleCompletions(long accountId) {
    return em.createNativeQuery(
            "SELECT subject_id FROM completion WHERE account_id = ? AND subject_type = 'module'")
        .setParameter(1, accountId)
        .getResultList();
  }

  /** What changes in one household: members who completed each module, who hold each skill. */
  private static final class Change {
    final Map<String, Integer> modules = new TreeMap<>();
    final Map<String, Integer> skills = new TreeMap<>();

    static Change of(List<String> modules, List<String> skills, int delta) {
      Change change = new Change();
      modules.forEach(module -> change.modules.merge(module, delta, Integer::sum));
      skills.forEach(skill -> change.skills.merge(skill, delta, Integer::sum));
      return change;
    }

    boolean removesMembers() {
      return modules.values().stream().anyMatch(delta -> delta < 0)
          || skills.values().stream().anyMatch(delta -> delta < 0);
    }
  }

  /**
   * Changes the member counts of households (locked in id order: the keys of a sorted map), sets
   * their "files online" and "Gia đình số" flags from the counts, and adds the flags' changes to
   * the ward counter deltas.
   */
  @SuppressWarnings("unchecked")
  private void changeMembers(Map<Long, Change> households, Map<Counter, Long> deltas) {
    if (households.isEmpty()) {
      return;
    }
    List<Long> ids = List.copyOf(households.keySet());
    // The households and their member counts, locked in id order; the counts change only under
    // the household's lock, so what is read here plus the deltas is what they become.
    String in = Sql.placeholders(ids.size());
    Query lock =
        em.createNativeQuery(
            "(SELECT h.id, h.ward_id, h.group_id, h.online_filer, h.digital_family, 'm',"
                + " m.module_id, m.members FROM household h"
                + " LEFT JOIN household_module m ON m.household_id = h.id WHERE h.id IN ("
                + in
                + ") ORDER BY h.id FOR UPDATE) UNION ALL"
                + " (SELECT h.id, h.ward_id, h.group_id, h.online_filer, h.digital_family, 's',"
                + " s.skill_id, s.members FROM household h"
                + " JOIN household_skill s ON s.household_id = h.id WHERE h.id IN ("
                + in
                + ") ORDER BY h.id FOR UPDATE)");
    Sql.bind(lock, ids, 1);
    Sql.bind(lock, ids, 1 + ids.size());
    Map<Long, Object[]> rows = new TreeMap<>();
    Map<Long, Map<String, Integer>> moduleMembers = new HashMap<>();
    Map<Long, Map<String, Integer>> skillMembers = new HashMap<>();
    for (Object[] row : (List<Object[]>) lock.getResultList()) {
      long household = ((Number) row[0]).longValue();
      rows.putIfAbsent(household, row);
      if (row[6] != null) {
        ("m".equals(row[5]) ? moduleMembers : skillMembers)
            .computeIfAbsent(household, id -> new HashMap<>())
            .put((String) row[6], ((Number) row[7]).intValue());
      }
    }
    upsert("household_module", "module_id", households, change -> change.modules);
    upsert("household_skill", "skill_id", households, change -> change.skills);
    List<Long> shrunk = ids.stream().filter(id -> households.get(id).removesMembers()).toList();
    if (!shrunk.isEmpty()) {
      for (String table : List.of("household_module", "household_skill")) {
        Query delete =
            em.createNativeQuery(
                "DELETE FROM "
                    + table
                    + " WHERE household_id IN ("
                    + Sql.placeholders(shrunk.size())
                    + ") AND members <= 0");
        Sql.bind(delete, shrunk, 1);
        delete.executeUpdate();
      }
    }
    for (Object[] row : rows.values()) {
      long household = ((Number) row[0]).longValue();
      long ward = ((Number) row[1]).longValue();
      String group = String.valueOf(((Number) row[2]).longValue());
      boolean wasOnline = Sql.truth(row[3]);
      boolean wasFamily = Sql.truth(row[4]);
      Change change = households.get(household);
      Map<String, Integer> modules =
          added(moduleMembers.getOrDefault(household, Map.of()), change.modules);
      Map<String, Integer> skills =
          added(skillMembers.getOrDefault(household, Map.of()), change.skills);
      boolean online = isOnline(modules, targets.onlineModule());
      boolean family = isFamily(modules, skills, targets.familyModules(), targets.familySkills());
      if (online != wasOnline || family != wasFamily) {
        em.createNativeQuery(
                "UPDATE household SET online_filer = ?, digital_family = ? WHERE id = ?")
            .setParameter(1, online)
            .setParameter(2, family)
            .setParameter(3, household)
            .executeUpdate();
      }
      if (online != wasOnline) {
        deltas.merge(new Counter(ward, HH_ONLINE, group), online ? 1L : -1L, Long::sum);
      }
      if (family != wasFamily) {
        deltas.merge(new Counter(ward, HH_FAMILY, group), family ? 1L : -1L, Long::sum);
      }
    }
  }

  /** Member counts after the deltas, without the ones that fell to zero (they are deleted). */
  private static Map<String, Integer> added(
      Map<String, Integer> members, Map<String, Integer> deltas) {
    Map<String, Integer> after = new HashMap<>(members);
    deltas.forEach((id, delta) -> after.merge(id, delta, Integer::sum));
    after.values().removeIf(count -> count <= 0);
    return after;
  }

  /** Adds each household's deltas to its member counts in one statement, in key order. */
  private void upsert(
      String table,
      String column,
      Map<Long, Change> households,
      Function<Change, Map<String, Integer>> deltasOf) {
    int rows = households.values().stream().mapToInt(change -> deltasOf.apply(change).size()).sum();
    if (rows == 0) {
      return;
    }
    List<Object> values = new ArrayList<>(rows * 3);
    for (Map.Entry<Long, Change> household : households.entrySet()) {
      for (Map.Entry<String, Integer> delta : deltasOf.apply(household.getValue()).entrySet()) {
        values.add(household.getKey());
        values.add(delta.getKey());
        values.add(delta.getValue());
      }
    }
    Sql.update(
        em,
        "INSERT INTO "
            + table
            + " (household_id, "
            + column
            + ", members) VALUES "
            + Sql.rows(rows, 3)
            + " ON DUPLICATE KEY UPDATE members = members + VALUES(members)",
        values);
  }

  /** A member of the household completed the online filing module. */
  static boolean isOnline(Map<String, Integer> members, String onlineModule) {
    return members.getOrDefault(onlineModule, 0) > 0;
  }

  /**
   * The members together completed every module of the "Gia đình số" program and hold every
   * practical skill it requires (a program requiring nothing makes no household "Gia đình số").
   */
  static boolean isFamily(
      Map<String, Integer> modules,
      Map<String, Integer> skills,
      List<String> familyModules,
      List<String> familySkills) {
    return !(familyModules.isEmpty() && familySkills.isEmpty())
        && familyModules.stream().allMatch(module -> modules.getOrDefault(module, 0) > 0)
        && familySkills.stream().allMatch(skill -> skills.getOrDefault(skill, 0) > 0);
  }

  /** One counter row; ordered as {@link #add(Map)} locks them. */
  record Counter(long ward, String metric, String dimension) implements Comparable<Counter> {
    private static final Comparator<Counter> ORDER =
        Comparator.comparingLong(Counter::ward)
            .thenComparing(Counter::metric)
            .thenComparing(Counter::dimension);

    @Override
    public int compareTo(Counter other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * Adds to several counters in one statement. Its rows are locked in the order given, always the
   * counters' own order, so two transactions adding to the same counters cannot deadlock.
   */
  void add(Map<Counter, Long> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    List<Object> values = new ArrayList<>(deltas.size() * 4);
    for (Map.Entry<Counter, Long> delta : new TreeMap<>(deltas).entrySet()) {
      values.add(delta.getKey().ward());
      values.add(delta.getKey().metric());
      values.add(delta.getKey().dimension());
      values.add(delta.getValue());
    }
    Sql.update(
        em,
        "INSERT INTO ward_count (ward_id, metric, dimension, value) VALUES "
            + Sql.rows(deltas.size(), 4)
            + " ON DUPLICATE KEY UPDATE value = value + VALUES(value)",
        values);
  }

  void add(long ward, String metric, String dimension, long delta) {
    add(Map.of(new Counter(ward, metric, dimension), delta));
  }

  /** The month of a time, in Vietnam: "2026-11". */
  public static String month(Instant at) {
    return MONTH_FORMAT.format(at.atZone(Dates.VIETNAM_ZONE));
  }
}
