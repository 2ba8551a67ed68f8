package vn.hocso.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keys derived from the one server secret ({@code HOCSO_SECRET}, at least 32 characters): every
 * instance must have the same one. Without it the app serves lessons and quizzes but takes no
 * personal data, and says so on /health.
 */
@ApplicationScoped
public class Secrets {

  private static final Logger LOG = Logger.getLogger(Secrets.class.getName());
  static final int MIN_LENGTH = 32;

  @Inject
  @ConfigProperty(name = "hocso.secret")
  Optional<String> secret;

  private byte[] master;

  @PostConstruct
  void check() {
    String value = secret.orElse("").strip();
    if (value.length() >= MIN_LENGTH) {
      master = value.getBytes(StandardCharsets.UTF_8);
    } else {
      LOG.warning(
          "HOCSO_SECRET is missing or shorter than "
              + MIN_LENGTH
              + " characters: registration and sign-in are off until it is set.");
    }
  }

  public boolean isConfigured() {
    return master != null;
  }

  /** A 32-byte key for one purpose; different purposes never share a key. */
  public byte[] key(String purpose) {
    if (master == null) {
      throw new IllegalStateException("HOCSO_SECRET is not configured");
    }
    return hmac(master, purpose.getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC-SHA256 of {@code text} with the key for {@code purpose}, as hex. */
  public String keyedHash(String purpose, String text) {
    return HexFormat.of().formatHex(hmac(key(purpose), text.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
