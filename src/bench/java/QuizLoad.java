import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the quiz: each client, as fast as it can, starts an attempt (POST
 * /api/modules/{id}/attempts), answers every question and submits it (POST
 * /api/attempts/{id}/submission). Prints one line: "submissions/s p50_ms p99_ms errors measured
 * all", where all counts every successful submission, warm-up included.
 *
 * <p>java src/bench/java/QuizLoad.java BASE_URL MODULE CLIENTS WARMUP_SECONDS SECONDS
 */
public class QuizLoad {

  private static final Pattern ATTEMPT = Pattern.compile("\"attemptId\":\"([0-9a-f]{32})\"");
  private static final Pattern QUESTION =
      Pattern.compile(
          "\\{\"html\":\"(?:[^\"\\\\]|\\\\.)*\",\"id\":\"([0-9a-f]{10})\",\"options\":\\[(.*?)\\],"
              + "\"text\":\"(?:[^\"\\\\]|\\\\.)*\",\"type\":\"(\\w+)\"\\}");
  private static final Pattern OPTION_ID = Pattern.compile("\"id\":\"([0-9a-f]{8})\"");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String module = args[1];
    int clients = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong ok = new AtomicLong();
    AtomicLong total = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[2_000_000];
      latencies.add(mine);
      int index = c;
      Thread client =
          new Thread(
              () -> {
                String cookie = null;
                String csrfCookie;
                String csrf;
                try {
                  HttpResponse<String> token =
                      http.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/csrf-token")).build(),
                          HttpResponse.BodyHandlers.ofString());
                  csrfCookie =
                      token.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
                  csrf = token.body().replaceAll(".*\"token\":\"([0-9a-f]+)\".*", "$1");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                int count = 0;
                while (!stop.get()) {
                  long started = System.nanoTime();
                  try {
                    HttpRequest.Builder start =
                        HttpRequest.newBuilder(
                                URI.create(base + "/api/modules/" + module + "/attempts"))
                            .header("X-CSRF-Token", csrf)
                            .POST(HttpRequest.BodyPublishers.noBody());
                    start.header(
                        "Cookie", cookie == null ? csrfCookie : cookie + "; " + csrfCookie);
                    HttpResponse<String> attempt =
                        http.send(start.build(), HttpResponse.BodyHandlers.ofString());
                    if (attempt.statusCode() != 201) {
                      errors.incrementAndGet();
                      continue;
                    }
                    if (cookie == null) {
                      cookie =
                          attempt.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
                    }
                    Matcher id = ATTEMPT.matcher(attempt.body());
                    id.find();
                    StringBuilder answers = new StringBuilder("{\"answers\":{");
                    Matcher question = QUESTION.matcher(attempt.body());
                    boolean first = true;
                    while (question.find()) {
                      List<String> options = new ArrayList<>();
                      Matcher option = OPTION_ID.matcher(question.group(2));
                      while (option.find()) {
                        options.add("\"" + option.group(1) + "\"");
                      }
                      boolean ordering = question.group(3).equals("ordering");
                      answers
                          .append(first ? "" : ",")
                          .append('"')
                          .append(question.group(1))
                          .append("\":[")
                          .append(ordering ? String.join(",", options) : options.get(0))
                          .append(']');
                      first = false;
                    }
                    answers.append("}}");
                    HttpResponse<String> submitted =
                        http.send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        base + "/api/attempts/" + id.group(1) + "/submission"))
                                .header("Content-Type", "application/json")
                                .header("Cookie", cookie + "; " + csrfCookie)
                                .header("X-CSRF-Token", csrf)
                                .POST(HttpRequest.BodyPublishers.ofString(answers.toString()))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (submitted.statusCode() != 200) {
                      errors.incrementAndGet();
                      System.err.println(submitted.statusCode() + " " + submitted.body());
                      continue;
                    }
                    total.incrementAndGet();
                    if (measuring.get()) {
                      ok.incrementAndGet();
                      if (count < mine.length) {
                        mine[count++] = System.nanoTime() - started;
                      }
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                }
                latencies.set(index, Arrays.copyOf(mine, count));
                done.countDown();
              });
      client.start();
    }
    Thread.sleep(warmup * 1000L);
    errors.set(0);
    measuring.set(true);
    long measuredFrom = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
    long okCount = ok.get();
    stop.set(true);
    done.await();
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
    double p99 = all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6;
    System.out.printf(
        "%.0f %.2f %.2f %d %d %d%n",
        okCount / elapsed, p50, p99, errors.get(), okCount, total.get());
  }
}
