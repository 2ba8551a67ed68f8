package vn.hocso.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void hashesUsePbkdf2WithAtLeast600000IterationsAndARandomSalt() {
    String hash = PasswordHasher.hash("cay-tre-xanh-2026");
    String[] parts = hash.split("\\$");
    assertEquals("pbkdf2-sha256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 600_000, parts[1]);
    assertNotEquals(hash, PasswordHasher.hash("cay-tre-xanh-2026"), "salted");
    assertTrue(PasswordHasher.matches("cay-tre-xanh-2026", hash));
    assertFalse(PasswordHasher.matches("cay-tre-xanh-2027", hash));
    assertFalse(PasswordHasher.matches("cay-tre-xanh-2026", "md5$abc"));
  }
}
