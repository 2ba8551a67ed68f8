package vn.hocso.learner.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import vn.hocso.learner.entity.SignedIn;
import vn.hocso.platform.control.Digests;
import vn.hocso.platform.control.Housekeeping;

/**
 * Signed-in sessions, kept in the database so that any app instance can serve any request. The
 * cookie holds a random token; the database holds only its SHA-256.
 */
@ApplicationScoped
public class Sessions {

  public static final String COOKIE = "hocso_phien";
  public static final Duration LIFETIME = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject Event<SignedIn> signedIn;

  @Resource(lookup = "jdbc/hocso")
  DataSource dataSource;

  /**
   * Starts a session for an account signing in from a browser with this guest key (or null), and
   * tells the features that observe {@link SignedIn}; returns the token for the cookie.
   */
  @Transactional
  public String start(long accountId, String guestKey) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Instant now = Instant.now();
    em.createNativeQuery(
            "INSERT INTO session (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
        .setParameter(1, hash(token))
        .setParameter(2, accountId)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, Timestamp.from(now.plus(LIFETIME)))
        .executeUpdate();
    signedIn.fire(new SignedIn(accountId, guestKey));
    return token;
  }

  /**
   * The SHA-256 under which a session token is stored, or empty for what cannot be a token (a
   * forged or truncated cookie never reaches the database).
   */
  public static Optional<String> storedHash(String token) {
    return isWellFormed(token) ? Optional.of(hash(token)) : Optional.empty();
  }

  /** Ends a session (signing out). */
  @Transactional
  public void end(String token) {
    if (isWellFormed(token)) {
      em.createNativeQuery("DELETE FROM session WHERE token_hash = ?")
          .setParameter(1, hash(token))
          .executeUpdate();
    }
  }

  /** Ends every session of an account (its password changed). */
  @Transactional
  public void endAll(long accountId) {
    em.createNativeQuery("DELETE FROM session WHERE account_id = ?")
        .setParameter(1, accountId)
        .executeUpdate();
  }

  /** Removes the sessions that expired (every instance does, on the housekeeping schedule). */
  void purgeExpired(@Observes Housekeeping.Due due) {
    Housekeeping.deleteBefore(dataSource, "session", "expires_at", due.now());
  }

  private static boolean isWellFormed(String token) {
    return token != null && token.matches("[0-9a-f]{64}");
  }

  static String hash(String token) {
    return Digests.sha256Hex(token);
  }
}
