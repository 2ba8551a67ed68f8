package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test staff: the first admin (password from the server log) and accounts it gives roles. */
final class Staff {

  private static Browser admin;

  private Staff() {}

  /** The first admin, signed in with the password the first start printed. */
  static synchronized Browser admin() {
    if (admin == null) {
      Browser browser = new Browser();
      HttpResponse<String> signedIn = Residents.signIn(browser, "admin", adminPassword());
      assertEquals(200, signedIn.statusCode(), signedIn.body());
      admin = browser;
    }
    return admin;
  }

  /**
   * The first admin's password, as the first start printed it in the log. The admin is created once
   * the schema is migrated, a few seconds after the server says it is ready: a test that runs first
   * waits for the line.
   */
  static String adminPassword() {
    Pattern line = Pattern.compile("Sign in as 'admin' with the password ([A-Za-z0-9]{20}) ");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      String log;
      try {
        log =
            Files.readString(
                Path.of(System.getProperty("server.log.dir"), "messages.log"),
                StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Matcher printed = line.matcher(log);
      if (printed.find()) {
        return printed.group(1);
      }
      assertTrue(System.nanoTime() < deadline, "the first start printed the admin password");
      Http.sleep(250);
    }
  }

  /** Registers an account in a ward and has the admin give it a role there. */
  static Browser withRole(String name, String role, long ward) {
    return withRole(name, role, ward, Residents.newPhone());
  }

  /** The same, with a chosen sign-in phone (to sign in again elsewhere, e.g. in Chromium). */
  static Browser withRole(String name, String role, long ward, String phone) {
    Browser browser = new Browser();
    Residents.register(browser, name, phone, ward);
    HttpResponse<String> given =
        admin()
            .postForm(
                "/quan-ly/vai-tro",
                List.of(
                    new SimpleEntry<>("dang_nhap", phone),
                    new SimpleEntry<>("vai_tro", role),
                    new SimpleEntry<>("phuong", String.valueOf(ward))));
    assertEquals(200, given.statusCode(), given.body());
    return browser;
  }
}
