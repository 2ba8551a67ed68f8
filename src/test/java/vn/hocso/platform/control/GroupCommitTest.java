package vn.hocso.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hocso.platform.control.GroupCommit.Outcome;

/** Group commit with plain threads and a work function that records the batches it is given. */
class GroupCommitTest {

  /** Every batch the work was given, in order. */
  private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

  /** The first batch waits for this, so that the jobs sent meanwhile queue up. */
  private final CountDownLatch release = new CountDownLatch(1);

  private GroupCommit<String, String> commit;

  @AfterEach
  void close() {
    release.countDown();
    if (commit != null) {
      commit.close();
    }
  }

  private GroupCommit<String, String> start(
      int capacity, Duration timeout, Function<String, Outcome<String>> each) {
    commit =
        new GroupCommit<>(
            "test",
            Thread::new,
            1,
            64,
            capacity,
            timeout,
            jobs -> {
              batches.add(List.copyOf(jobs));
              if (jobs.contains("first")) {
                await(release);
              }
              if (jobs.size() > 1 && jobs.contains("poison")) {
                throw new IllegalStateException("the batch rolled back");
              }
              if (jobs.contains("poison")) {
                throw new IllegalStateException("poison, alone");
              }
              if (jobs.contains("offline")) {
                throw new RuntimeException(
                    new SQLNonTransientConnectionException("connection refused", "08S01"));
              }
              return jobs.stream().map(each).toList();
            });
    return commit;
  }

  private static Outcome<String> upperCase(String job) {
    return job.startsWith("bad")
        ? Outcome.refused(new Refusal(400, "refused: " + job))
        : Outcome.done(job.toUpperCase());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends the job "first" from a thread of its own; returns once the worker holds its batch. */
  private CompletableFuture<String> holdTheWorker() throws InterruptedException {
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> commit.run("first"));
    while (batches.isEmpty()) {
      Thread.sleep(1);
    }
    return first;
  }

  private void awaitWaiting(int jobs) throws InterruptedException {
    while (commit.waiting() < jobs) {
      Thread.sleep(1);
    }
  }

  /**
   * Sends jobs from threads of their own, in order (each queued before the next is sent), while the
   * worker is held by the first batch.
   */
  private List<CompletableFuture<String>> sendWhileHeld(String... jobs) throws Exception {
    CompletableFuture<String> first = holdTheWorker();
    List<CompletableFuture<String>> answers = new ArrayList<>();
    for (String job : jobs) {
      answers.add(CompletableFuture.supplyAsync(() -> commit.run(job)));
      awaitWaiting(answers.size());
    }
    release.countDown();
    assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
    return answers;
  }

