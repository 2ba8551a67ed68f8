package vn.hocso.ward.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.hocso.completion.entity.Completion;
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

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM");

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject TargetDefinitions targets;

  /**
   * Counts the completions just issued to a learner, whose account row the caller locked (the first
   * lock of the order above) and read their birth year and household from.
   */
  public void completionsIssued(Integer birthYear, Long household, List<Completion> issued) {
    if (issued.isEmpty()) {
      return;
    }
    List<String> modules = new java.util.ArrayList<>();
    for (Completion completion : issued) {
      if (!completion.isProgram()) {
        modules.add(completion.subjectId());
      }
    }
    if (household != null && !modules.isEmpty()) {
      changeMembers(household, modules, List.of(), 1);
    }
    Map<Counter, Long> deltas = new HashMap<>();
    for (Completion completion : issued) {
      Long ward = completion.wardId();
      if (ward == null) {
        continue;
      }
      if (completion.isProgram()) {
        deltas.merge(new Counter(ward, PROGRAM, completion.subjectId()), 1L, Long::sum);
        if (completion.subjectId().equals(targets.basicProgram())) {
          String year = birthYear == null ? UNKNOWN_YEAR : String.valueOf(birthYear);
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
    // Households are locked in id order.
    if (from != null && to != null && to < from) {
      changeMembers(to, modules, skills, 1);
      changeMembers(from, modules, skills, -1);
    } else {
      if (from != null) {
        changeMembers(from, modules, skills, -1);
      }
      if (to != null) {
        changeMembers(to, modules, skills, 1);
      }
    }
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
    if (household != null) {
      changeMembers(((Number) household).longValue(), List.of(), List.of(skillId), delta);
    }
    add(wardId, SKILL, skillId, delta);
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

  private void changeMembers(long household, List<String> modules, List<String> skills, int delta) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT ward_id, group_id, online_filer, digital_family FROM household"
                        + " WHERE id = ? FOR UPDATE")
                .setParameter(1, household)
                .getSingleResult();
    long ward = ((Number) row[0]).longValue();
    String group = String.valueOf(((Number) row[1]).longValue());
    boolean wasOnline = Sql.truth(row[2]);
    boolean wasFamily = Sql.truth(row[3]);
    for (String module : modules) {
      upsert("household_module", "module_id", household, module, delta);
    }
    for (String skill : skills) {
      upsert("household_skill", "skill_id", household, skill, delta);
    }
    if (delta < 0) {
      em.createNativeQuery("DELETE FROM household_module WHERE household_id = ? AND members <= 0")
          .setParameter(1, household)
          .executeUpdate();
      em.createNativeQuery("DELETE FROM household_skill WHERE household_id = ? AND members <= 0")
          .setParameter(1, household)
          .executeUpdate();
    }
    Map<String, Integer> moduleMembers = new HashMap<>();
    Map<String, Integer> skillMembers = new HashMap<>();
    members(household, moduleMembers, skillMembers);
    boolean online = isOnline(moduleMembers, targets.onlineModule());
    boolean family =
        isFamily(moduleMembers, skillMembers, targets.familyModules(), targets.familySkills());
    if (online != wasOnline || family != wasFamily) {
      em.createNativeQuery("UPDATE household SET online_filer = ?, digital_family = ? WHERE id = ?")
          .setParameter(1, online)
          .setParameter(2, family)
          .setParameter(3, household)
          .executeUpdate();
    }
    if (online != wasOnline) {
      add(ward, HH_ONLINE, group, online ? 1 : -1);
    }
    if (family != wasFamily) {
      add(ward, HH_FAMILY, group, family ? 1 : -1);
    }
  }

  private void upsert(String table, String column, long household, String id, int delta) {
    em.createNativeQuery(
            "INSERT INTO "
                + table
                + " (household_id, "
                + column
                + ", members) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE members = members + VALUES(members)")
        .setParameter(1, household)
        .setParameter(2, id)
        .setParameter(3, delta)
        .executeUpdate();
  }

  /** How many members of the household completed each module and hold each skill. */
  @SuppressWarnings("unchecked")
  private void members(long household, Map<String, Integer> modules, Map<String, Integer> skills) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT 'm', module_id, members FROM household_module WHERE household_id = ?"
                    + " UNION ALL"
                    + " SELECT 's', skill_id, members FROM household_skill WHERE household_id = ?")
            .setParameter(1, household)
            .setParameter(2, household)
            .getResultList();
    for (Object[] row : rows) {
      ("m".equals(row[0]) ? modules : skills).put((String) row[1], ((Number) row[2]).intValue());
    }
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
    Query insert =
        em.createNativeQuery(
            "INSERT INTO ward_count (ward_id, metric, dimension, value) VALUES "
                + Sql.rows(deltas.size(), 4)
                + " ON DUPLICATE KEY UPDATE value = value + VALUES(value)");
    int position = 1;
    for (Map.Entry<Counter, Long> delta : new TreeMap<>(deltas).entrySet()) {
      insert.setParameter(position++, delta.getKey().ward());
      insert.setParameter(position++, delta.getKey().metric());
      insert.setParameter(position++, delta.getKey().dimension());
      insert.setParameter(position++, delta.getValue());
    }
    insert.executeUpdate();
  }

  void add(long ward, String metric, String dimension, long delta) {
    add(Map.of(new Counter(ward, metric, dimension), delta));
  }

  /** The month of a time, in Vietnam: "2026-11". */
  public static String month(Instant at) {
    return MONTH_FORMAT.format(at.atZone(VIETNAM));
  }
}
