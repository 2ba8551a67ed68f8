package vn.hocso.web.control;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The site's Content-Security-Policy: only its own styles, scripts and images, so even HTML that
 * slipped past the sanitizer could not run a script. Never {@code 'unsafe-inline'}.
 */
public final class ContentSecurityPolicy {

  /** What every response carries (web.boundary.SecurityHeaders). */
  public static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src"
          + " 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /**
   * The policy of a picture served on its own. Opened by itself an SVG is a document: nothing in it
   * may run or load anything (sandbox), only its own style attributes apply.
   */
  public static final String PICTURE = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ContentSecurityPolicy() {}

  /** A fresh nonce for one response: 128 random bits. */
  public static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The policy of a page whose script writes one style element: the authoring editor (CodeMirror
   * puts its theme in a {@code <style>} element carrying this nonce; nothing else may).
   */
  public static String withStyleNonce(String nonce) {
    return POLICY.replace("style-src 'self'", "style-src 'self' 'nonce-" + nonce + "'");
  }
}
