package vn.hocso.quiz.boundary;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who an attempt belongs to. Anyone may practise without an account: a browser gets a random guest
 * key in an HttpOnly cookie, and attempts store only a hash of it. (Signed-in learners are the
 * learners feature's.)
 */
final class QuizOwner {

  static final String COOKIE = "hocso_khach";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The caller's owner key and, when it is new, the cookie that gives it to the browser. */
  record Key(String hash, NewCookie newCookie) {}

  private QuizOwner() {}

  /** The caller's key; null when the caller has none (they started no attempt here). */
  static String existing(HttpHeaders headers) {
    Cookie cookie = headers.getCookies().get(COOKIE);
    if (cookie == null || !cookie.getValue().matches("[0-9a-f]{64}")) {
      return null;
    }
    return hash(cookie.getValue());
  }

  /** The caller's key, made now if they have none. */
  static Key existingOrNew(HttpHeaders headers, UriInfo uri) {
    String existing = existing(headers);
    if (existing != null) {
      return new Key(existing, null);
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    NewCookie cookie =
        new NewCookie.Builder(COOKIE)
            .value(token)
            .path("/")
            .maxAge(60 * 60 * 24 * 365)
            .httpOnly(true)
            .secure("https".equals(uri.getBaseUri().getScheme()))
            .sameSite(NewCookie.SameSite.LAX)
            .build();
    return new Key(hash(token), cookie);
  }

  private static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("guest:" + token).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
