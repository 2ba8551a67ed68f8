import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quiz load for the fault scenarios and the cluster figures (src/ops/cluster/faults,
 * src/bench/cluster): each worker is a resident who, as long as the load runs, starts an attempt at
 * a generated module (src/bench/content-gen: the right option reads "Đáp án đúng") and submits it
 * answered right, then starts the next. Half the workers are guests (each keeps the guest cookie
 * the server gives it), half are signed-in learners (a line "account_id token" each from the
 * learners file), unless the mode says otherwise. After a failed request a worker waits a little
 * (the Retry-After of a 503, at most a second), as the app's pages do.
 *
 * <p>It records every acknowledged write in PREFIX.acks ("attempt_id account_id|- passed", one per
 * 200 answer to a submission; a submission's 200 means it is stored), every request in
 * PREFIX.requests ("start_ms end_ms status kind worker", status 0 when no answer came) and prints
 * one line:
 *
 * <pre>requests acknowledged passes errors longest_error_window_ms statuses 503_without_retry_after
 * </pre>
 *
 * where statuses reads like "200:812,201:812,503:4,none:2".
 *
 * <p>java -cp … QuizLoad BASE MODULE LEARNERS_FILE WORKERS MODE STOP_FILE PREFIX
 *
 * <p>MODE is guest, signed-in or mixed. The load runs until STOP_FILE exists.
 */
public class QuizLoad {

  private static final Pattern ATTEMPT = Pattern.compile("\"attemptId\":\"([0-9a-f]{32})\"");
  private static final String CSRF = "0123456789abcdef0123456789abcdef0123456789abcdef";

  record Request(long startMs, long endMs, int status, String kind, int worker) {}

  public static void main(String[] args) throws Exception {
    // Like a browser, send a request again when the keep-alive connection it went out on turns out
    // to have been closed by the server before any answer (Chromium does so for every method):
    // nginx
    // closes its idle client connections when it reloads, and a request can cross that close.
    // Java's
    // client does it only for idempotent methods unless told, and only in that case (a request that
    // got no answer on a connection that was open stays a failure).
    System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
    String base = args[0];
    String module = args[1];
    List<String> learners = Files.readAllLines(Path.of(args[2]));
    int workers = Integer.parseInt(args[3]);
    String mode = args[4];
    Path stop = Path.of(args[5]);
    String prefix = args[6];

    List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    LongAdder passes = new LongAdder();
    LongAdder noRetryAfter = new LongAdder();
    AtomicInteger nextLearner = new AtomicInteger();
    try (PrintWriter acks = new PrintWriter(Files.newBufferedWriter(Path.of(prefix + ".acks")))) {
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      List<java.util.concurrent.Future<?>> finished = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        boolean guest = mode.equals("guest") || (mode.equals("mixed") && w % 2 == 0);
        int worker = w;
        finished.add(
            pool.submit(
                () -> {
                  HttpClient http =
                      HttpClient.newBuilder()
                          .version(HttpClient.Version.HTTP_1_1)
                          .connectTimeout(Duration.ofSeconds(5))
                          .cookieHandler(new CookieManager())
                          .build();
                  String learner = "-";
                  String cookie = "hocso_csrf=" + CSRF;
                  while (!Files.exists(stop)) {
                    if (!guest) {
                      // Each round another learner, so that passes keep issuing new completions.
                      String[] line =
                          learners
                              .get(nextLearner.getAndIncrement() % learners.size())
                              .trim()
                              .split("\\s+");
                      learner = line[0];
                      cookie = "hocso_csrf=" + CSRF + "; hocso_phien=" + line[1];
                    }
                    HttpResponse<String> started =
                        send(
                            http,
                            base + "/api/modules/" + module + "/attempts",
                            "",
                            cookie,
                            "start",
                            worker,
                            requests,
                            statuses,
                            noRetryAfter);
                    if (started == null || started.statusCode() != 201) {
                      pause(started);
                      continue;
                    }
                    Matcher id = ATTEMPT.matcher(started.body());
                    if (!id.find()) {
                      continue;
                    }
                    String answers = SubmissionStorm.rightAnswers(started.body());
                    HttpResponse<String> submitted =
                        send(
                            http,
                            base + "/api/attempts/" + id.group(1) + "/submission",
                            answers,
                            cookie,
                            "submit",
                            worker,
                            requests,
                            statuses,
                            noRetryAfter);
                    if (submitted == null || submitted.statusCode() != 200) {
                      pause(submitted);
                      continue;
                    }
                    boolean passed = submitted.body().contains("\"passed\":true");
                    if (passed) {
                      passes.increment();
                    }
                    synchronized (acks) {
                      acks.println(id.group(1) + " " + learner + " " + (passed ? 1 : 0));
                    }
                  }
                  return null;
                }));
      }
      pool.shutdown();
      pool.awaitTermination(2, TimeUnit.HOURS);
      for (java.util.concurrent.Future<?> worker : finished) {
        worker.get(); // a worker that died shows here, not as a quietly smaller load
      }
    }

    List<Request> all = new ArrayList<>(requests);
    all.sort((a, b) -> Long.compare(a.endMs(), b.endMs()));
    try (PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(Path.of(prefix + ".requests")))) {
      for (Request r : all) {
        out.println(
            r.startMs() + " " + r.endMs() + " " + r.status() + " " + r.kind() + " " + r.worker());
      }
    }
    long errors = all.stream().filter(r -> !ok(r.status())).count();
    long acked = statuses.getOrDefault("200", new LongAdder()).sum();
    StringBuilder byStatus = new StringBuilder();
    new TreeMap<>(statuses)
        .forEach(
            (k, v) ->
                byStatus
                    .append(byStatus.length() > 0 ? "," : "")
                    .append(k)
                    .append(':')
                    .append(v.sum()));
    System.out.println(
        all.size()
            + " "
            + acked
            + " "
            + passes.sum()
            + " "
            + errors
            + " "
            + longestErrorWindow(all)
            + " "
            + (byStatus.length() > 0 ? byStatus : "none")
            + " "
            + noRetryAfter.sum());
  }

  private static boolean ok(int status) {
    return status == 200 || status == 201;
  }

  /**
   * The longest time requests kept failing: from the start of the first failed request of a run of
   * failures (in the order they ended) to the end of its last one.
   */
  static long longestErrorWindow(List<Request> byEnd) {
    long longest = 0;
    long runStart = -1;
    for (Request r : byEnd) {
      if (ok(r.status())) {
        runStart = -1;
      } else {
        if (runStart < 0) {
          runStart = r.startMs();
        }
        runStart = Math.min(runStart, r.startMs());
        longest = Math.max(longest, r.endMs() - runStart);
      }
    }
    return longest;
  }

  private static HttpResponse<String> send(
      HttpClient http,
      String url,
      String body,
      String cookie,
      String kind,
      int worker,
      List<Request> requests,
      Map<String, LongAdder> statuses,
      LongAdder noRetryAfter) {
    long start = System.currentTimeMillis();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Cookie", cookie)
            .header("X-CSRF-Token", CSRF)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!body.isEmpty()) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      System.err.println(kind + " no answer: " + e);
      response = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response = null;
    }
    int status = response == null ? 0 : response.statusCode();
    requests.add(new Request(start, System.currentTimeMillis(), status, kind, worker));
    statuses
        .computeIfAbsent(status == 0 ? "none" : String.valueOf(status), k -> new LongAdder())
        .increment();
    if (status == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
      noRetryAfter.increment();
    }
    if (status >= 500 && status != 503) {
      System.err.println(kind + " " + status + ": " + response.body());
    }
    return response;
  }

  private static void pause(HttpResponse<String> failed) {
    long millis = 200;
    if (failed != null) {
      millis =
          failed
              .headers()
              .firstValue("Retry-After")
              .map(s -> Long.parseLong(s.trim()) * 1000)
              .orElse(200L);
    }
    try {
      Thread.sleep(Math.min(millis, 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
