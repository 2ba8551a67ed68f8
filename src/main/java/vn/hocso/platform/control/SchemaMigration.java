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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Brings the database schema up to date with Flyway when the app starts. A database that is not
 * reachable yet does not stop the app from starting: the migration is retried until it succeeds,
 * and the app reports itself not ready until then.
 *
 * <p>Where several instances start together, the schema is migrated once before them ({@link
 * MigrateSchema}) and each is told not to change it ({@code DB_MIGRATE=validate}): it then only
 * checks that the schema is at its own build's version, and waits, not ready, until it is.
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

  /** {@code migrate} (the default) or {@code validate}: check the schema, never change it. */
  @Inject
  @ConfigProperty(name = "db.migrate", defaultValue = "migrate")
  String mode;

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
      if ("validate".equals(mode)) {
        validate();
      } else {
        MigrateResult result =
            MigrateSchema.flyway(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .load()
                .migrate();
        ready(MigrateSchema.versionAfter(result), result.migrationsExecuted);
      }
    } catch (RuntimeException e) {
      waitFor("Database not reachable or schema migration failed", rootMessage(e));
    }
  }

  /** DB_MIGRATE=validate: ready once the schema holds exactly this build's migrations. */
  private void validate() {
    Flyway flyway =
        MigrateSchema.flyway(SchemaMigration.class.getClassLoader()).dataSource(dataSource).load();
    ValidateResult result = flyway.validateWithResult();
    if (!result.validationSuccessful) {
      waitFor(
          "Database schema is not at this build's version (DB_MIGRATE=validate: migrate it with"
              + " MigrateSchema)",
          result.getAllErrorMessages());
      return;
    }
    ready(String.valueOf(flyway.info().current().getVersion()), 0);
  }

  private void ready(String version, int applied) {
    done = true;
    LOG.info(
        () ->
            "Database schema is at version "
                + version
                + " ("
                + applied
                + " migrations applied now).");
    migrated.fireAsync(new Migrated(applied));
  }

  private void waitFor(String what, String why) {
    if (!reportedWaiting) {
      LOG.log(Level.WARNING, what + "; retrying every " + RETRY_SECONDS + " s: " + why);
      reportedWaiting = true;
    }
    pending = scheduler.schedule(this::migrate, RETRY_SECONDS, TimeUnit.SECONDS);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
