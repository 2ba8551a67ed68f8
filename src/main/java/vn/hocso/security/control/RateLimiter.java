package vn.hocso.security.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import vn.hocso.platform.control.Housekeeping;

/**
 * Counts hits per bucket in the database, so that every app instance sees the same counts. A bucket
 * is a keyed hash (of a sign-in name, an address): no personal data.
 *
 * <p>Hits are stored per fixed window, and a limit is checked against a sliding window: the hits of
 * the current window plus those of the previous one, weighted by how much of it the sliding window
 * still covers. With fixed windows alone, a burst that straddles a window's end was allowed twice
 * the limit.
 */
@ApplicationScoped
public class RateLimiter {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject Secrets secrets;

  @Resource(lookup = "jdbc/hocso")
  DataSource dataSource;

  /**
   * The longest window a limit may use. Housekeeping removes the windows that started more than
   * twice this long ago: a sliding window reads the current fixed window and the previous one, so
   * nothing it reads is ever removed.
   */
  public static final Duration LONGEST_WINDOW = Duration.ofHours(1);

  /** The bucket for one kind of limit and one subject, e.g. ("sign-in-address", "10.0.0.1"). */
  public String bucket(String kind, String subject) {
    return secrets.keyedHash("rate-limit", kind + "\n" + subject);
  }

  /** Hits in the sliding window of length {@code window} that ends now. */
  @Transactional
  public int hits(String bucket, Duration window) {
    requireKept(window);
    long now = Instant.now().toEpochMilli();
    long length = window.toMillis();
    long start = now - Math.floorMod(now, length);
    Timestamp currentStart = new Timestamp(start);
    Timestamp previousStart = new Timestamp(start - length);
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(CASE WHEN window_start = ? THEN hits END), 0),"
                        + " COALESCE(SUM(CASE WHEN window_start = ? THEN hits END), 0)"
                        + " FROM rate_limit WHERE bucket = ? AND window_start IN (?, ?)")
                .setParameter(1, currentStart)
                .setParameter(2, previousStart)
                .setParameter(3, bucket)
                .setParameter(4, currentStart)
                .setParameter(5, previousStart)
                .getSingleResult();
    long current = ((Number) counts[0]).longValue();
    long previous = ((Number) counts[1]).longValue();
    return sliding(current, previous, now - start, length);
  }

  /**
   * The hits of a sliding window: all of the current fixed window's, and the previous one's in the
   * share of it the sliding window still covers.
   */
  static int sliding(long current, long previous, long elapsed, long length) {
    return (int) (current + previous * (length - elapsed) / length);
  }

  /** Counts one hit; returns the hits in the sliding window, this one included. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int hit(String bucket, Duration window) {
    requireKept(window);
    em.createNativeQuery(
            "INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE hits = hits + 1")
        .setParameter(1, bucket)
        .setParameter(2, windowStart(window))
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

  /** Removes the windows no limit reads any more (every instance does, on its schedule). */
  void purgeOld(@Observes Housekeeping.Due due) {
    Housekeeping.deleteBefore(
        dataSource, "rate_limit", "window_start", due.now().minus(LONGEST_WINDOW.multipliedBy(2)));
  }

  private static void requireKept(Duration window) {
    if (window.compareTo(LONGEST_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "a rate-limit window of " + window + " is longer than " + LONGEST_WINDOW);
    }
  }

  private static Timestamp windowStart(Duration window) {
    long now = Instant.now().toEpochMilli();
    return new Timestamp(now - Math.floorMod(now, window.toMillis()));
  }
}
