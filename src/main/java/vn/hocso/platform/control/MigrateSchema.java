package vn.hocso.platform.control;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's migrations as Flyway runs them, in the app ({@link SchemaMigration}) and from the
 * command line, where a deployment of several instances migrates the schema once before starting
 * them (src/ops/cluster/up):
 *
 * <pre>
 * DB_URL=jdbc:mariadb://host:3306/hocso DB_USER=hocso DB_PASSWORD=… \
 *   java -cp 'hocso/WEB-INF/classes:hocso/WEB-INF/lib/*:mariadb-java-client.jar' \
 *   vn.hocso.platform.control.MigrateSchema
 * </pre>
 *
 * <p>It prints the version the schema is at and exits 0, or prints why not and exits 1.
 */
public final class MigrateSchema {

  private MigrateSchema() {}

  /** Flyway configured with the app's migrations, found through this class loader. */
  static FluentConfiguration flyway(ClassLoader loader) {
    return Flyway.configure(loader)
        .locations("classpath:db/migration")
        // On Liberty, Flyway finds a classpath folder only through a marker file named
        // flyway.location (db/migration and db/callback have one); fail if none is found.
        .failOnMissingLocations(true);
  }

  /** The version a migration left the schema at: Flyway names a target only when it applied one. */
  static String versionAfter(MigrateResult result) {
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }

  public static void main(String[] args) {
    String url = System.getenv("DB_URL");
    if (url == null || url.isBlank()) {
      System.err.println("Set DB_URL (jdbc:mariadb://host:port/database), DB_USER, DB_PASSWORD.");
      System.exit(2);
    }
    try {
      MigrateResult result =
          flyway(MigrateSchema.class.getClassLoader())
              .dataSource(url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))
              .load()
              .migrate();
      System.out.println(
          "Database schema is at version "
              + versionAfter(result)
              + " ("
              + result.migrationsExecuted
              + " migrations applied now).");
    } catch (RuntimeException e) {
      System.err.println("Schema migration failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
