package vn.hocso.security.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import vn.hocso.platform.control.Digests;

/**
 * Keys that say whose something is (a quiz attempt) without storing who. A signed-in account's key
 * comes from its id; anyone may practise without an account, and their browser then holds a random
 * guest token in an HttpOnly cookie. Only the hash of a key is ever stored.
 */
public final class OwnerKeys {

  public static final String GUEST_COOKIE = "hocso_khach";
  private static final SecureRandom RANDOM = new SecureRandom();

  private OwnerKeys() {}

  public static String account(long accountId) {
    return Digests.sha256Hex("account:" + accountId);
  }

  /** The key of attempts a trainer starts for a resident on the trainer's own device. */
  public static String assisted(long trainerId, long residentId) {
    return Digests.sha256Hex("assisted:" + trainerId + ":" + residentId);
  }

  /** The key of a guest cookie's value, or null for a missing or malformed one. */
  public static String guest(String cookieValue) {
    if (cookieValue == null || !cookieValue.matches("[0-9a-f]{64}")) {
      return null;
    }
    return Digests.sha256Hex("guest:" + cookieValue);
  }

  public static String newGuestToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
