package vn.hocso.completion.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.hocso.completion.entity.Completion;
import vn.hocso.completion.entity.CompletionsIssued;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Program;
import vn.hocso.platform.control.Sql;

/**
 * Issues completion records. A learner's first pass of a module issues its completion, in the
 * transaction that stores the passing attempt; when that completes every module of a program, the
 * program's completion is issued too. Later passes add nothing and change nothing. The ward
 * counters follow in the same transaction: they observe {@link CompletionsIssued}.
 */
@ApplicationScoped
public class Completions {

  /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  static final int CODE_LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject ContentCatalog catalog;

  /** Observed synchronously, in the issuing transaction, by the ward counters. */
  @Inject Event<CompletionsIssued> issuedEvent;

  /** A passed attempt, as the quiz feature hands it over. */
  public record Pass(
      long accountId,
      String moduleId,
      String version,
      int score,
      int maxScore,
      String attemptId,
      Instant at,
      Long assistedBy) {}

  /**
   * Issues the module completion of each pass whose learner does not have it yet, and any program
   * completion that completes, all in the caller's transaction; counts them in the ward counters.
   * Passes are taken in their order: of two passes of one module by one learner, the first is
   * completed. The learners' rows are locked first, in id order, so that what is read of their
   * completions is what they have until the transaction ends.
   *
   * @return the completions issued now (none for repeated passes)
   */
  public List<Completion> issueAll(List<Pass> passes) {
    if (passes.isEmpty()) {
      return List.of();
    }
    Curriculum current = catalog.current();
    Map<Long, Map<String, String>> done = new HashMap<>();
    Map<Long, Learner> learners = lockLearners(passes, done);
    List<Completion> issued = new ArrayList<>();
    for (Pass pass : passes) {
      Learner learner = learners.get(pass.accountId());
      Map<String, String> learnerDone = done.get(pass.accountId());
      String moduleKey = key(Completion.MODULE, pass.moduleId());
      if (learnerDone.containsKey(moduleKey)) {
        continue;
      }
      Module module = current.module(pass.moduleId()).orElse(null);
      issued.add(
          completion(
              learner,
              Completion.MODULE,
              pass.moduleId(),
              module != null ? module.title() : pass.moduleId(),
              pass.version(),
              pass.score(),
              pass.maxScore(),
              pass.attemptId(),
              pass.at(),
              pass.assistedBy()));
      learnerDone.put(moduleKey, pass.version());
      // A program that requires practical skills is a household program (Gia đình số): the ward
      // counts households for it, and no person gets its completion.
      for (Program program : current.programs()) {
        String programKey = key(Completion.PROGRAM, program.id());
        if (!program.skillIds().isEmpty()
            || !program.moduleIds().contains(pass.moduleId())
            || learnerDone.containsKey(programKey)
            || !program.moduleIds().stream()
                .allMatch(id -> learnerDone.containsKey(key(Completion.MODULE, id)))) {
          continue;
        }
        String versions =
            program.moduleIds().stream()
                .map(id -> id + "@" + learnerDone.get(key(Completion.MODULE, id)))
                .collect(Collectors.joining(" "));
        issued.add(
            completion(
                learner,
                Completion.PROGRAM,
                program.id(),
                program.title(),
                versions,
                null,
                null,
                null,
                pass.at(),
                pass.assistedBy()));
        learnerDone.put(programKey, versions);
      }
    }
    insert(issued, learners);
    List<CompletionsIssued.Issued> counted = new ArrayList<>();
    for (Completion completion : issued) {
      Learner learner = learners.get(completion.accountId());
      counted.add(
          new CompletionsIssued.Issued(learner.birthYear(), learner.householdId(), completion));
    }
    if (!counted.isEmpty()) {
      issuedEvent.fire(new CompletionsIssued(counted));
    }
    return issued;
  }

  public Optional<Completion> byCode(String code) {
    String normalized = normalize(code);
    if (normalized == null) {
      return Optional.empty();
    }
    return em.createNamedQuery("Completion.byCode", Completion.class)
        .setParameter("code", normalized)
        .getResultStream()
        .findFirst();
  }

  public List<Completion> forAccount(long accountId) {
    return em.createNamedQuery("Completion.byAccount", Completion.class)
        .setParameter("accountId", accountId)
        .getResultList();
  }

  /** A code as typed (any case, with or without dashes) in its stored form, or null. */
  static String normalize(String code) {
    if (code == null) {
      return null;
    }
    String compact =
        code.strip().replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    if (compact.length() != CODE_LENGTH) {
      return null;
    }
    for (char c : compact.toCharArray()) {
      if (ALPHABET.indexOf(c) < 0) {
        return null;
      }
    }
    return compact;
  }

  private static String key(String subjectType, String subjectId) {
    return subjectType + ":" + subjectId;
  }

  /**
   * The learner's ward, which counts the completion, and what a ward report shows of them, copied
   * onto each of their completions.
   */
  private record Learner(
      long accountId, Long wardId, String masked, Integer birthYear, Long householdId) {}

