import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quiz statistics scenario's data: COUNT submitted attempts at MODULE's current version written
 * straight into MariaDB, as the app would have stored them over the past year, each by a resident
 * of random ability answering as an item-response model says (one question discriminating
 * negatively, so the page has every kind of flag to show).
 *
 * <p>The questions, their option ids and which option is right are read from attempts the app
 * stored in the same run (the duplicate storm answers them all right). Ids are made as the app
 * makes them (start time in milliseconds, then 80 random bits), in time order, all older than two
 * days. Rows go in 1,000 per statement.
 *
 * <p>Prints one line: "rows seconds".
 *
 * <p>java -cp mariadb-java-client.jar src/bench/java/QuizStatsFill.java JDBC_URL USER PASSWORD
 * MODULE COUNT
 */
public class QuizStatsFill {

  private static final Pattern SHOWN =
      Pattern.compile("\\{\"q\":\"([^\"]+)\",\"o\":\\[([^\\]]*)\\]\\}");
  private static final Pattern ANSWER = Pattern.compile("\"([^\"]+)\":\\[\"([^\"]+)\"\\]");
  private static final int ROWS = 1_000;

  record Key(String id, List<String> options, String right) {}

  public static void main(String[] args) throws Exception {
    String module = args[3];
    int count = Integer.parseInt(args[4]);
    long started = System.nanoTime();
    try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
      String version = null;
      int passMark = 0;
      Map<String, Key> keys = new LinkedHashMap<>();
      try (PreparedStatement select =
          db.prepareStatement(
              "SELECT version, pass_mark, questions, answers FROM quiz_attempt WHERE module_id = ?"
                  + " AND submitted_at IS NOT NULL AND score = question_count LIMIT 200")) {
        select.setString(1, module);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            version = rows.getString(1);
            passMark = rows.getInt(2);
            Map<String, String> right = new LinkedHashMap<>();
            Matcher answer = ANSWER.matcher(rows.getString(4));
            while (answer.find()) {
              right.put(answer.group(1), answer.group(2));
            }
            Matcher shown = SHOWN.matcher(rows.getString(3));
            while (shown.find()) {
              List<String> options = new ArrayList<>();
              for (String option : shown.group(2).split(",")) {
                options.add(option.replace("\"", ""));
              }
              Collections.sort(options);
              keys.putIfAbsent(
                  shown.group(1), new Key(shown.group(1), options, right.get(shown.group(1))));
            }
          }
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalStateException("no attempt answered all right at " + module);
      }
      List<Key> pool = new ArrayList<>(keys.values());
      int draw = Math.min(8, pool.size());
      // Item parameters: difficulties spread over the pool, the last question reversed.
      double[] difficulty = new double[pool.size()];
      double[] discrimination = new double[pool.size()];
      for (int q = 0; q < pool.size(); q++) {
        difficulty[q] = -2.5 + 4.0 * q / Math.max(1, pool.size() - 1);
        discrimination[q] = q == pool.size() - 1 ? -0.8 : 1.2;
      }
      Random random = new Random(42);
      SecureRandom ids = new SecureRandom();
      Instant first = Instant.now().minus(Duration.ofDays(367));
      long spacing = Duration.ofDays(365).toMillis() / count;
      db.setAutoCommit(true);
      String insert =
          "INSERT INTO quiz_attempt (id, module_id, version, owner_hash, learner_id, questions,"
              + " question_count, pass_mark, started_at, expires_at, submitted_at, answers,"
              + " answers_hash, score, passed, results) VALUES ";
      String row = "(?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      for (int done = 0; done < count; done += ROWS) {
        int n = Math.min(ROWS, count - done);
        try (PreparedStatement statement =
            db.prepareStatement(insert + String.join(", ", Collections.nCopies(n, row)))) {
          int p = 1;
          for (int k = 0; k < n; k++) {
            Instant at = first.plusMillis((done + k) * spacing);
            byte[] bytes = new byte[10];
            ids.nextBytes(bytes);
            double ability = random.nextGaussian();
            List<Integer> order = new ArrayList<>();
            for (int q = 0; q < pool.size(); q++) {
              order.add(q);
            }
            Collections.shuffle(order, random);
            StringBuilder shown = new StringBuilder("[");
            StringBuilder answers = new StringBuilder("{");
            StringBuilder results = new StringBuilder("[");
            int score = 0;
            for (int i = 0; i < draw; i++) {
              int q = order.get(i);
              Key key = pool.get(q);
              String options = "\"" + String.join("\",\"", key.options()) + "\"";
              shown.append(i > 0 ? "," : "").append("{\"q\":\"").append(key.id());
              shown.append("\",\"o\":[").append(options).append("]}");
              double p1 = 1 / (1 + Math.exp(-discrimination[q] * (ability - difficulty[q])));
              String chosen;
              boolean right = random.nextDouble() < p1;
              if (right) {
                chosen = key.right();
              } else if (random.nextDouble() < 0.03) {
                chosen = null; // left blank
              } else {
                List<String> wrong = new ArrayList<>(key.options());
                wrong.remove(key.right());
                // The first wrong option draws most of the wrong answers.
                chosen = wrong.get(random.nextDouble() < 0.7 || wrong.size() == 1 ? 0 : 1);
              }
              score += right ? 1 : 0;
              answers.append(i > 0 ? "," : "").append('"').append(key.id()).append("\":[");
              answers.append(chosen == null ? "" : "\"" + chosen + "\"").append(']');
              results.append(i > 0 ? "," : "").append("{\"q\":\"").append(key.id());
              results.append("\",\"c\":").append(right).append('}');
            }
            statement.setString(
                p++, String.format("%012x", at.toEpochMilli()) + HexFormat.of().formatHex(bytes));
            statement.setString(p++, module);
            statement.setString(p++, version);
            statement.setString(p++, HexFormat.of().formatHex(bytes) + "0".repeat(44));
            statement.setString(p++, shown.append(']').toString());
            statement.setInt(p++, draw);
            statement.setInt(p++, passMark);
            statement.setTimestamp(p++, Timestamp.from(at));
            statement.setTimestamp(p++, Timestamp.from(at.plus(Duration.ofDays(1))));
            statement.setTimestamp(p++, Timestamp.from(at.plus(Duration.ofMinutes(5))));
            statement.setString(p++, answers.append('}').toString());
            statement.setString(p++, "b".repeat(64));
            statement.setInt(p++, score);
            statement.setBoolean(p++, score * 100 >= passMark * draw);
            statement.setString(p++, results.append(']').toString());
          }
          statement.executeUpdate();
        }
      }
    }
    System.out.printf("%d %.1f%n", count, (System.nanoTime() - started) / 1e9);
  }
}
