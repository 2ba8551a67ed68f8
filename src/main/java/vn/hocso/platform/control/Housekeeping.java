package vn.hocso.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the features, every {@code housekeeping.interval} (HOUSEKEEPING_INTERVAL, an ISO-8601
 * duration, ten minutes unless set), that it is time to remove the rows that only grow: each
 * feature observes {@link Due} and deletes its own (expired sessions, old rate-limit windows).
 *
 * <p>Every instance of the app runs it on its own, with no lock between them: what an observer
 * deletes is defined by a time, not by which instance asks, so two instances at once delete the
 * same rows once between them, and an instance that fails leaves the work to the next tick.
 */
@ApplicationScoped
public class Housekeeping {

  /** It is time to remove what expired before {@code now}, in chunks of {@link #CHUNK} rows. */
  public record Due(Instant now) {}

  /** The most rows one DELETE removes, so no statement holds its locks for long. */
  public static final int CHUNK = 1_000;

  /** How many times one round retries a chunk another instance's DELETE collided with. */
  static final int MAX_CONFLICTS = 20;

  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject Event<Due> due;

  @Inject
  @ConfigProperty(name = "housekeeping.interval", defaultValue = "PT10M")
  Duration interval;

  private volatile ScheduledFuture<?> ticks;

  /** Starts once the schema is up to date: the tables it purges exist from then on. */
  void onSchemaReady(@ObservesAsync SchemaMigration.Migrated migrated) {
    long millis = interval.toMillis();
    ticks = scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    LOG.info(() -> "Housekeeping every " + interval);
  }

  @PreDestroy
  void stop() {
    ScheduledFuture<?> scheduled = ticks;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  /** One round: an observer that fails is logged, and the schedule goes on. */
  void tick() {
    try {
      due.fire(new Due(Instant.now()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Housekeeping failed; it runs again in " + interval, e);
    }
  }

  /**
   * Deletes the rows of {@code table} whose {@code column} is before {@code before}, a chunk at a
   * time, each chunk committed on its own (autocommit, outside any request's transaction); returns
   * how many went. A chunk that collides with another instance's is tried again; any other failure
   * is logged and ends this round: the next tick goes on from there.
   */
  public static long deleteBefore(
      DataSource dataSource, String table, String column, Instant before) {
    String sql = "DELETE FROM " + table + " WHERE " + column + " < ? LIMIT " + CHUNK;
    long deleted = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(sql)) {
      connection.setAutoCommit(true);
      delete.setTimestamp(1, Timestamp.from(before));
      int chunk;
      int conflicts = 0;
      do {
        try {
          chunk = delete.executeUpdate();
        } catch (SQLTransactionRollbackException conflict) {
          // Another instance deleting the same rows (an InnoDB deadlock, a Galera certification
          // conflict): this chunk was rolled back, so it is simply tried again.
          if (++conflicts > MAX_CONFLICTS) {
            throw conflict;
          }
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50));
          chunk = CHUNK;
          continue;
        }
        deleted += chunk;
      } while (chunk == CHUNK);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Housekeeping of " + table + " stopped after " + deleted + " rows", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (deleted > 0) {
      long total = deleted;
      LOG.info(() -> "Housekeeping removed " + total + " rows of " + table);
    }
    return deleted;
  }
}
