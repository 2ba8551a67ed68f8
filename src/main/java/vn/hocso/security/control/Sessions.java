package vn.hocso.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import vn.hocso.platform.control.Digests;

/**
 * Signed-in sessions, kept in the database so that any app instance can serve any request. The
 * cookie holds a random token; the database holds only its SHA-256.
 */
@ApplicationScoped
public class Sessions {

  public static final String COOKIE = "hocso_phien";
  public static final Duration LIFETIME = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A valid session: whose it is and their role. */
  public record Caller(long accountId, String role) {}

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  /** Starts a session; returns the token for the cookie. */
  @Transactional
  public String start(long accountId) {
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
    return token;
  }

  /**
   * The caller of a session token, if it is a live session.
   *
   * <p>In a transaction of its own: it runs for every signed-in request, before the request's own
   * transaction. Outside a transaction, Liberty would keep its connection reserved for the rest of
   * the request (a local transaction containment ends with the request), so each signed-in request
   * that then writes would hold two connections, and 64 signed-in clients starved a pool of 40 —
   * each waiting five seconds for a second connection (found by the benchmark's quiz passes).
   */
  @Transactional
  public Optional<Caller> find(String token) {
    if (token == null || !token.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT s.account_id, a.role FROM session s JOIN account a ON a.id = s.account_id"
                    + " WHERE s.token_hash = ? AND s.expires_at > ?")
            .setParameter(1, hash(token))
            .setParameter(2, Timestamp.from(Instant.now()))
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(row -> new Caller(((Number) row[0]).longValue(), (String) row[1]));
  }

  /** Ends a session (signing out). */
  @Transactional
  public void end(String token) {
    if (token != null && token.matches("[0-9a-f]{64}")) {
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

  static String hash(String token) {
    return Digests.sha256Hex(token);
  }
}
