package vn.hocso.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import vn.hocso.web.control.Templates;

/**
 * Double-submit CSRF tokens: a random token in a cookie of the site's own, repeated in every form
 * ({@code _csrf}) and API call ({@code X-CSRF-Token}). Another site can make a browser send the
 * cookie but cannot read it to repeat it.
 */
public final class CsrfTokens {

  public static final String COOKIE = "hocso_csrf";
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";

  /** Where a page finds the caller's token: the attribute the page templates print. */
  public static final String REQUEST_ATTRIBUTE = Templates.CSRF_TOKEN;

  private static final SecureRandom RANDOM = new SecureRandom();

  private CsrfTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public static boolean isWellFormed(String token) {
    return token != null && token.matches("[0-9a-f]{48}");
  }

  /** Whether the repeated token matches the cookie's, compared in constant time. */
  public static boolean matches(String cookie, String repeated) {
    if (!isWellFormed(cookie) || repeated == null) {
      return false;
    }
    return MessageDigest.isEqual(
        cookie.getBytes(StandardCharsets.US_ASCII), repeated.getBytes(StandardCharsets.US_ASCII));
  }
}
