package vn.hocso.quiz.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;

/**
 * Who an attempt belongs to. A signed-in learner owns their attempts by account. Anyone may
 * practise without an account: a browser gets a random guest key in an HttpOnly cookie, and
 * attempts store only a hash of it.
 */
@RequestScoped
public class QuizCallers {

  static final String GUEST_COOKIE = "hocso_khach";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The caller's owner key, the learner id if signed in, and a new guest cookie if one was made.
   */
  public record Key(String hash, Long learnerId, NewCookie newCookie) {}

  @Inject CurrentAccount current;

  /** The caller's key; null for a guest without a cookie (they started no attempt here). */
  public String existing(HttpHeaders headers) {
    Account account = current.get().orElse(null);
    if (account != null) {
      return hash("account:" + account.id());
    }
    return guest(headers);
  }

  /** The guest key of this browser, whether or not someone is signed in; null if none. */
  public String guest(HttpHeaders headers) {
    jakarta.ws.rs.core.Cookie cookie = headers.getCookies().get(GUEST_COOKIE);
    if (cookie == null || !cookie.getValue().matches("[0-9a-f]{64}")) {
      return null;
    }
    return hash("guest:" + cookie.getValue());
  }

  /** The caller's key, made now for a guest who has none. */
  public Key existingOrNew(HttpHeaders headers, UriInfo uri) {
    Account account = current.get().orElse(null);
    if (account != null) {
      return new Key(hash("account:" + account.id()), account.id(), null);
    }
    String existing = guest(headers);
    if (existing != null) {
      return new Key(existing, null, null);
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    NewCookie cookie =
        new NewCookie.Builder(GUEST_COOKIE)
            .value(token)
            .path("/")
            .maxAge(60 * 60 * 24 * 365)
            .httpOnly(true)
            .secure("https".equals(uri.getBaseUri().getScheme()))
            .sameSite(NewCookie.SameSite.LAX)
            .build();
    return new Key(hash("guest:" + token), null, cookie);
  }

  private static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
