package vn.hocso.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway when the app starts. A database that is not
 * reachable yet does not stop the app from starting: the migration is retried until it succeeds,
 * and the app reports itself not ready until then.
 */
@ApplicationScoped
public class SchemaMigration {

  /** Fired once the schema is up to date. */
  public record Migrated(int appliedMigrations) {}

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  private static final long RETRY_SECONDS = 2;

  @Resource(lookup = "jdbc/hocso")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject Event<Migrated> migrated;

  private volatile boolean done;
  private volatile ScheduledFuture<?> pending;
  private boolean reportedWaiting;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    pending = scheduler.schedule(this::migrate, 0, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> task = pending;
    if (task != null) {
      task.cancel(false);
    }
  }

  public boolean isDone() {
    return done;
  }

  /** Whether the database answers now, with the schema migrated. */
  public boolean isDatabaseUp() {
    if (!done) {
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void migrate() {
    try {
      MigrateResult result =
          Flyway.configure(SchemaMigration.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              // On Liberty, Flyway finds a classpath folder only through a marker file named
              // flyway.location (db/migration and db/callback have one); fail if none is found.
              .failOnMissingLocations(true)
              .load()
              .migrate();
      done = true;
      // Flyway names a target version only when it applied something.
      String version =
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion;
      LOG.info(
          () ->
              "Database schema is at version "
                  + version
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied now).");
      migrated.fireAsync(new Migrated(result.migrationsExecuted));
    } catch (RuntimeException e) {
      if (!reportedWaiting) {
        LOG.log(
            Level.WARNING,
            "Database not reachable or schema migration failed; retrying every "
                + RETRY_SECONDS
                + " s: "
                + rootMessage(e));
        reportedWaiting = true;
      }
      pending = scheduler.schedule(this::migrate, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
