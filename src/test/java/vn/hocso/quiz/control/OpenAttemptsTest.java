package vn.hocso.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hocso.quiz.control.Attempts.Sheet;
import vn.hocso.quiz.entity.Attempt;

class OpenAttemptsTest {

  private static Sheet sheet(String id) {
    Instant now = Instant.now();
    return new Sheet(
        new Attempt(id, "vneid", "aaaaaaaaaaaa", "b".repeat(64), null, "[]", 8, 80, now, now),
        null,
        List.of());
  }

  @Test
  void keepsTheNewestUpToItsCapacity() {
    OpenAttempts open = new OpenAttempts(3);
    for (int i = 1; i <= 5; i++) {
      open.started(sheet("a" + i));
    }
    assertEquals(3, open.size());
    assertFalse(open.get("a1").isPresent());
    assertFalse(open.get("a2").isPresent());
    assertTrue(open.get("a3").isPresent());
    assertTrue(open.get("a5").isPresent());
  }

  @Test
  void forgetsAnAttemptOnceDone() {
    OpenAttempts open = new OpenAttempts(3);
    Sheet started = sheet("a1");
    open.started(started);
    assertSame(started, open.get("a1").orElseThrow());
    open.done("a1");
    assertFalse(open.get("a1").isPresent());
    open.done("never-started");
    assertEquals(0, open.size());
  }

  @Test
  void capacityZeroKeepsNothing() {
    OpenAttempts open = new OpenAttempts(0);
    open.started(sheet("a1"));
    assertFalse(open.get("a1").isPresent());
    assertThrows(IllegalArgumentException.class, () -> new OpenAttempts(-1));
  }
}
