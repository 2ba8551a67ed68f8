package vn.hocso.quiz.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/**
 * Makes attempt ids: 32 hex digits, the first 12 the time the attempt started (milliseconds since
 * 1970) and the other 20 random (80 bits from a {@link SecureRandom}), so that an id cannot be
 * guessed, even knowing when an attempt was made.
 *
 * <p>The id is the attempt's primary key, and InnoDB stores a table's rows in the order of its
 * primary key. With wholly random ids each new attempt went to a random page of the whole table,
 * which stopped fitting in the buffer pool as attempts accumulated: with 1.3 million attempts (2.7
 * GB) and a 2 GB pool, MariaDB read 5,700–8,400 pages from disk per 20 s of the quiz benchmark and
 * spent 0.33–0.37 ms of CPU per start + submit, for 850–1,040 submissions/s. With ids that grow
 * with time, new attempts and the submissions that follow them share the table's last pages:
 * 130–200 reads, 0.26–0.29 ms and 1,140–1,320/s (same server and table, runs alternating).
 */
final class AttemptIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AttemptIds() {}

  /** A new id for an attempt started now. */
  static String next() {
    return next(System.currentTimeMillis(), RANDOM);
  }

  static String next(long epochMillis, Random random) {
    if (epochMillis < 0 || epochMillis >= 1L << 48) {
      throw new IllegalArgumentException("time out of range for an attempt id: " + epochMillis);
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    for (int i = 5; i >= 0; i--) {
      bytes[i] = (byte) epochMillis;
      epochMillis >>>= 8;
    }
    return HexFormat.of().formatHex(bytes);
  }
}
