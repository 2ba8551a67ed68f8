package vn.hocso.platform.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: request threads hand their jobs to a few worker threads, and each worker runs
 * whatever has queued up meanwhile as one batch, in one transaction, then answers every job of it.
 * Under load a batch holds many jobs, so they share one connection hand-out, one commit and one
 * flush of MariaDB's log, and their rows go in a few multi-row statements instead of one round trip
 * each; alone, a job runs at once in a batch of one.
 *
 * <p>A job is answered only after its batch committed. A job the batch's work refuses (its {@link
 * Outcome} holds the refusal) changes nothing and does not disturb the others. When a batch fails
 * as a whole (a database error, a deadlock with another instance), its transaction rolled back and
 * each of its jobs is run again alone, so that one job's failure is that job's alone; when it
 * failed for want of a database connection, every job of it fails at once.
 *
 * <p>Nothing is kept here beyond the jobs in flight: every job's effect is in the database once it
 * is answered, so several app instances behave as one.
 *
 * @param <J> what a request asks for
 * @param <R> what it gets back
 */
public final class GroupCommit<J, R> {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  static final String BUSY = DatabaseFailures.BUSY;

  /**
   * One batch's work, in one transaction: an outcome for each job, in the jobs' order. Throwing
   * rolls the whole batch back.
   */
  @FunctionalInterface
  public interface Work<J, R> {
    List<Outcome<R>> run(List<J> jobs);
  }

  /** What became of one job: its result, or the refusal it met, which changed nothing. */
  public record Outcome<R>(R result, RuntimeException refusal) {
    public static <R> Outcome<R> done(R result) {
      return new Outcome<>(result, null);
    }

    public static <R> Outcome<R> refused(RuntimeException refusal) {
      return new Outcome<>(null, refusal);
    }
  }

  private record Pending<J, R>(J job, CompletableFuture<R> answer) {}

  private final String name;
  private final BlockingQueue<Pending<J, R>> queue;
  private final Work<J, R> work;
  private final int maxBatch;
  private final Duration timeout;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean closed;

  /**
   * Starts the workers.
   *
   * @param threads makes the workers: a container-managed factory, so that they may use
   *     transactions and the persistence context
   * @param capacity jobs that may wait; one more is refused as busy (503)
   * @param timeout how long a caller waits for its answer before it is told the server is busy
   */
  public GroupCommit(
      String name,
      ThreadFactory threads,
      int workerCount,
      int maxBatch,
      int capacity,
      Duration timeout,
      Work<J, R> work) {
    if (workerCount < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("at least one worker and one job per batch");
    }
    this.name = name;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.work = work;
    this.maxBatch = maxBatch;
    this.timeout = timeout;
    for (int i = 0; i < workerCount; i++) {
      Thread worker = threads.newThread(this::serve);
      worker.setName(name + "-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  /**
   * Runs a job in the next batch and returns its result once that batch committed, or throws what
   * the job met: its refusal, or the failure of its batch run alone.
   */
  public R run(J job) {
    if (closed) {
      throw new Refusal(503, BUSY);
    }
    Pending<J, R> pending = new Pending<>(job, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      throw new Refusal(503, BUSY);
    }
    try {
      return pending.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException late) {
      // A job still queued is then skipped; one already running may still commit, which is why
      // every job must be safe to send again (a start makes one more unanswered attempt, a
      // submission is answered from what is stored).
      pending.answer().cancel(false);
      throw new Refusal(503, BUSY);
    } catch (InterruptedException interrupted) {
      pending.answer().cancel(false);
      Thread.currentThread().interrupt();
      throw new Refusal(503, BUSY);
    }
  }

  /** Whether new jobs are refused. */
  boolean isClosed() {
    return closed;
  }

  /** Jobs waiting for a worker. */
  int waiting() {
    return queue.size();
  }

  /**
   * Stops taking jobs and lets the workers finish the ones already queued: a job offered from now
   * on is told the server is busy, every job queued before is still run and answered, so a rolling
   * restart that stops an instance refuses none of the jobs it accepted. Returns once the workers
   * are done, or after {@code grace}, when any job still waiting is told the server is busy.
   */
  public void close(Duration grace) {
    closed = true;
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread worker : workers) {
      try {
        worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // A job offered in the instant the queue was closed, or left after the grace period.
    List<Pending<J, R>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(pending -> pending.answer().completeExceptionally(new Refusal(503, BUSY)));
    if (!left.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "{0}: stopped with {1} jobs not run, answered as busy",
          new Object[] {name, left.size()});
    }
  }

  /** {@link #close(Duration)} with as long a grace as a caller waits for its answer. */
  public void close() {
    close(timeout);
  }

  private void serve() {
    List<Pending<J, R>> batch = new ArrayList<>(maxBatch);
    while (true) {
      Pending<J, R> next;
      try {
        // Woken every tenth of a second to see whether the queue was closed: a worker is never
        // interrupted, since an interrupt could break the batch it is writing.
        next = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException interrupted) {
        return;
      }
      if (next == null) {
        if (closed) {
          return;
        }
        continue;
      }
      batch.add(next);
      queue.drainTo(batch, maxBatch - 1);
      // Callers who stopped waiting are not served.
      batch.removeIf(pending -> pending.answer().isDone());
      if (!batch.isEmpty()) {
        runBatch(batch);
      }
      batch.clear();
    }
  }

  private void runBatch(List<Pending<J, R>> batch) {
    List<Outcome<R>> outcomes;
    try {
      outcomes = work.run(batch.stream().map(Pending::job).toList());
      if (outcomes.size() != batch.size()) {
        throw new IllegalStateException(
            outcomes.size() + " outcomes for a batch of " + batch.size());
      }
    } catch (RuntimeException | Error failure) {
      if (batch.size() == 1 || DatabaseFailures.isUnavailable(failure)) {
        // Without a database every job would fail alone too: they fail now, not one by one.
        batch.forEach(pending -> pending.answer().completeExceptionally(failure));
        return;
      }
      LOG.log(
          Level.WARNING,
          "{0}: a batch of {1} jobs failed ({2}); running each alone",
          new Object[] {name, batch.size(), failure.getClass().getName()});
      for (Pending<J, R> pending : batch) {
        if (!pending.answer().isDone()) {
          runBatch(List.of(pending));
        }
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Outcome<R> outcome = outcomes.get(i);
      if (outcome.refusal() != null) {
        batch.get(i).answer().completeExceptionally(outcome.refusal());
      } else {
        batch.get(i).answer().complete(outcome.result());
      }
    }
  }
}
