package vn.hocso.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttemptIdsTest {

  @Test
  void anIdIsThirtyTwoHexDigitsStartingWithItsTime() {
    long at = 1_796_355_000_123L; // 2026-12-04 03:30:00.123 UTC
    String id = AttemptIds.next(at, new SecureRandom());
    assertTrue(Attempts.validId(id), id);
    assertEquals(at, Long.parseLong(id.substring(0, 12), 16));
  }

  @Test
  void aLaterIdSortsAfterAnEarlierOne() {
    Random random = new SecureRandom();
    long[] times = {0, 1, 0xfff, 0x1000, 1_796_355_000_123L, 1_796_355_000_124L, (1L << 48) - 1};
    for (int i = 1; i < times.length; i++) {
      String earlier = AttemptIds.next(times[i - 1], random);
      String later = AttemptIds.next(times[i], random);
      assertTrue(earlier.compareTo(later) < 0, earlier + " should sort before " + later);
    }
  }

  @Test
  void idsOfTheSameMillisecondDifferInTheirRandomPart() {
    Random random = new SecureRandom();
    Set<String> tails = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = AttemptIds.next(1_796_355_000_123L, random);
      assertEquals("01a23f1a073b", id.substring(0, 12));
      tails.add(id.substring(12));
    }
    assertEquals(10_000, tails.size());
  }

  @Test
  void theRandomPartIsEightyBitsFromTheGeneratorGiven() {
    // A generator that returns only ones leaves every bit after the time set.
    Random ones =
        new Random() {
          @Override
          public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0xff);
          }
        };
    assertEquals("000000000001" + "f".repeat(20), AttemptIds.next(1, ones));
  }

  @Test
  void aTimeOutsideFortyEightBitsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> AttemptIds.next(-1, new Random()));
    assertThrows(IllegalArgumentException.class, () -> AttemptIds.next(1L << 48, new Random()));
  }
}
