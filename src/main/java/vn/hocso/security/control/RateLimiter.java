package vn.hocso.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts hits per bucket in fixed time windows, in the database so that every app instance sees the
 * same counts. A bucket is a keyed hash (of a sign-in name, an address): no personal data.
 */
@ApplicationScoped
public class RateLimiter {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject Secrets secrets;

  /** The bucket for one kind of limit and one subject, e.g. ("sign-in-address", "10.0.0.1"). */
  public String bucket(String kind, String subject) {
    return secrets.keyedHash("rate-limit", kind + "\n" + subject);
  }

  /** Hits in the current window of {@code window}. */
  @Transactional
  public int hits(String bucket, Duration window) {
    Object count =
        em.createNativeQuery("SELECT hits FROM rate_limit WHERE bucket = ? AND window_start = ?")
            .setParameter(1, bucket)
            .setParameter(2, windowStart(window))
            .getResultStream()
            .findFirst()
            .orElse(0);
    return ((Number) count).intValue();
  }

  /** Counts one hit; returns the hits in the current window, this one included. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int hit(String bucket, Duration window) {
    Timestamp start = windowStart(window);
    em.createNativeQuery(
            "INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE hits = hits + 1")
        .setParameter(1, bucket)
        .setParameter(2, start)
        .executeUpdate();
    return hits(bucket, window);
  }

  /** Forgets a bucket's hits (after a successful sign-in, for example). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void clear(String bucket) {
    em.createNativeQuery("DELETE FROM rate_limit WHERE bucket = ?")
        .setParameter(1, bucket)
        .executeUpdate();
  }

  private static Timestamp windowStart(Duration window) {
    long seconds = window.toSeconds();
    long now = Instant.now().getEpochSecond();
    return Timestamp.from(Instant.ofEpochSecond(now - now % seconds));
  }
}
