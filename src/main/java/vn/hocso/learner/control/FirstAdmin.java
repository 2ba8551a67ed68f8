package vn.hocso.learner.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.platform.control.SchemaMigration;
import vn.hocso.security.control.Secrets;

/**
 * Creates the first administrator once the database is ready, if there is none: sign-in name
 * "admin", the password from {@code ADMIN_PASSWORD} or a random one printed once in the log.
 */
@ApplicationScoped
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  /** The shortest ADMIN_PASSWORD taken. */
  static final int MIN_LENGTH = 12;

  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @Inject Accounts accounts;
  @Inject Secrets secrets;

  @Inject
  @ConfigProperty(name = "admin.password")
  Optional<String> configured;

  void onSchemaReady(@ObservesAsync SchemaMigration.Migrated migrated) {
    if (!secrets.isConfigured()) {
      return;
    }
    Optional<String> given = configured.filter(value -> value.length() >= MIN_LENGTH);
    String password = given.orElseGet(FirstAdmin::random);
    try {
      if (accounts.createFirstAdmin(password).isPresent()) {
        if (configured.isPresent() && given.isEmpty()) {
          // Too short to use: the random password is printed, or nobody could sign in as admin.
          LOG.warning(
              "ADMIN_PASSWORD is shorter than "
                  + MIN_LENGTH
                  + " characters and was not used. First administrator created. Sign in as"
                  + " 'admin' with the password "
                  + password
                  + " (shown only this once: change it at /doi-mat-khau).");
        } else if (given.isPresent()) {
          LOG.info("First administrator created: sign in as 'admin' with ADMIN_PASSWORD.");
        } else {
          LOG.warning(
              "First administrator created. Sign in as 'admin' with the password "
                  + password
                  + " (shown only this once: change it at /doi-mat-khau).");
        }
      }
    } catch (RuntimeException e) {
      // Another instance created it at the same moment: the unique sign-in key keeps one.
      LOG.fine("First administrator not created here: " + e.getMessage());
    }
  }

  private static String random() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
