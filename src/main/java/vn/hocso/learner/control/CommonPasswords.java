package vn.hocso.learner.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords too common to allow: the 30,000 most common leaked passwords that zxcvbn ships, plus a
 * short list of common Vietnamese ones.
 */
public final class CommonPasswords {

  private static final Set<String> COMMON = load();

  private CommonPasswords() {}

  public static boolean contains(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    return COMMON.contains(lower) || COMMON.contains(lower.replaceAll("\\s+", ""));
  }

  private static Set<String> load() {
    Set<String> passwords = new HashSet<>();
    read("com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt", passwords);
    read("passwords/vietnamese-common.txt", passwords);
    return Set.copyOf(passwords);
  }

  private static void read(String resource, Set<String> into) {
    try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing password list " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String password = line.strip().toLowerCase(Locale.ROOT);
        if (!password.isEmpty() && !password.startsWith("#")) {
          into.add(password);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