  private static Throwable failure(CompletableFuture<String> answer) {
    return assertThrows(Exception.class, () -> answer.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void aJobAloneRunsAtOnceInABatchOfOne() {
    start(100, Duration.ofSeconds(10), GroupCommitTest::upperCase);
    assertEquals("A", commit.run("a"));
    assertEquals(List.of(List.of("a")), batches);
  }

  @Test
  void jobsThatArriveTogetherShareOneBatch() throws Exception {
    start(100, Duration.ofSeconds(10), GroupCommitTest::upperCase);
    List<CompletableFuture<String>> answers = sendWhileHeld("a", "b", "c", "d", "e");
    List<String> results = new ArrayList<>();
    for (CompletableFuture<String> answer : answers) {
      results.add(answer.get(10, TimeUnit.SECONDS));
    }
    assertEquals(List.of("A", "B", "C", "D", "E"), results);
    assertEquals(2, batches.size(), "the held batch, then one for the five: " + batches);
    assertEquals(5, batches.get(1).size());
  }

  @Test
  void aRefusedJobGetsItsRefusalAndTheOthersTheirResults() throws Exception {
    start(100, Duration.ofSeconds(10), GroupCommitTest::upperCase);
    List<CompletableFuture<String>> answers = sendWhileHeld("a", "bad-1", "b");
    assertEquals("A", answers.get(0).get(10, TimeUnit.SECONDS));
    Throwable refused = failure(answers.get(1));
    assertTrue(refused instanceof Refusal, refused.toString());
    assertEquals(400, ((Refusal) refused).status());
    assertEquals("refused: bad-1", refused.getMessage());
    assertEquals("B", answers.get(2).get(10, TimeUnit.SECONDS));
    assertEquals(2, batches.size(), "a refusal does not fail its batch: " + batches);
  }

  @Test
  void aBatchThatFailsRunsEachOfItsJobsAlone() throws Exception {
    start(100, Duration.ofSeconds(10), GroupCommitTest::upperCase);
    List<CompletableFuture<String>> answers = sendWhileHeld("a", "poison", "b");
    assertEquals("A", answers.get(0).get(10, TimeUnit.SECONDS));
    assertEquals("poison, alone", failure(answers.get(1)).getMessage());
    assertEquals("B", answers.get(2).get(10, TimeUnit.SECONDS));
    assertEquals(
        List.of(
            List.of("first"),
            List.of("a", "poison", "b"),
            List.of("a"),
            List.of("poison"),
            List.of("b")),
        batches);
  }

  @Test
  void withoutADatabaseEveryJobOfTheBatchFailsAtOnce() throws Exception {
    start(100, Duration.ofSeconds(10), GroupCommitTest::upperCase);
    List<CompletableFuture<String>> answers = sendWhileHeld("a", "offline", "b");
    for (CompletableFuture<String> answer : answers) {
      Throwable failed = failure(answer);
      assertTrue(
          failed.getCause() instanceof SQLNonTransientConnectionException, failed.toString());
    }
    assertEquals(2, batches.size(), "no job runs again alone: " + batches);
    assertTrue(
        DatabaseFailures.isUnavailable(
            new RuntimeException(new java.sql.SQLException("gone", "08003"))));
    assertFalse(
        DatabaseFailures.isUnavailable(
            new RuntimeException(new java.sql.SQLException("Duplicate entry", "23000"))));
  }

  @Test
  void aCallerWhoStoppedWaitingIsToldTheServerIsBusyAndItsJobIsNotRun() throws Exception {
    start(100, Duration.ofMillis(200), GroupCommitTest::upperCase);
    CompletableFuture<String> first = holdTheWorker();
    Refusal busy = assertThrows(Refusal.class, () -> commit.run("late"));
    assertEquals(503, busy.status());
    assertEquals(GroupCommit.BUSY, busy.getMessage());
    release.countDown();
    // The first caller waited 200 ms too: it was told the server is busy, or, when its thread got
    // no CPU until the job had finished (a busy machine), its answer. What matters is what ran.
    try {
      assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
    } catch (java.util.concurrent.ExecutionException stoppedWaiting) {
      assertTrue(stoppedWaiting.getCause() instanceof Refusal, stoppedWaiting.toString());
      assertEquals(503, ((Refusal) stoppedWaiting.getCause()).status());
    }
    assertEquals("B", commit.run("b"));
    assertFalse(
        batches.stream().anyMatch(batch -> batch.contains("late")),
        "the late job was skipped: " + batches);
  }

  @Test
  void aFullQueueIsBusyAtOnce() throws Exception {
    start(1, Duration.ofSeconds(10), GroupCommitTest::upperCase);
    CompletableFuture<String> first = holdTheWorker();
    CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> commit.run("a"));
    awaitWaiting(1);
    assertEquals(503, assertThrows(Refusal.class, () -> commit.run("b")).status());
    release.countDown();
    assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
    assertEquals("A", queued.get(10, TimeUnit.SECONDS));
  }

  @Test
  void closingRunsTheJobsAlreadyQueuedAndRefusesNewOnes() throws Exception {
    start(100, Duration.ofSeconds(10), GroupCommitTest::upperCase);
    CompletableFuture<String> first = holdTheWorker();
    CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> commit.run("a"));
    awaitWaiting(1);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> commit.close());
    while (!commit.isClosed()) {
      Thread.sleep(1);
    }
    // Closed to new jobs, it waits for the batch under way and the job queued behind it...
    assertEquals(503, assertThrows(Refusal.class, () -> commit.run("b")).status());
    Thread.sleep(50);
    assertFalse(closing.isDone());
    // ...which are both answered, not refused, once the batch under way ends.
    release.countDown();
    assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
    assertEquals("A", queued.get(10, TimeUnit.SECONDS));
    closing.get(10, TimeUnit.SECONDS);
    assertEquals(503, assertThrows(Refusal.class, () -> commit.run("c")).status());
    assertEquals(List.of(List.of("first"), List.of("a")), batches);
  }

  @Test
  void jobsStillWaitingWhenTheGracePeriodEndsAreToldTheServerIsBusy() throws Exception {
    start(100, Duration.ofSeconds(10), GroupCommitTest::upperCase);
    CompletableFuture<String> first = holdTheWorker();
    CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> commit.run("a"));
    awaitWaiting(1);
    commit.close(Duration.ofMillis(50));
    Throwable busy = failure(waiting);
    assertTrue(busy instanceof Refusal && ((Refusal) busy).status() == 503, busy.toString());
    // A batch under way when the server stops still ends and answers.
    release.countDown();
    assertEquals("FIRST", first.get(10, TimeUnit.SECONDS));
  }
}
