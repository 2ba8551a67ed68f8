package vn.hocso.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sliding window a limit is checked against, from two fixed windows' hits. */
class RateLimiterTest {

  @Test
  void aBurstAcrossAWindowsEndStillCountsWhole() {
    // 20 hits late in one minute, 12 in the first second of the next: 31 of them still count.
    assertEquals(31, RateLimiter.sliding(12, 20, 1_000, 60_000));
  }

  @Test
  void thePreviousWindowFadesAsTheCurrentOneGoesOn() {
    assertEquals(25, RateLimiter.sliding(5, 40, 30_000, 60_000));
    assertEquals(5, RateLimiter.sliding(5, 40, 59_999, 60_000));
    assertEquals(0, RateLimiter.sliding(0, 0, 0, 60_000));
  }
}
