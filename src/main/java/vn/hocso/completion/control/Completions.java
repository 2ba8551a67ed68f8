package vn.hocso.completion.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.hocso.completion.entity.Completion;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Program;
import vn.hocso.ward.control.WardCounters;

/**
 * Issues completion records. A learner's first pass of a module issues its completion, in the
 * transaction that stores the passing attempt; when that completes every module of a program, the
 * program's completion is issued too. Later passes add nothing and change nothing. The ward
 * counters follow in the same transaction.
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
  @Inject WardCounters counters;

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
   * Issues the module completion of a pass (unless the learner has it) and any program completion
   * it completes. Runs in the caller's transaction.
   *
   * @return the completions issued now (none for a repeated pass)
   */
  public List<Completion> issue(Pass pass) {
    Curriculum current = catalog.current();
    Module module = current.module(pass.moduleId()).orElse(null);
    String title = module != null ? module.title() : pass.moduleId();
    Learner learner = lockLearner(pass.accountId());
    List<Completion> issued = new java.util.ArrayList<>();
    insert(
            learner,
            Completion.MODULE,
            pass.moduleId(),
            title,
            pass.version(),
            pass.score(),
            pass.maxScore(),
            pass.attemptId(),
            pass.at(),
            pass.assistedBy())
        .ifPresent(issued::add);
    if (issued.isEmpty()) {
      return issued;
    }
    // A program that requires practical skills is a household program (Gia đình số): the ward
    // counts households for it, and no person gets its completion.
    List<Program> programs =
        current.programs().stream()
            .filter(p -> p.skillIds().isEmpty() && p.moduleIds().contains(pass.moduleId()))
            .toList();
    Map<String, String> done = programs.isEmpty() ? Map.of() : moduleVersions(pass.accountId());
    for (Program program : programs) {
      if (done.keySet().containsAll(program.moduleIds())) {
        String versions =
            program.moduleIds().stream()
                .map(id -> id + "@" + done.get(id))
                .collect(Collectors.joining(" "));
        insert(
                learner,
                Completion.PROGRAM,
                program.id(),
                program.title(),
                versions,
                null,
                null,
                null,
                pass.at(),
                pass.assistedBy())
            .ifPresent(issued::add);
      }
    }
    counters.completionsIssued(learner.birthYear(), learner.householdId(), issued);
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

  private Map<String, String> moduleVersions(long accountId) {
    Map<String, String> versions = new HashMap<>();
    for (Completion completion : forAccount(accountId)) {
      if (!completion.isProgram()) {
        versions.put(completion.subjectId(), completion.version());
      }
    }
    return versions;
  }

  /**
   * The learner's ward, which counts the completion, and what a ward report shows of them, copied
   * onto each of their completions.
   */
  private record Learner(
      long accountId, Long wardId, String masked, Integer birthYear, Long householdId) {}

  /**
   * The learner, with their account row locked until the transaction ends: the first lock that
   * {@link WardCounters} orders its locks after, and what keeps the household read here the one the
   * counters move.
   */
  private Learner lockLearner(long accountId) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT ward_id, display_name, birth_year, household_id FROM account"
                        + " WHERE id = ? FOR UPDATE")
                .setParameter(1, accountId)
                .getSingleResult();
    return new Learner(
        accountId,
        row[0] == null ? null : ((Number) row[0]).longValue(),
        NameMask.mask((String) row[1]),
        row[2] == null ? null : ((Number) row[2]).intValue(),
        row[3] == null ? null : ((Number) row[3]).longValue());
  }

  private Optional<Completion> insert(
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
    // As the DATETIME(3) column keeps it.
    Instant stored = at.truncatedTo(ChronoUnit.MILLIS);
    for (int tries = 0; tries < 5; tries++) {
      String code = newCode();
      int inserted =
          em.createNativeQuery(
                  "INSERT IGNORE INTO completion (code, account_id, subject_type, subject_id,"
                      + " title, version, score, max_score, attempt_id, ward_id, completed_at,"
                      + " assisted_by, learner_masked, learner_birth_year, household_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .setParameter(1, code)
              .setParameter(2, learner.accountId())
              .setParameter(3, subjectType)
              .setParameter(4, subjectId)
              .setParameter(5, title)
              .setParameter(6, version)
              .setParameter(7, score)
              .setParameter(8, maxScore)
              .setParameter(9, attemptId)
              .setParameter(10, learner.wardId())
              .setParameter(11, Timestamp.from(stored))
              .setParameter(12, assistedBy)
              .setParameter(13, learner.masked())
              .setParameter(14, learner.birthYear())
              .setParameter(15, learner.householdId())
              .executeUpdate();
      if (inserted == 1) {
        return Optional.of(
            new Completion(
                code,
                learner.accountId(),
                subjectType,
                subjectId,
                title,
                version,
                score,
                maxScore,
                attemptId,
                learner.wardId(),
                stored,
                assistedBy));
      }
      boolean exists =
          ((Number)
                      em.createNativeQuery(
                              "SELECT COUNT(*) FROM completion WHERE account_id = ? AND"
                                  + " subject_type = ? AND subject_id = ?")
                          .setParameter(1, learner.accountId())
                          .setParameter(2, subjectType)
                          .setParameter(3, subjectId)
                          .getSingleResult())
                  .longValue()
              > 0;
      if (exists) {
        return Optional.empty();
      }
      // The code was taken (one chance in 10^17): draw another.
    }
    throw new IllegalStateException("no free completion code after 5 tries");
  }

  static String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}
