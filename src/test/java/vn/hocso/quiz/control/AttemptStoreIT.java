package vn.hocso.quiz.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hocso.content.entity.ModuleVersion;
import vn.hocso.platform.control.Sql;
import vn.hocso.platform.entity.InstantConverter;
import vn.hocso.quiz.entity.Attempt;

/** Attempt rows on the real MariaDB, inside the running server: exactly-once submission. */
@ExtendWith(ArquillianExtension.class)
class AttemptStoreIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "attempt-store-it.war")
        .addClasses(
            AttemptStore.class,
            Attempt.class,
            ModuleVersion.class,
            InstantConverter.class,
            Sql.class)
        .addAsResource("META-INF/persistence.xml")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject AttemptStore store;

  private static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private Attempt stored(Instant expires) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Attempt attempt =
        new Attempt(
            newId(), "vneid", "aaaaaaaaaaaa", "b".repeat(64), null, "[]", 8, 80, now, expires);
    add(attempt);
    return attempt;
  }

  /** The store runs in its caller's transaction, as Attempts gives it one. */
  private void add(Attempt attempt) throws Exception {
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
    transaction.begin();
    store.addAll(List.of(attempt));
    transaction.commit();
  }

  /** What Attempts#submit does with the store: lock the row, submit unless already done. */
  private boolean submit(String id, int score, Instant now) throws Exception {
    UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
    transaction.begin();
    try {
      Attempt attempt = store.lock(List.of(id)).get(id);
      if (attempt.isSubmitted() || attempt.isExpired(now)) {
        return false;
      }
      attempt.submit(now, "{}", "c".repeat(63) + score, score, score >= 7, "[]");
      store.submitAll(List.of(attempt));
      return true;
    } finally {
      transaction.commit();
    }
  }

  @Test
  void anAttemptIsStoredAndReadBack() throws Exception {
    Attempt attempt = stored(Instant.now().plus(Duration.ofHours(24)));
    Attempt read = store.find(attempt.id()).orElseThrow();
    assertEquals("vneid", read.moduleId());
    assertEquals(80, read.passMark());
    assertEquals(attempt.startedAt(), read.startedAt());
    assertFalse(read.isSubmitted());
  }

  @Test
  void concurrentSubmissionsStoreExactlyOne() throws Exception {
    Attempt attempt = stored(Instant.now().plus(Duration.ofHours(24)));
    ManagedExecutorService executor =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    List<Callable<Boolean>> submissions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int score = i % 8;
      submissions.add(() -> submit(attempt.id(), score, Instant.now()));
    }
    int stored = 0;
    for (Future<Boolean> result : executor.invokeAll(submissions)) {
      stored += result.get() ? 1 : 0;
    }
    assertEquals(1, stored, "exactly one submission stored");
    Attempt read = store.find(attempt.id()).orElseThrow();
    assertTrue(read.isSubmitted());
    assertEquals(read.answersHash(), "c".repeat(63) + read.score(), "one submission, whole");
    assertFalse(submit(attempt.id(), 7, Instant.now()));
  }

  @Test
  void anExpiredAttemptTakesNoSubmission() throws Exception {
    Attempt attempt = stored(Instant.now().minusSeconds(1));
    assertFalse(submit(attempt.id(), 8, Instant.now()));
    assertFalse(store.find(attempt.id()).orElseThrow().isSubmitted());
  }

  @Test
  void policyQueriesCountPerOwnerAndModule() throws Exception {
    String owner = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i < 3; i++) {
      add(
          new Attempt(
              newId(),
              "vneid",
              "aaaaaaaaaaaa",
              owner,
              null,
              "[]",
              8,
              80,
              now.minusSeconds(60L * i),
              now.plusSeconds(3600)));
    }
    add(
        new Attempt(
            newId(),
            "chu-ky-so",
            "aaaaaaaaaaaa",
            owner,
            null,
            "[]",
            8,
            80,
            now,
            now.plusSeconds(3600)));
    assertEquals(3, store.countStartedSince(owner, "vneid", now.minusSeconds(3600)));
    assertEquals(2, store.countStartedSince(owner, "vneid", now.minusSeconds(90)));
    assertEquals(now, store.latestStart(owner, "vneid").orElseThrow());
    assertTrue(store.latestStart(owner, "tro-ly-ai").isEmpty());
  }
}
