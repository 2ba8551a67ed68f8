package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command that migrates the schema once before several instances start (src/ops/cluster/up):
 * run as an operator runs it, in a JVM of its own outside Liberty, against the test server's
 * database, which the server has migrated.
 */
class MigrateSchemaIT {

  private record Run(int exit, String output) {}

  /** The test server's database. */
  private static String databaseUrl() {
    return "jdbc:mariadb://"
        + System.getProperty("db.hostname")
        + ":"
        + System.getProperty("db.port")
        + "/"
        + System.getProperty("db.name");
  }

  private static Run migrate(String url) throws IOException, InterruptedException {
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "vn.hocso.platform.control.MigrateSchema")
            .redirectErrorStream(true);
    Map<String, String> env = command.environment();
    env.put("DB_URL", url);
    env.put("DB_USER", System.getProperty("db.user"));
    env.put("DB_PASSWORD", System.getProperty("db.password"));
    Process process = command.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Run(process.exitValue(), output);
  }

  /** The highest version among the build's migrations (V12__….sql → 12). */
  private static int newestMigration() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.matches("V\\d+__.*\\.sql"))
          .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
          .max()
          .orElseThrow();
    }
  }

  @Test
  void findsTheSchemaAtTheBuildsVersionAndChangesNothing() throws Exception {
    Run run = migrate(databaseUrl());
    assertEquals(0, run.exit(), run.output());
    assertTrue(
        run.output()
            .contains(
                "Database schema is at version "
                    + newestMigration()
                    + " (0 migrations applied now)."),
        run.output());
  }

  @Test
  void aDatabaseItCannotReachIsAFailureWithItsReason() throws Exception {
    // Nothing listens on port 1.
    Run run = migrate("jdbc:mariadb://127.0.0.1:1/hocso?connectTimeout=2000");
    assertEquals(1, run.exit(), run.output());
    List<String> lines = run.output().lines().toList();
    assertTrue(
        lines.stream().anyMatch(line -> line.startsWith("Schema migration failed: ")),
        run.output());
  }
}
