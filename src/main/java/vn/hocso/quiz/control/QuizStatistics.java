package vn.hocso.quiz.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.content.control.QuizVersions;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;
import vn.hocso.platform.control.SchemaMigration;
import vn.hocso.platform.control.Sql;
import vn.hocso.quiz.entity.QuestionFigures;
import vn.hocso.quiz.entity.QuizFigures;
import vn.hocso.quiz.entity.Shown;

/**
 * Quiz statistics for authors: a background job folds submitted attempts into counters per quiz
 * version, question and option (V12__quiz_statistics.sql), and the statistics page reads only those
 * counters, so it costs the same with a thousand attempts or a million. The submission's
 * transaction does nothing for it.
 *
 * <p><b>The watermark.</b> Attempt ids begin with the time the attempt started, so they sort in
 * start order. {@code quiz_stats_fold.folded_below} says: every attempt whose id sorts before it is
 * settled (submitted, or expired without a submission) and, if submitted, counted. A run reads the
 * submitted attempts from the mark on, counts them, and moves the mark up to the first attempt
 * still open (started, not submitted, not expired), never past the attempts started in the last
 * {@link #SETTLE} (one may still be committing, on an instance whose clock is behind). Submitted
 * attempts past the mark, held back by an open one before them, are counted at once and their ids
 * kept in {@code quiz_stats_ahead} until the mark passes them, so nothing is counted twice and
 * nobody waits a whole {@code open_hours} for a figure.
 *
 * <p><b>One writer.</b> A run locks the mark's row for its whole transaction: on one database a
 * second instance waits and then finds nothing left; on a Galera cluster the second commit fails
 * certification, rolls back whole and the next tick tries again. A run counts at most {@link
 * #BATCH} attempts per transaction and goes on until it has caught up.
 */
@ApplicationScoped
public class QuizStatistics {

  /** How long after its start an attempt may still be committing, or expire, unseen. */
  static final Duration SETTLE = Duration.ofMinutes(5);

  /** The most attempts one transaction counts. */
  static final int BATCH = 2_000;

  /** Rows per multi-row upsert. */
  private static final int ROWS_PER_STATEMENT = 500;

  private static final Logger LOG = Logger.getLogger(QuizStatistics.class.getName());

  @Resource(lookup = "jdbc/hocso")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject QuizVersions quizzes;

  @Inject
  @ConfigProperty(name = "quiz.stats.interval", defaultValue = "PT1M")
  Duration interval;

  private volatile ScheduledFuture<?> ticks;

  /** What one call of {@link #fold} did. */
  public record Folded(int attempts, int transactions, String foldedBelow) {}

