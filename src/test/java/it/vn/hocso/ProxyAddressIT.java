package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy: the test server trusts 127.0.0.1 as its proxy (TRUSTED_PROXIES), as an instance
 * trusts nginx. A request from there is the client's named in X-Forwarded-For, over the scheme in
 * X-Forwarded-Proto; the same headers from 127.0.0.2, a stranger on the same machine, are ignored.
 * The per-address limit of certificate lookups (30 a minute) shows which address the server took,
 * and the Secure flag of a new cookie which scheme.
 */
class ProxyAddressIT {

  static final int LOOKUPS_PER_MINUTE = 30;

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  /** A status line and headers, lower-cased names. */
  record Answer(int status, List<String> headers) {
    boolean has(String prefix) {
      return headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix));
    }

    String header(String name) {
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(name + ":"))
          .findFirst()
          .orElse("");
    }
  }

  /** One HTTP/1.1 request over a socket bound to {@code from}, with the extra header lines. */
  static Answer send(String from, String method, String path, String... headerLines)
      throws IOException {
    URI base = URI.create(Http.BASE);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
      socket.setSoTimeout(15_000);
      StringBuilder request = new StringBuilder();
      request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      request.append("Host: localhost:").append(base.getPort()).append("\r\n");
      for (String line : headerLines) {
        request.append(line).append("\r\n");
      }
      request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      int matched = 0;
      while ((b = in.read()) != -1) {
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        if (matched == 4) {
          break;
        }
      }
      List<String> lines = List.of(head.toString(StandardCharsets.ISO_8859_1).split("\r\n"));
      int status = Integer.parseInt(lines.get(0).split(" ")[1]);
      return new Answer(status, lines.subList(1, lines.size()));
    }
  }

  static String randomAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "198.51." + random.nextInt(0, 255) + "." + random.nextInt(1, 255);
  }

  static int lookup(String from, String forwardedFor) throws IOException {
    String code = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return send(from, "GET", "/api/verify/" + code, "X-Forwarded-For: " + forwardedFor).status();
  }

  /** Uses up the address's lookups: the last one is refused. */
  static void exhaust(String from, String forwardedFor) throws IOException {
    for (int i = 0; i < LOOKUPS_PER_MINUTE; i++) {
      assertEquals(404, lookup(from, forwardedFor), "lookup " + (i + 1));
    }
    assertEquals(429, lookup(from, forwardedFor), "one more than the limit");
  }

  @Test
  void fromTheTrustedProxyTheClientIsTheOneItNames() throws IOException {
    String client = randomAddress();
    exhaust("127.0.0.1", client);
    // Another resident behind the same proxy is not locked out with the first.
    assertEquals(404, lookup("127.0.0.1", randomAddress()));
  }

  @Test
  void fromAnyoneElseTheForwardingHeadersAreIgnored() throws IOException {
    exhaust("127.0.0.2", randomAddress());
    // A new address in the header changes nothing: the limit is the caller's own.
    assertEquals(429, lookup("127.0.0.2", randomAddress()));
  }

  @Test
  void cookiesAreSecureOnlyWhenTheTrustedProxyWasReachedOverHttps() throws IOException {
    String csrf = "0123456789abcdef0123456789abcdef0123456789abcdef";
    // As nginx sends them: the client's address and the scheme it reached nginx over.
    String[] headers = {
      "X-Forwarded-For: " + randomAddress(),
      "X-Forwarded-Proto: https",
      "Cookie: hocso_csrf=" + csrf,
      "X-CSRF-Token: " + csrf
    };
    Answer proxied = send("127.0.0.1", "POST", "/api/modules/vneid/attempts", headers);
    assertEquals(201, proxied.status(), proxied.headers().toString());
    assertTrue(proxied.has("set-cookie:"), proxied.headers().toString());
    assertTrue(
        proxied.header("set-cookie").toLowerCase(Locale.ROOT).contains("secure"),
        proxied.header("set-cookie"));

    Answer stranger = send("127.0.0.2", "POST", "/api/modules/vneid/attempts", headers);
    assertEquals(201, stranger.status(), stranger.headers().toString());
    assertFalse(
        stranger.header("set-cookie").toLowerCase(Locale.ROOT).contains("secure"),
        stranger.header("set-cookie"));

    Answer direct =
        send(
            "127.0.0.1",
            "POST",
            "/api/modules/vneid/attempts",
            "Cookie: hocso_csrf=" + csrf,
            "X-CSRF-Token: " + csrf);
    assertFalse(
        direct.header("set-cookie").toLowerCase(Locale.ROOT).contains("secure"),
        "plain http without the header: " + direct.header("set-cookie"));
  }
}