  /**
   * The learners of the passes, with their account rows locked until the transaction ends, in id
   * order: the first locks that the ward counters orders its locks after, and what keeps the
   * household read here the one the counters move. Read with them, in the same statement, under the
   * same locks: what each has completed ("module:id" or "program:id" → its version).
   */
  @SuppressWarnings("unchecked")
  private Map<Long, Learner> lockLearners(List<Pass> passes, Map<Long, Map<String, String>> done) {
    List<Long> ids = passes.stream().map(Pass::accountId).distinct().sorted().toList();
    Query query =
        em.createNativeQuery(
            "SELECT a.id, a.ward_id, a.display_name, a.birth_year, a.household_id,"
                + " c.subject_type, c.subject_id, c.version"
                + " FROM account a LEFT JOIN completion c ON c.account_id = a.id"
                + " WHERE a.id IN ("
                + Sql.placeholders(ids.size())
                + ") ORDER BY a.id FOR UPDATE");
    Sql.bind(query, ids, 1);
    Map<Long, Learner> learners = new HashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      long id = ((Number) row[0]).longValue();
      learners.computeIfAbsent(
          id,
          key ->
              new Learner(
                  id,
                  row[1] == null ? null : ((Number) row[1]).longValue(),
                  NameMask.mask((String) row[2]),
                  row[3] == null ? null : ((Number) row[3]).intValue(),
                  row[4] == null ? null : ((Number) row[4]).longValue()));
      Map<String, String> learnerDone = done.computeIfAbsent(id, key -> new HashMap<>());
      if (row[5] != null) {
        learnerDone.put(key((String) row[5], (String) row[6]), (String) row[7]);
      }
    }
    if (learners.size() != ids.size()) {
      throw new IllegalStateException("a pass names an account that does not exist");
    }
    return learners;
  }

  private static Completion completion(
      Learner learner,
      String subjectType,
      String subjectId,
      String title,
      String version,
      Integer score,
      Integer maxScore,
      String attemptId,
      Instant at,
      Long assistedBy) {
    return new Completion(
        newCode(),
        learner.accountId(),
        subjectType,
        subjectId,
        title,
        version,
        score,
        maxScore,
        attemptId,
        learner.wardId(),
        // As the DATETIME(3) column keeps it.
        at.truncatedTo(ChronoUnit.MILLIS),
        assistedBy);
  }

  /**
   * Inserts the completions in one statement. The learners' locks keep their subjects free, so a
   * row is left out only when its code is taken (one chance in 10^17): those get new codes and go
   * again.
   */
  private void insert(List<Completion> completions, Map<Long, Learner> learners) {
    List<Completion> left = completions;
    for (int tries = 0; !left.isEmpty(); tries++) {
      if (tries == 5) {
        throw new IllegalStateException("no free completion code after 5 tries");
      }
      List<Object> values = new ArrayList<>(left.size() * 15);
      for (Completion completion : left) {
        Learner learner = learners.get(completion.accountId());
        values.add(completion.code());
        values.add(completion.accountId());
        values.add(completion.subjectType());
        values.add(completion.subjectId());
        values.add(completion.title());
        values.add(completion.version());
        values.add(completion.score());
        values.add(completion.maxScore());
        values.add(completion.attemptId());
        values.add(completion.wardId());
        values.add(Timestamp.from(completion.completedAt()));
        values.add(completion.assistedBy());
        values.add(learner.masked());
        values.add(learner.birthYear());
        values.add(learner.householdId());
      }
      int inserted =
          Sql.update(
              em,
              "INSERT IGNORE INTO completion (code, account_id, subject_type, subject_id, title,"
                  + " version, score, max_score, attempt_id, ward_id, completed_at, assisted_by,"
                  + " learner_masked, learner_birth_year, household_id) VALUES "
                  + Sql.rows(left.size(), 15),
              values);
      if (inserted == left.size()) {
        return;
      }
      left = takenCodes(left);
    }
  }

  /** The completions whose code another completion holds, each given a new code. */
  @SuppressWarnings("unchecked")
  private List<Completion> takenCodes(List<Completion> tried) {
    Query query =
        em.createNativeQuery(
            "SELECT code, account_id, subject_type, subject_id FROM completion WHERE code IN ("
                + Sql.placeholders(tried.size())
                + ")");
    Sql.bind(query, tried.stream().map(Completion::code).toList(), 1);
    Map<String, String> holders = new HashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      holders.put((String) row[0], row[1] + " " + row[2] + " " + row[3]);
    }
    List<Completion> retry = new ArrayList<>();
    for (Completion completion : tried) {
      String holder = holders.get(completion.code());
      if (holder == null) {
        // Left out though its code is free: the learner has this subject already, which the lock
        // on their account rules out for every path that issues completions.
        throw new IllegalStateException(
            "completion of account " + completion.accountId() + " was not inserted");
      }
      String mine =
          completion.accountId() + " " + completion.subjectType() + " " + completion.subjectId();
      if (!holder.equals(mine)) {
        retry.add(completion.withCode(newCode()));
      }
    }
    return retry;
  }

  static String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}