  void onSchemaReady(@ObservesAsync SchemaMigration.Migrated migrated) {
    long millis = interval.toMillis();
    ticks = scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    LOG.info(() -> "Quiz statistics folded in every " + interval);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> scheduled = ticks;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  void tick() {
    try {
      Folded folded = fold(Instant.now());
      if (folded.attempts() > 0) {
        LOG.fine(() -> "Quiz statistics: " + folded.attempts() + " attempts counted");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Quiz statistics could not fold; it tries again in " + interval, e);
    }
  }

  /**
   * Counts every attempt submitted and not yet counted, as of {@code now}, in transactions of at
   * most {@link #BATCH} attempts. Another instance folding at the same time makes this one wait or,
   * on a cluster, give up this round.
   */
  public Folded fold(Instant now) {
    long started = System.nanoTime();
    int attempts = 0;
    int transactions = 0;
    String below = "";
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = connection.getTransactionIsolation();
      // One snapshot for the whole run: under READ COMMITTED an attempt submitted between reading
      // the submitted ones and looking for the first open one would be passed by the mark
      // uncounted.
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setAutoCommit(false);
      try {
        Run run;
        do {
          run = new Run(connection, now);
          try {
            run.fold();
            connection.commit();
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          }
          attempts += run.counted;
          transactions++;
          below = run.newBelow;
        } while (run.full);
      } finally {
        connection.setAutoCommit(autoCommit);
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLTransactionRollbackException conflict) {
      LOG.log(Level.FINE, "Quiz statistics: another instance was folding", conflict);
    } catch (SQLException e) {
      throw new IllegalStateException("quiz statistics could not fold", e);
    }
    if (attempts >= BATCH) {
      // Catching up (a first start on stored attempts, a recount): how fast, for the operator.
      long millis = (System.nanoTime() - started) / 1_000_000;
      int counted = attempts;
      int runs = transactions;
      LOG.info(
          () ->
              "Quiz statistics: counted "
                  + counted
                  + " attempts in "
                  + millis
                  + " ms ("
                  + runs
                  + " transactions)");
    }
    return new Folded(attempts, transactions, below);
  }

  /** One transaction of the job. */
  private final class Run {

    private final Connection connection;
    private final Instant now;
    private final Map<String, Quiz> quizCache = new HashMap<>();

    /** By module and version. */
    private final Map<List<String>, QuizSums> quizSums = new LinkedHashMap<>();

    /** By module, version and question. */
    private final Map<List<String>, QuestionSums> questionSums = new LinkedHashMap<>();

    /** By module, version, question and option: how many chose it (or put the step in place). */
    private final Map<List<String>, Long> optionCounts = new LinkedHashMap<>();

    private final List<String> ahead = new ArrayList<>();
    int counted;
    boolean full;
    String newBelow;

    Run(Connection connection, Instant now) {
      this.connection = connection;
      this.now = now;
    }

    void fold() throws SQLException {
      String below = lockMark();
      List<String> ids = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT a.id, a.module_id, a.version, a.question_count, a.score, a.passed,"
                  + " a.submitted_at, a.questions, a.answers, a.results FROM quiz_attempt a"
                  + " LEFT JOIN quiz_stats_ahead h ON h.attempt_id = a.id"
                  + " WHERE a.id >= ? AND a.submitted_at IS NOT NULL AND h.attempt_id IS NULL"
                  + " ORDER BY a.id LIMIT "
                  + BATCH)) {
        select.setString(1, below);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getString(1));
            try {
              count(rows);
            } catch (RuntimeException unreadable) {
              // A row whose JSON cannot be read must not stop every later attempt being counted:
              // it is passed over, and said so.
              LOG.log(
                  Level.WARNING,
                  "Quiz statistics: attempt " + rows.getString(1) + " is unreadable, not counted",
                  unreadable);
            }
          }
        }
      }
      counted = ids.size();
      full = counted == BATCH;
      // The mark may go up to the last attempt read (when there may be more), or else to the
      // attempts of the last few minutes, and never past an attempt still open.
      String limit =
          full ? ids.get(ids.size() - 1) : String.format("%012x", now.minus(SETTLE).toEpochMilli());
      String open = firstOpen(below, limit);
      String bound = open != null ? open : limit;
      newBelow = bound.compareTo(below) > 0 ? bound : below;
      for (String id : ids) {
        if (id.compareTo(newBelow) >= 0) {
          ahead.add(id);
        }
      }
      write();
      try (PreparedStatement forget =
              connection.prepareStatement("DELETE FROM quiz_stats_ahead WHERE attempt_id < ?");
          PreparedStatement mark =
              connection.prepareStatement(
                  "UPDATE quiz_stats_fold SET folded_below = ?, folded_at = ? WHERE id = 1")) {
        forget.setString(1, newBelow);
        forget.executeUpdate();
        mark.setString(1, newBelow);
        mark.setTimestamp(2, Timestamp.from(now));
        mark.executeUpdate();
      }
    }

    private String lockMark() throws SQLException {
      try (PreparedStatement lock =
              connection.prepareStatement(
                  "SELECT folded_below FROM quiz_stats_fold WHERE id = 1 FOR UPDATE");
          ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("quiz_stats_fold has no row: migration V12 not applied");
        }
        return row.getString(1);
      }
    }

    /** The first attempt from {@code below} up to {@code limit} that may still be submitted. */
    private String firstOpen(String below, String limit) throws SQLException {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT id FROM quiz_attempt WHERE id >= ? AND id < ? AND submitted_at IS NULL"
                  + " AND expires_at >= ? ORDER BY id LIMIT 1")) {
        select.setString(1, below);
        select.setString(2, limit);
        select.setTimestamp(3, Timestamp.from(now.minus(SETTLE)));
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? row.getString(1) : null;
        }
      }
    }

    private void count(ResultSet row) throws SQLException {
      String moduleId = row.getString(2);
      String version = row.getString(3);
      int questionCount = row.getInt(4);
      int score = row.getInt(5);
      boolean passed = row.getBoolean(6);
      Instant submittedAt = row.getTimestamp(7).toInstant();
      List<Shown> shown = AttemptJson.shown(row.getString(8));
      Map<String, List<String>> answers = AttemptJson.answers(row.getString(9));
      Map<String, Boolean> results = AttemptJson.results(row.getString(10));

      quizSums
          .computeIfAbsent(List.of(moduleId, version), k -> new QuizSums(questionCount))
          .add(score, passed, submittedAt);

      Optional<Quiz> key = quiz(moduleId, version);
      for (Shown question : shown) {
        String questionId = question.questionId();
        List<String> chosen = answers.getOrDefault(questionId, List.of());
        questionSums
            .computeIfAbsent(List.of(moduleId, version, questionId), k -> new QuestionSums())
            .add(!chosen.isEmpty(), Boolean.TRUE.equals(results.get(questionId)), score);
        Optional<Question> asked = key.flatMap(q -> q.question(questionId));
        if (asked.isEmpty()) {
          continue; // a version whose source is gone: its options are not counted
        }
        for (String optionId : counted(asked.get(), chosen)) {
          optionCounts.merge(List.of(moduleId, version, questionId, optionId), 1L, Long::sum);
        }
      }
    }

    private Optional<Quiz> quiz(String moduleId, String version) {
      String cacheKey = moduleId + "@" + version;
      if (!quizCache.containsKey(cacheKey)) {
        quizCache.put(cacheKey, quizzes.quiz(moduleId, version).orElse(null));
      }
      return Optional.ofNullable(quizCache.get(cacheKey));
    }

    private void write() throws SQLException {
      List<Object> values = new ArrayList<>();
      for (Map.Entry<List<String>, QuizSums> quiz : quizSums.entrySet()) {
        QuizSums sums = quiz.getValue();
        values.addAll(quiz.getKey());
        values.addAll(
            List.of(
                sums.questionCount,
                sums.attempts,
                sums.passed,
                sums.score,
                sums.scoreSq,
                Timestamp.from(sums.first),
                Timestamp.from(sums.last)));
      }
      upsert(
          "INSERT INTO quiz_stats (module_id, version, question_count, attempts, passed,"
              + " score_sum, score_sq_sum, first_at, last_at) VALUES ",
          9,
          " ON DUPLICATE KEY UPDATE attempts = attempts + VALUES(attempts),"
              + " passed = passed + VALUES(passed), score_sum = score_sum + VALUES(score_sum),"
              + " score_sq_sum = score_sq_sum + VALUES(score_sq_sum),"
              + " first_at = LEAST(first_at, VALUES(first_at)),"
              + " last_at = GREATEST(last_at, VALUES(last_at))",
          values);
      values = new ArrayList<>();
      for (Map.Entry<List<String>, QuestionSums> question : questionSums.entrySet()) {
        QuestionSums sums = question.getValue();
        values.addAll(question.getKey());
        values.addAll(
            List.of(
                sums.shown,
                sums.answered,
                sums.correct,
                sums.score,
                sums.scoreSq,
                sums.correctScore));
      }
      upsert(
          "INSERT INTO quiz_question_stats (module_id, version, question_id, shown, answered,"
              + " correct, score_sum, score_sq_sum, correct_score_sum) VALUES ",
          9,
          " ON DUPLICATE KEY UPDATE shown = shown + VALUES(shown),"
              + " answered = answered + VALUES(answered), correct = correct + VALUES(correct),"
              + " score_sum = score_sum + VALUES(score_sum),"
              + " score_sq_sum = score_sq_sum + VALUES(score_sq_sum),"
              + " correct_score_sum = correct_score_sum + VALUES(correct_score_sum)",
          values);
      values = new ArrayList<>();
      for (Map.Entry<List<String>, Long> option : optionCounts.entrySet()) {
        values.addAll(option.getKey());
        values.add(option.getValue());
      }
      upsert(
          "INSERT INTO quiz_option_stats (module_id, version, question_id, option_id, chosen)"
              + " VALUES ",
          5,
          " ON DUPLICATE KEY UPDATE chosen = chosen + VALUES(chosen)",
          values);
      values = new ArrayList<>(ahead);
      upsert("INSERT INTO quiz_stats_ahead (attempt_id) VALUES ", 1, "", values);
    }

    private void upsert(String head, int columns, String tail, List<Object> values)
        throws SQLException {
      int rows = values.size() / columns;
      for (int first = 0; first < rows; first += ROWS_PER_STATEMENT) {
        int count = Math.min(ROWS_PER_STATEMENT, rows - first);
        try (PreparedStatement statement =
            connection.prepareStatement(head + Sql.rows(count, columns) + tail)) {
          int offset = first * columns;
          for (int i = 0; i < count * columns; i++) {
            statement.setObject(i + 1, values.get(offset + i));
          }
          statement.executeUpdate();
        }
      }
    }
  }

  /** What one run adds to a quiz version's row of {@code quiz_stats}. */
  private static final class QuizSums {
    final int questionCount;
    long attempts;
    long passed;
    long score;
    long scoreSq;
    Instant first;
    Instant last;

    QuizSums(int questionCount) {
      this.questionCount = questionCount;
    }

    void add(int score, boolean passed, Instant submittedAt) {
      attempts++;
      this.passed += passed ? 1 : 0;
      this.score += score;
      scoreSq += (long) score * score;
      first = first == null || submittedAt.isBefore(first) ? submittedAt : first;
      last = last == null || submittedAt.isAfter(last) ? submittedAt : last;
    }
  }

  /** What one run adds to a question's row: the sums {@link QuestionFigures} reads. */
  private static final class QuestionSums {
    long shown;
    long answered;
    long correct;
    long score;
    long scoreSq;
    long correctScore;

    void add(boolean answered, boolean right, int score) {
      shown++;
      this.answered += answered ? 1 : 0;
      correct += right ? 1 : 0;
      this.score += score;
      scoreSq += (long) score * score;
      correctScore += right ? score : 0;
    }
  }

  /**
   * The options an answer counts for: those chosen; for an ordering question, the steps put in
   * their right place (every step is in every complete answer, so choosing says nothing).
   */
  static List<String> counted(Question question, List<String> chosen) {
    if (question.type() != QuestionType.ORDERING) {
      return chosen;
    }
    List<String> rightOrder = question.options().stream().map(Option::id).toList();
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < chosen.size() && i < rightOrder.size(); i++) {
      if (chosen.get(i).equals(rightOrder.get(i))) {
        placed.add(chosen.get(i));
      }
    }
    return placed;
  }

  private static final String QUIZ_COLUMNS =
      "SELECT module_id, version, question_count, attempts, passed, score_sum, score_sq_sum,"
          + " first_at, last_at FROM quiz_stats";

  private static final Sql.Row<QuizFigures> QUIZ_ROW =
      row ->
          new QuizFigures(
              row.getString(1),
              row.getString(2),
              row.getInt(3),
              row.getLong(4),
              row.getLong(5),
              row.getLong(6),
              row.getLong(7),
              row.getTimestamp(8).toInstant(),
              row.getTimestamp(9).toInstant());

  /** The versions of a module's quiz with counted attempts, the last submitted first. */
  public List<QuizFigures> versions(String moduleId) {
    return read(
        QUIZ_COLUMNS + " WHERE module_id = ? ORDER BY last_at DESC", List.of(moduleId), QUIZ_ROW);
  }

  /** Every module's versions, as {@link #versions} lists one module's. */
  public Map<String, List<QuizFigures>> allVersions() {
    Map<String, List<QuizFigures>> all = new LinkedHashMap<>();
    for (QuizFigures figures : read(QUIZ_COLUMNS + " ORDER BY last_at DESC", List.of(), QUIZ_ROW)) {
      all.computeIfAbsent(figures.moduleId(), k -> new ArrayList<>()).add(figures);
    }
    return all;
  }

  /** The figures of each question of a quiz version that any counted attempt showed, by id. */
  public Map<String, QuestionFigures> questions(String moduleId, String version) {
    Map<String, Map<String, Long>> options = new HashMap<>();
    read(
            "SELECT question_id, option_id, chosen FROM quiz_option_stats"
                + " WHERE module_id = ? AND version = ?",
            List.of(moduleId, version),
            row -> new Object[] {row.getString(1), row.getString(2), row.getLong(3)})
        .forEach(
            row ->
                options
                    .computeIfAbsent((String) row[0], k -> new HashMap<>())
                    .put((String) row[1], (Long) row[2]));
    Map<String, QuestionFigures> questions = new LinkedHashMap<>();
    read(
            "SELECT question_id, shown, answered, correct, score_sum, score_sq_sum,"
                + " correct_score_sum FROM quiz_question_stats WHERE module_id = ? AND version = ?",
            List.of(moduleId, version),
            row ->
                new QuestionFigures(
                    row.getString(1),
                    row.getLong(2),
                    row.getLong(3),
                    row.getLong(4),
                    row.getLong(5),
                    row.getLong(6),
                    row.getLong(7),
                    options.getOrDefault(row.getString(1), Map.of())))
        .forEach(figures -> questions.put(figures.questionId(), figures));
    return questions;
  }

  /** When the job last committed a run, if ever. */
  public Optional<Instant> foldedAt() {
    List<Instant> at =
        read(
            "SELECT folded_at FROM quiz_stats_fold WHERE id = 1 AND folded_at IS NOT NULL",
            List.of(),
            row -> row.getTimestamp(1).toInstant());
    return at.stream().findFirst();
  }

  /** The job's interval, to tell an author how fresh the figures are. */
  public Duration interval() {
    return interval;
  }

  private <T> List<T> read(String sql, List<?> parameters, Sql.Row<T> reader) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<T> read = new ArrayList<>();
        while (rows.next()) {
          read.add(reader.read(rows));
        }
        return read;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("quiz statistics could not be read", e);
    }
  }
}
