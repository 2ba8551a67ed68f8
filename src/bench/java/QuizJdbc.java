import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The anchor of the quiz scenario: what MariaDB itself allows. Each client runs the app's writes
 * over plain JDBC with no HTTP, no JPA and no scoring, as fast as it can: a start inserts the
 * attempt row; a submission locks the row (SELECT … FOR UPDATE) and updates it with the answers and
 * the score. Two ways to commit them:
 *
 * <ul>
 *   <li>{@code per-request}: each client on its own connection, a transaction per start and per
 *       submission — what the app did before it grouped its commits;
 *   <li>{@code grouped}: the clients hand their writes to one writer thread, which takes whatever
 *       has queued up as one transaction (the starts' rows inserted, the submissions' rows locked
 *       in one statement and updated in one JDBC batch) and then answers each client — what the app
 *       does (GroupCommit, AttemptBatch).
 * </ul>
 *
 * <p>The rows are the same as the app's: their text columns are copied from an attempt the app
 * stored in the same run (the quiz scenario runs first), and the commit settings are the server's.
 * Its rows are marked by their owner hash (SHA-256 of "bench-jdbc") so they can be told apart.
 * Prints one line: "submissions/s p50_ms p99_ms errors measured", the latency that of a start and a
 * submission together.
 *
 * <p>java -cp mariadb-java-client.jar src/bench/java/QuizJdbc.java JDBC_URL USER PASSWORD CLIENTS
 * WARMUP_SECONDS SECONDS per-request|grouped
 */
public class QuizJdbc {

  /** One attempt row's text columns and numbers, as the app stored them. */
  record Sample(
      String moduleId,
      String version,
      String questions,
      String answers,
      String answersHash,
      String results,
      int questionCount,
      int passMark,
      int score,
      boolean passed) {}

  /** The two writes of a client, however they are committed. */
  interface Writes {
    void start(String id) throws Exception;

    void submit(String id) throws Exception;
  }

  static final String INSERT =
      "INSERT INTO quiz_attempt (id, module_id, version, owner_hash, learner_id, questions,"
          + " question_count, pass_mark, started_at, expires_at, assisted_by) VALUES (?, ?, ?, ?,"
          + " NULL, ?, ?, ?, ?, ?, NULL)";
  static final String COLUMNS =
      "SELECT id, module_id, version, owner_hash, learner_id, questions, question_count,"
          + " pass_mark, started_at, expires_at, submitted_at, answers, answers_hash, score,"
          + " passed, results, assisted_by FROM quiz_attempt";
  static final String UPDATE =
      "UPDATE quiz_attempt SET submitted_at = ?, answers = ?, answers_hash = ?, score = ?,"
          + " passed = ?, results = ? WHERE id = ?";

  static String url;
  static String user;
  static String password;
  static Sample sample;
  static String owner;

