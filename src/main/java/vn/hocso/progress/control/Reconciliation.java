package vn.hocso.progress.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import vn.hocso.platform.control.Sql;
import vn.hocso.progress.control.WardCounters.Counter;

/**
 * Recomputes every ward counter, every household's member counts and flags from the records
 * (completions, attestations, accounts, households) and reports where the stored values drifted,
 * and compares the copies of each learner's household and birth year kept on their completions with
 * the account.
 *
 * <p>The check reads one consistent snapshot: every SELECT runs on a connection of its own at
 * REPEATABLE READ inside {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}, so the stored counters
 * and the records they count are seen at the same moment, however many passes commit meanwhile (the
 * data source runs at READ COMMITTED, where each SELECT would see a later moment). Plain SELECTs
 * take no locks, so the check blocks no one. The households are compared inside MariaDB, so memory
 * stays small with a million records.
 *
 * <p>A fix runs afterwards in a transaction of its own and adds each difference found in the
 * snapshot (value + expected − stored) rather than overwriting: the passes committed since the
 * snapshot changed a counter and its records together, so the difference still holds. The member
 * counts and flags of households are fixed by set-based statements, each of which reads and writes
 * at one moment.
 */
@ApplicationScoped
public class Reconciliation {

  private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

  /** Completions whose copies of the learner's household or birth year differ from the account. */
  private static final String COPY_JOIN = "completion c JOIN account a ON a.id = c.account_id";

  private static final String COPY_DIFFERS =
      " WHERE NOT (c.household_id <=> a.household_id AND c.learner_birth_year <=> a.birth_year)";

  private static final String COPY_DRIFTS = "FROM " + COPY_JOIN + COPY_DIFFERS;

  /** How many drifts a report lists (the total is always given). */
  static final int LISTED = 500;

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject TargetDefinitions targets;
  @Inject WardCounters counters;

  /** A stored value that differs from the one the records give. */
  public record Drift(String table, String key, long stored, long expected) {}

  /** What a reconciliation checked and found. */
  public record Report(long checked, long drifts, List<Drift> listed, boolean fixed) {}

  /** A reconciliation reads every record: at a million of them it takes minutes, not seconds. */
  static final int TIMEOUT_SECONDS = 30 * 60;

  @Resource UserTransaction transaction;

  @Resource(lookup = "jdbc/hocso")
  DataSource dataSource;

  /**
   * Checks on one snapshot and, when asked and something drifted, fixes in a transaction with a
   * longer timeout than the server's default two minutes.
   */
  public Report run(boolean fix) {
    Found found;
    try (Connection connection = dataSource.getConnection()) {
      found = new Snapshot(connection).read();
    } catch (SQLException e) {
      throw new IllegalStateException("reconciliation could not read its snapshot", e);
    }
    boolean fixed = fix && found.total() > 0;
    if (fixed) {
      fixInTransaction(found);
    }
    Report report = new Report(found.checked(), found.total(), found.listed(), fixed);
    LOG.info(
        () ->
            "Reconciliation: "
                + report.checked()
                + " values checked, "
                + report.drifts()
                + " drifted"
                + (report.fixed() ? ", fixed" : ""));
    return report;
  }

  private void fixInTransaction(Found found) {
    try {
      transaction.setTransactionTimeout(TIMEOUT_SECONDS);
      transaction.begin();
      try {
        fix(found);
        transaction.commit();
      } catch (RuntimeException e) {
        transaction.rollback();
        throw e;
      } finally {
        transaction.setTransactionTimeout(0);
      }
    } catch (jakarta.transaction.NotSupportedException
        | jakarta.transaction.SystemException
        | jakarta.transaction.RollbackException
        | jakarta.transaction.HeuristicMixedException
        | jakarta.transaction.HeuristicRollbackException e) {
      throw new IllegalStateException("reconciliation transaction failed", e);
    }
  }

  /** What the snapshot showed: the counters' differences and how many drifts of each kind. */
  private record Found(
      long checked,
      List<Drift> listed,
      Map<Counter, Long> counterDeltas,
      long householdDrifts,
      long memberDrifts,
      long copyDrifts,
      long countDrifts) {

    long total() {
      return householdDrifts + memberDrifts + copyDrifts + countDrifts;
    }
  }

  /**
   * A connection at REPEATABLE READ in a transaction started WITH CONSISTENT SNAPSHOT: every read
   * sees the database as of that start. It only reads, and ends with a rollback.
   */
  private final class Snapshot {

    private final Connection connection;

    Snapshot(Connection connection) {
      this.connection = connection;
    }

    Found read() throws SQLException {
      int isolation = connection.getTransactionIsolation();
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement start = connection.createStatement()) {
        start.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        try {
          return check(this);
        } finally {
          start.execute("ROLLBACK");
        }
      } finally {
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(autoCommit);
      }
    }

