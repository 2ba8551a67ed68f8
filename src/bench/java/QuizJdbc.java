import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The anchor of the quiz scenario: what MariaDB itself allows. Each client runs the app's two
 * transactions over plain JDBC with no HTTP, no JPA and no scoring, as fast as it can:
 *
 * <ol>
 *   <li>start: insert the attempt row, commit;
 *   <li>submit: lock the row (SELECT … FOR UPDATE), update it with the answers and the score,
 *       commit.
 * </ol>
 *
 * <p>The rows are the same as the app's: their text columns are copied from an attempt the app
 * stored in the same run (the quiz scenario runs first), and the commit settings are the server's.
 * Its rows are marked by their owner hash (SHA-256 of "bench-jdbc") so they can be told apart.
 * Prints one line: "submissions/s p50_ms p99_ms errors measured".
 *
 * <p>java -cp mariadb-java-client.jar src/bench/java/QuizJdbc.java JDBC_URL USER PASSWORD CLIENTS
 * WARMUP_SECONDS SECONDS
 */
public class QuizJdbc {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String password = args[2];
    int clients = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);

    String[] sample = new String[7];
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT module_id, version, questions, answers, answers_hash, results,"
                    + " CONCAT(question_count, ',', pass_mark, ',', score, ',', passed)"
                    + " FROM quiz_attempt WHERE submitted_at IS NOT NULL ORDER BY started_at DESC"
                    + " LIMIT 1");
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException(
            "No submitted attempt to copy: run the quiz scenario first");
      }
      for (int i = 0; i < sample.length; i++) {
        sample[i] = row.getString(i + 1);
      }
    }
    String[] numbers = sample[6].split(",");
    int questionCount = Integer.parseInt(numbers[0]);
    int passMark = Integer.parseInt(numbers[1]);
    int score = Integer.parseInt(numbers[2]);
    boolean passed = !numbers[3].equals("0");
    String owner =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest("bench-jdbc".getBytes()));

    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    CountDownLatch finished = new CountDownLatch(clients);
    SecureRandom random = new SecureRandom();
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[200_000];
      latencies.add(mine);
      int index = c;
      new Thread(
              () -> {
                int count = 0;
                try (Connection db = DriverManager.getConnection(url, user, password);
                    PreparedStatement insert =
                        db.prepareStatement(
                            "INSERT INTO quiz_attempt (id, module_id, version, owner_hash,"
                                + " learner_id, questions, question_count, pass_mark, started_at,"
                                + " expires_at, assisted_by) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?,"
                                + " ?, NULL)");
                    PreparedStatement lock =
                        db.prepareStatement(
                            "SELECT id, module_id, version, owner_hash, learner_id, questions,"
                                + " question_count, pass_mark, started_at, expires_at,"
                                + " submitted_at, answers, answers_hash, score, passed, results,"
                                + " assisted_by FROM quiz_attempt WHERE id = ? FOR UPDATE");
                    PreparedStatement update =
                        db.prepareStatement(
                            "UPDATE quiz_attempt SET submitted_at = ?, answers = ?,"
                                + " answers_hash = ?, score = ?, passed = ?, results = ? WHERE id"
                                + " = ?")) {
                  db.setAutoCommit(false);
                  byte[] bytes = new byte[16];
                  while (!stop.get()) {
                    long started = System.nanoTime();
                    try {
                      random.nextBytes(bytes);
                      String id = HexFormat.of().formatHex(bytes);
                      Instant now = Instant.now();
                      insert.setString(1, id);
                      insert.setString(2, sample[0]);
                      insert.setString(3, sample[1]);
                      insert.setString(4, owner);
                      insert.setString(5, sample[2]);
                      insert.setInt(6, questionCount);
                      insert.setInt(7, passMark);
                      insert.setTimestamp(8, Timestamp.from(now));
                      insert.setTimestamp(9, Timestamp.from(now.plus(Duration.ofHours(24))));
                      insert.executeUpdate();
                      db.commit();

                      lock.setString(1, id);
                      try (ResultSet locked = lock.executeQuery()) {
                        locked.next();
                      }
                      update.setTimestamp(1, Timestamp.from(Instant.now()));
                      update.setString(2, sample[3]);
                      update.setString(3, sample[4]);
                      update.setInt(4, score);
                      update.setBoolean(5, passed);
                      update.setString(6, sample[5]);
                      update.setString(7, id);
                      update.executeUpdate();
                      db.commit();
                      if (measuring.get()) {
                        done.incrementAndGet();
                        if (count < mine.length) {
                          mine[count++] = System.nanoTime() - started;
                        }
                      }
                    } catch (Exception e) {
                      errors.incrementAndGet();
                      db.rollback();
                    }
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                  e.printStackTrace();
                } finally {
                  latencies.set(index, Arrays.copyOf(mine, count));
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
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        "%.0f %.2f %.2f %d %d%n",
        measured / elapsed, percentile(all, 0.50), percentile(all, 0.99), errors.get(), measured);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