  public static void main(String[] args) throws Exception {
    url = args[0];
    user = args[1];
    password = args[2];
    int clients = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    String mode = args.length > 6 ? args[6] : "per-request";
    sample = sample();
    owner =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest("bench-jdbc".getBytes()));

    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch finished = new CountDownLatch(clients);
    // The writer serves until every client has stopped, so that none waits for it in vain.
    AtomicBoolean clientsDone = new AtomicBoolean(false);
    Grouped grouped = mode.equals("grouped") ? new Grouped(clientsDone, errors) : null;
    for (int c = 0; c < clients; c++) {
      new Thread(
              () -> {
                long[] mine = new long[400_000];
                int count = 0;
                SecureRandom random = new SecureRandom();
                byte[] bytes = new byte[16];
                try (PerRequest perRequest = grouped == null ? new PerRequest() : null) {
                  Writes writes = grouped != null ? grouped : perRequest;
                  while (!stop.get()) {
                    long started = System.nanoTime();
                    try {
                      // Ids as the app makes them (quiz.control.AttemptIds): the time in
                      // milliseconds, then random bits, so new rows fill the table's last pages.
                      random.nextBytes(bytes);
                      long millis = System.currentTimeMillis();
                      for (int i = 5; i >= 0; i--, millis >>>= 8) {
                        bytes[i] = (byte) millis;
                      }
                      String id = HexFormat.of().formatHex(bytes);
                      writes.start(id);
                      writes.submit(id);
                      if (measuring.get()) {
                        done.incrementAndGet();
                        if (count < mine.length) {
                          mine[count++] = System.nanoTime() - started;
                        }
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                  e.printStackTrace();
                } finally {
                  latencies.add(Arrays.copyOf(mine, count));
                  finished.countDown();
                }
              })
          .start();
    }
    Thread.sleep(warmup * 1000L);
    errors.set(0);
    measuring.set(true);
    long from = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    double elapsed = (System.nanoTime() - from) / 1e9;
    long measured = done.get();
    stop.set(true);
    finished.await();
    clientsDone.set(true);
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        "%.0f %.2f %.2f %d %d%n",
        measured / elapsed, percentile(all, 0.50), percentile(all, 0.99), errors.get(), measured);
    System.exit(0);
  }

  static Sample sample() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT module_id, version, questions, answers, answers_hash, results,"
                    + " question_count, pass_mark, score, passed FROM quiz_attempt"
                    + " WHERE submitted_at IS NOT NULL ORDER BY started_at DESC LIMIT 1");
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException(
            "No submitted attempt to copy: run the quiz scenario first");
      }
      return new Sample(
          row.getString(1),
          row.getString(2),
          row.getString(3),
          row.getString(4),
          row.getString(5),
          row.getString(6),
          row.getInt(7),
          row.getInt(8),
          row.getInt(9),
          row.getBoolean(10));
    }
  }

  static void bindInsert(PreparedStatement insert, String id) throws SQLException {
    Instant now = Instant.now();
    insert.setString(1, id);
    insert.setString(2, sample.moduleId());
    insert.setString(3, sample.version());
    insert.setString(4, owner);
    insert.setString(5, sample.questions());
    insert.setInt(6, sample.questionCount());
    insert.setInt(7, sample.passMark());
    insert.setTimestamp(8, Timestamp.from(now));
    insert.setTimestamp(9, Timestamp.from(now.plus(Duration.ofHours(24))));
  }

  static void bindUpdate(PreparedStatement update, String id) throws SQLException {
    update.setTimestamp(1, Timestamp.from(Instant.now()));
    update.setString(2, sample.answers());
    update.setString(3, sample.answersHash());
    update.setInt(4, sample.score());
    update.setBoolean(5, sample.passed());
    update.setString(6, sample.results());
    update.setString(7, id);
  }

  /** A connection of the client's own, a transaction per write. */
  static final class PerRequest implements Writes, AutoCloseable {
    final Connection db;
    final PreparedStatement insert;
    final PreparedStatement lock;
    final PreparedStatement update;

    PerRequest() throws SQLException {
      db = DriverManager.getConnection(url, user, password);
      db.setAutoCommit(false);
      insert = db.prepareStatement(INSERT);
      lock = db.prepareStatement(COLUMNS + " WHERE id = ? FOR UPDATE");
      update = db.prepareStatement(UPDATE);
    }

    @Override
    public void start(String id) throws SQLException {
      try {
        bindInsert(insert, id);
        insert.executeUpdate();
        db.commit();
      } catch (SQLException e) {
        db.rollback();
        throw e;
      }
    }

    @Override
    public void submit(String id) throws SQLException {
      try {
        lock.setString(1, id);
        try (ResultSet locked = lock.executeQuery()) {
          locked.next();
        }
        bindUpdate(update, id);
        update.executeUpdate();
        db.commit();
      } catch (SQLException e) {
        db.rollback();
        throw e;
      }
    }

    @Override
    public void close() throws SQLException {
      db.close();
    }
  }

  /** One writer thread and connection: what queued up meanwhile, in one transaction. */
  static final class Grouped implements Writes {
    record Job(String id, boolean submit, CompletableFuture<Void> done) {}

    final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();

    Grouped(AtomicBoolean stop, AtomicLong errors) {
      Thread writer =
          new Thread(
              () -> {
                try (Connection db = DriverManager.getConnection(url, user, password)) {
                  db.setAutoCommit(false);
                  List<Job> batch = new ArrayList<>();
                  while (!stop.get()) {
                    Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                      continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, 127);
                    try {
                      write(db, batch);
                      db.commit();
                      batch.forEach(job -> job.done().complete(null));
                    } catch (SQLException e) {
                      db.rollback();
                      batch.forEach(job -> job.done().completeExceptionally(e));
                    }
                    batch.clear();
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                  e.printStackTrace();
                }
              });
      writer.setDaemon(true);
      writer.start();
    }

    static void write(Connection db, List<Job> batch) throws SQLException {
      List<String> started = new ArrayList<>();
      List<String> submitted = new ArrayList<>();
      for (Job job : batch) {
        (job.submit() ? submitted : started).add(job.id());
      }
      if (!submitted.isEmpty()) {
        Collections.sort(submitted);
        try (PreparedStatement lock =
            db.prepareStatement(
                COLUMNS
                    + " WHERE id IN ("
                    + String.join(", ", Collections.nCopies(submitted.size(), "?"))
                    + ") ORDER BY id FOR UPDATE")) {
          for (int i = 0; i < submitted.size(); i++) {
            lock.setString(i + 1, submitted.get(i));
          }
          try (ResultSet rows = lock.executeQuery()) {
            while (rows.next()) {
              rows.getString(6);
            }
          }
        }
        try (PreparedStatement update = db.prepareStatement(UPDATE)) {
          for (String id : submitted) {
            bindUpdate(update, id);
            update.addBatch();
          }
          update.executeBatch();
        }
      }
      if (!started.isEmpty()) {
        try (PreparedStatement insert = db.prepareStatement(INSERT)) {
          for (String id : started) {
            bindInsert(insert, id);
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
    }

    private void run(String id, boolean submit) throws Exception {
      Job job = new Job(id, submit, new CompletableFuture<>());
      queue.add(job);
      job.done().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void start(String id) throws Exception {
      run(id, false);
    }

    @Override
    public void submit(String id) throws Exception {
      run(id, true);
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