    List<Object[]> rows(String sql, List<Object> parameters) {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.size(); i++) {
          statement.setObject(i + 1, parameters.get(i));
        }
        try (ResultSet result = statement.executeQuery()) {
          int columns = result.getMetaData().getColumnCount();
          List<Object[]> rows = new ArrayList<>();
          while (result.next()) {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
              row[c] = result.getObject(c + 1);
            }
            rows.add(row);
          }
          return rows;
        }
      } catch (SQLException e) {
        throw new IllegalStateException("reconciliation query failed: " + sql, e);
      }
    }

    List<Object[]> rows(String sql) {
      return rows(sql, List.of());
    }

    Object single(String sql) {
      return rows(sql).get(0)[0];
    }

    void collect(Map<Counter, Long> into, String sql, List<Object> parameters) {
      for (Object[] row : rows(sql, parameters)) {
        into.merge(counter(row), number(row[3]), Long::sum);
      }
    }

    void collect(Map<Counter, Long> into, String sql) {
      collect(into, sql, List.of());
    }
  }

  private Found check(Snapshot db) {
    Map<Counter, Long> stored = new HashMap<>();
    for (Object[] row : db.rows("SELECT ward_id, metric, dimension, value FROM ward_count")) {
      stored.put(counter(row), number(row[3]));
    }
    Map<Counter, Long> expected = new HashMap<>();
    db.collect(
        expected,
        "SELECT ward_id, 'module', subject_id, COUNT(*) FROM completion"
            + " WHERE subject_type = 'module' AND ward_id IS NOT NULL GROUP BY ward_id, subject_id");
    db.collect(
        expected,
        "SELECT ward_id, 'program', subject_id, COUNT(*) FROM completion"
            + " WHERE subject_type = 'program' AND ward_id IS NOT NULL GROUP BY ward_id, subject_id");
    db.collect(
        expected,
        "SELECT ward_id, 'month', DATE_FORMAT(CONVERT_TZ(completed_at, '+00:00', '+07:00'),"
            + " '%Y-%m') AS m, COUNT(*) FROM completion WHERE subject_type = 'module'"
            + " AND ward_id IS NOT NULL GROUP BY ward_id, m");
    db.collect(
        expected,
        "SELECT c.ward_id, 'basic_year', COALESCE(CAST(a.birth_year AS CHAR), '?') AS y,"
            + " COUNT(*) FROM completion c JOIN account a ON a.id = c.account_id"
            + " WHERE c.subject_type = 'program' AND c.subject_id = ?"
            + " AND c.ward_id IS NOT NULL GROUP BY c.ward_id, y",
        List.of(targets.basicProgram()));
    db.collect(
        expected,
        "SELECT ward_id, 'households', CAST(group_id AS CHAR), COUNT(*) FROM household"
            + " GROUP BY ward_id, group_id");
    db.collect(
        expected,
        "SELECT ward_id, 'assisted', subject_id, COUNT(*) FROM completion"
            + " WHERE subject_type = 'module' AND assisted_by IS NOT NULL AND ward_id IS NOT NULL"
            + " GROUP BY ward_id, subject_id");
    db.collect(
        expected,
        "SELECT ward_id, 'skill', skill_id, COUNT(*) FROM attestation"
            + " WHERE withdrawn_at IS NULL GROUP BY ward_id, skill_id");

    // Households: the database compares, Java receives only per-group sums and the drifts.
    List<Drift> drifts = new ArrayList<>();
    long checked = 0;
    long householdDrifts = 0;
    HouseholdSql sql =
        new HouseholdSql(targets.onlineModule(), targets.familyModules(), targets.familySkills());
    for (Object[] row : db.rows(sql.perGroup(), sql.parameters())) {
      long ward = number(row[0]);
      String group = String.valueOf(number(row[1]));
      checked += number(row[2]);
      householdDrifts += number(row[5]);
      if (number(row[3]) > 0) {
        expected.merge(new Counter(ward, WardCounters.HH_ONLINE, group), number(row[3]), Long::sum);
      }
      if (number(row[4]) > 0) {
        expected.merge(new Counter(ward, WardCounters.HH_FAMILY, group), number(row[4]), Long::sum);
      }
    }
    if (householdDrifts > 0) {
      for (Object[] row : db.rows(sql.flagDrifts(LISTED), sql.parameters())) {
        drifts.add(
            new Drift(
                "household",
                number(row[0]) + " online_filer, digital_family",
                flags(Sql.truth(row[1]), Sql.truth(row[2])),
                flags(Sql.truth(row[3]), Sql.truth(row[4]))));
      }
    }
    long memberDrifts = 0;
    for (MemberTable table : MemberTable.values()) {
      long found = number(db.single(table.driftCount()));
      memberDrifts += found;
      checked += number(db.single("SELECT COUNT(*) FROM " + table.table));
      if (found > 0) {
        for (Object[] row : db.rows(table.drifts(LISTED))) {
          if (drifts.size() < LISTED) {
            drifts.add(
                new Drift(
                    table.table, number(row[0]) + " " + row[1], number(row[2]), number(row[3])));
          }
        }
      }
    }

    // The copies a ward report reads on each completion: the learner's household and birth year.
    long copyDrifts = number(db.single("SELECT COUNT(*) " + COPY_DRIFTS));
    checked += number(db.single("SELECT COUNT(*) FROM completion"));
    if (copyDrifts > 0) {
      for (Object[] row :
          db.rows(
              "SELECT c.id, COALESCE(c.household_id, 0), COALESCE(a.household_id, 0),"
                  + " COALESCE(c.learner_birth_year, 0), COALESCE(a.birth_year, 0) "
                  + COPY_DRIFTS
                  + " LIMIT "
                  + LISTED)) {
        // Each copy that differs is listed under its own column.
        String[] columns = {"household_id", "learner_birth_year"};
        for (int copy = 0; copy < columns.length; copy++) {
          long was = number(row[1 + 2 * copy]);
          long is = number(row[2 + 2 * copy]);
          if (was != is && drifts.size() < LISTED) {
            drifts.add(new Drift("completion", number(row[0]) + " " + columns[copy], was, is));
          }
        }
      }
    }

    Set<Counter> countKeys = new HashSet<>(stored.keySet());
    countKeys.addAll(expected.keySet());
    long countDrifts = 0;
    for (Counter key : countKeys) {
      checked++;
      long was = stored.getOrDefault(key, 0L);
      long is = expected.getOrDefault(key, 0L);
      if (was != is) {
        countDrifts++;
        if (drifts.size() < LISTED) {
          drifts.add(
              new Drift(
                  "ward_count", key.ward() + " " + key.metric() + " " + key.dimension(), was, is));
        }
      }
    }
    Map<Counter, Long> deltas = new HashMap<>();
    for (Counter key : countKeys) {
      long delta = expected.getOrDefault(key, 0L) - stored.getOrDefault(key, 0L);
      if (delta != 0) {
        deltas.put(key, delta);
      }
    }
    return new Found(
        checked,
        List.copyOf(drifts),
        deltas,
        householdDrifts,
        memberDrifts,
        copyDrifts,
        countDrifts);
  }

  /** Mends what the snapshot found drifted, in the caller's transaction. */
  private void fix(Found found) {
    if (found.copyDrifts() > 0) {
      em.createNativeQuery(
              "UPDATE "
                  + COPY_JOIN
                  + " SET c.household_id = a.household_id, c.learner_birth_year = a.birth_year"
                  + COPY_DIFFERS)
          .executeUpdate();
    }
    // Set-based: each statement compares and writes at one moment, adding the difference it finds.
    if (found.memberDrifts() > 0) {
      for (MemberTable table : MemberTable.values()) {
        em.createNativeQuery(table.fix()).executeUpdate();
        em.createNativeQuery("DELETE FROM " + table.table + " WHERE members <= 0").executeUpdate();
      }
    }
    if (found.householdDrifts() > 0) {
      HouseholdSql sql =
          new HouseholdSql(targets.onlineModule(), targets.familyModules(), targets.familySkills());
      jakarta.persistence.Query update = em.createNativeQuery(sql.fixFlags());
      List<Object> parameters = sql.parameters();
      for (int i = 0; i < parameters.size(); i++) {
        update.setParameter(i + 1, parameters.get(i));
      }
      update.executeUpdate();
    }
    found
        .counterDeltas()
        .forEach((key, delta) -> counters.add(key.ward(), key.metric(), key.dimension(), delta));
  }

  /**
   * A household's member counts kept per module (from completions) and per skill (from attestations
   * not withdrawn), and the queries that compare and fix them in the database.
   */
  enum MemberTable {
    MODULES(
        "household_module",
        "module_id",
        "SELECT a.household_id, c.subject_id AS item, COUNT(*) AS members"
            + " FROM completion c JOIN account a ON a.id = c.account_id"
            + " WHERE c.subject_type = 'module' AND a.household_id IS NOT NULL"
            + " GROUP BY a.household_id, c.subject_id"),
    SKILLS(
        "household_skill",
        "skill_id",
        "SELECT a.household_id, t.skill_id AS item, COUNT(DISTINCT t.resident_id) AS members"
            + " FROM attestation t JOIN account a ON a.id = t.resident_id"
            + " WHERE t.withdrawn_at IS NULL AND a.household_id IS NOT NULL"
            + " GROUP BY a.household_id, t.skill_id");

    final String table;
    final String column;
    final String expected;

    MemberTable(String table, String column, String expected) {
      this.table = table;
      this.column = column;
      this.expected = expected;
    }

    /** household, item, stored, expected — for every pair where they differ. */
    String drifts() {
      return "SELECT e.household_id, e.item, COALESCE(s.members, 0) AS stored,"
          + " e.members AS expected FROM ("
          + expected
          + ") e LEFT JOIN "
          + table
          + " s"
          + " ON s.household_id = e.household_id AND s."
          + column
          + " = e.item"
          + " WHERE s.members IS NULL OR s.members <> e.members"
          + " UNION ALL"
          + " SELECT s.household_id, s."
          + column
          + ", s.members, 0 FROM "
          + table
          + " s"
          + " LEFT JOIN ("
          + expected
          + ") e"
          + " ON e.household_id = s.household_id AND e.item = s."
          + column
          + " WHERE e.household_id IS NULL AND s.members <> 0";
    }

    String driftCount() {
      return "SELECT COUNT(*) FROM (" + drifts() + ") d";
    }

    String drifts(int limit) {
      return drifts() + " LIMIT " + limit;
    }

    String fix() {
      return "INSERT INTO "
          + table
          + " (household_id, "
          + column
          + ", members)"
          + " SELECT d.household_id, d.item, d.expected - d.stored FROM ("
          + drifts()
          + ") d ON DUPLICATE KEY UPDATE members = members + VALUES(members)";
    }
  }

  /** The household flags the records give, compared with the stored ones in the database. */
  record HouseholdSql(String onlineModule, List<String> familyModules, List<String> familySkills) {

    /** Per household: stored flags and the flags its members' records give. */
    String households() {
      String modules =
          familyModules.isEmpty()
              ? "0"
              : "COUNT(DISTINCT CASE WHEN c.subject_id IN ("
                  + Sql.placeholders(familyModules.size())
                  + ") THEN c.subject_id END)";
      String skills =
          familySkills.isEmpty()
              ? "0"
              : "COUNT(DISTINCT CASE WHEN t.skill_id IN ("
                  + Sql.placeholders(familySkills.size())
                  + ") THEN t.skill_id END)";
      String family =
          familyModules.isEmpty() && familySkills.isEmpty()
              ? "0"
              : "(COALESCE(e.family_modules, 0) = "
                  + familyModules.size()
                  + " AND COALESCE(k.family_skills, 0) = "
                  + familySkills.size()
                  + ")";
      return "SELECT h.id, h.ward_id, h.group_id, h.online_filer, h.digital_family,"
          + " COALESCE(e.online, 0) AS online, "
          + family
          + " AS family FROM household h"
          + " LEFT JOIN (SELECT a.household_id, MAX(c.subject_id = ?) AS online, "
          + modules
          + " AS family_modules FROM completion c JOIN account a ON a.id = c.account_id"
          + " WHERE c.subject_type = 'module' AND a.household_id IS NOT NULL"
          + " GROUP BY a.household_id) e ON e.household_id = h.id"
          + " LEFT JOIN (SELECT a.household_id, "
          + skills
          + " AS family_skills FROM attestation t JOIN account a ON a.id = t.resident_id"
          + " WHERE t.withdrawn_at IS NULL AND a.household_id IS NOT NULL"
          + " GROUP BY a.household_id) k ON k.household_id = h.id";
    }

    List<Object> parameters() {
      List<Object> parameters = new ArrayList<>();
      parameters.add(onlineModule);
      parameters.addAll(familyModules);
      parameters.addAll(familySkills);
      return parameters;
    }

    /** ward, group, households, expected online, expected family, households whose flags drift. */
    String perGroup() {
      return "SELECT x.ward_id, x.group_id, COUNT(*), SUM(x.online), SUM(x.family),"
          + " SUM(x.online <> x.online_filer OR x.family <> x.digital_family)"
          + " FROM ("
          + households()
          + ") x GROUP BY x.ward_id, x.group_id";
    }

    String flagDrifts(int limit) {
      return "SELECT x.id, x.online_filer, x.digital_family, x.online, x.family FROM ("
          + households()
          + ") x WHERE x.online <> x.online_filer OR x.family <> x.digital_family LIMIT "
          + limit;
    }

    String fixFlags() {
      return "UPDATE household h JOIN ("
          + households()
          + ") x ON x.id = h.id"
          + " SET h.online_filer = x.online, h.digital_family = x.family"
          + " WHERE x.online <> x.online_filer OR x.family <> x.digital_family";
    }
  }

  private static long flags(boolean online, boolean family) {
    return (online ? 10 : 0) + (family ? 1 : 0);
  }

  private static Counter counter(Object[] row) {
    return new Counter(number(row[0]), (String) row[1], Objects.toString(row[2]));
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
