import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-ins per second at the configured password hash cost: registers one account per client, then
 * each client signs in again and again. Prints "sign-ins/s errors".
 *
 * <p>java src/bench/java/SignInLoad.java BASE_URL CLIENTS SECONDS
 */
public class SignInLoad {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int clients = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      new Thread(
              () -> {
                try {
                  HttpResponse<String> token =
                      http.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/csrf-token")).build(),
                          HttpResponse.BodyHandlers.ofString());
                  String cookie =
                      token.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
                  String csrf = token.body().replaceAll(".*\"token\":\"([0-9a-f]+)\".*", "$1");
                  String phone =
                      "08"
                          + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
                  String password = "bench-sign-in-" + phone;
                  HttpResponse<String> registered =
                      post(
                          http,
                          base + "/api/accounts",
                          cookie,
                          csrf,
                          "{\"displayName\":\"Bench\",\"birthYear\":1960,\"wardId\":1,\"signInName\":\""
                              + phone
                              + "\",\"password\":\""
                              + password
                              + "\",\"consent\":true}");
                  if (registered.statusCode() != 201) {
                    throw new IllegalStateException(registered.body());
                  }
                  String body =
                      "{\"signInName\":\"" + phone + "\",\"password\":\"" + password + "\"}";
                  ready.countDown();
                  while (!stop.get()) {
                    HttpResponse<String> signedIn =
                        post(http, base + "/api/sessions", cookie, csrf, body);
                    if (signedIn.statusCode() == 200) {
                      if (measuring.get()) {
                        ok.incrementAndGet();
                      }
                    } else {
                      errors.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                  ready.countDown();
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    ready.await();
    Thread.sleep(2000);
    measuring.set(true);
    long from = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    double elapsed = (System.nanoTime() - from) / 1e9;
    long count = ok.get();
    stop.set(true);
    done.await();
    System.out.printf("%.1f %d%n", count / elapsed, errors.get());
  }

  private static HttpResponse<String> post(
      HttpClient http, String url, String cookie, String csrf, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Cookie", cookie)
            .header("X-CSRF-Token", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
