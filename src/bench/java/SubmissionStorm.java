import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duplicate submission storm: every signed-in learner (one session token per line of the file)
 * starts an attempt at a generated module (src/bench/content-gen), answers it right, and sends the
 * same submission three times at once — a double tap plus a retry. All three must answer 200 with
 * the same stored result; the benchmark then counts the attempts and completions in MariaDB.
 *
 * <p>Prints one line: "seconds attempts submissions errors differing", where differing counts
 * attempts whose three answers were not the same.
 *
 * <p>java src/bench/java/SubmissionStorm.java BASE_URL MODULE TOKENS_FILE WORKERS
 */
public class SubmissionStorm {

  private static final Pattern ATTEMPT = Pattern.compile("\"attemptId\":\"([0-9a-f]{32})\"");
  private static final Pattern QUESTION =
      Pattern.compile("\"id\":\"([0-9a-f]{10})\",\"options\":\\[(.*?)\\]");
  private static final Pattern OPTION =
      Pattern.compile("\\{\"html\":\"((?:[^\"\\\\]|\\\\.)*)\",\"id\":\"([0-9a-f]{8})\"\\}");
  private static final String CSRF = "0123456789abcdef0123456789abcdef0123456789abcdef";

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String module = args[1];
    List<String> tokens = Files.readAllLines(Path.of(args[2]));
    int workers = Integer.parseInt(args[3]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicInteger next = new AtomicInteger();
    AtomicLong attempts = new AtomicLong();
    AtomicLong submissions = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong differing = new AtomicLong();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    for (int w = 0; w < workers; w++) {
      pool.submit(
          () -> {
            for (int i = next.getAndIncrement(); i < tokens.size(); i = next.getAndIncrement()) {
              String cookie = "hocso_phien=" + tokens.get(i).trim() + "; hocso_csrf=" + CSRF;
              try {
                HttpResponse<String> attempt =
                    http.send(
                        HttpRequest.newBuilder(
                                URI.create(base + "/api/modules/" + module + "/attempts"))
                            .header("Cookie", cookie)
                            .header("X-CSRF-Token", CSRF)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (attempt.statusCode() != 201) {
                  errors.incrementAndGet();
                  System.err.println("start: " + attempt.statusCode() + " " + attempt.body());
                  continue;
                }
                attempts.incrementAndGet();
                Matcher id = ATTEMPT.matcher(attempt.body());
                id.find();
                HttpRequest submit =
                    HttpRequest.newBuilder(
                            URI.create(base + "/api/attempts/" + id.group(1) + "/submission"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", cookie)
                        .header("X-CSRF-Token", CSRF)
                        .POST(HttpRequest.BodyPublishers.ofString(rightAnswers(attempt.body())))
                        .build();
                List<CompletableFuture<HttpResponse<String>>> three = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                  three.add(http.sendAsync(submit, HttpResponse.BodyHandlers.ofString()));
                }
                String first = null;
                boolean same = true;
                for (CompletableFuture<HttpResponse<String>> sent : three) {
                  HttpResponse<String> response = sent.get(60, TimeUnit.SECONDS);
                  if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                    System.err.println("submit: " + response.statusCode() + " " + response.body());
                    continue;
                  }
                  submissions.incrementAndGet();
                  if (first == null) {
                    first = response.body();
                  } else if (!first.equals(response.body())) {
                    same = false;
                  }
                }
                if (!same) {
                  differing.incrementAndGet();
                }
              } catch (Exception e) {
                errors.incrementAndGet();
                System.err.println(e);
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    System.out.printf(
        "%.1f %d %d %d %d%n",
        (System.nanoTime() - started) / 1e9,
        attempts.get(),
        submissions.get(),
        errors.get(),
        differing.get());
  }

  /** For each question, the option that reads "Đáp án đúng" (as content-gen writes it). */
  static String rightAnswers(String attempt) {
    StringBuilder answers = new StringBuilder("{\"answers\":{");
    Matcher question = QUESTION.matcher(attempt);
    boolean first = true;
    while (question.find()) {
      Matcher option = OPTION.matcher(question.group(2));
      String right = null;
      while (option.find()) {
        if (option.group(1).contains("Đáp án đúng")
            || option.group(1).contains("\\u0110\\u00e1p \\u00e1n \\u0111\\u00fang")) {
          right = option.group(2);
        }
      }
      if (right == null) {
        throw new IllegalStateException("No option reads \"Đáp án đúng\": " + question.group());
      }
      answers.append(first ? "" : ",").append('"').append(question.group(1)).append("\":[\"");
      answers.append(right).append("\"]");
      first = false;
    }
    return answers.append("}}").toString();
  }
}
