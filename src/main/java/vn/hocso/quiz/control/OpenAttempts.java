package vn.hocso.quiz.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.hocso.quiz.control.Attempts.Sheet;

/**
 * The attempts this server started most recently and has not seen submitted, as they were started:
 * a submission to one of them is scored without reading its row first. What a submission is scored
 * against (owner, quiz version, questions shown, pass mark, expiry) never changes once an attempt
 * is started, so a copy here is never out of date for that; whether the attempt is still open is
 * decided by the database when the submission is stored ({@link AttemptStore#submitAll}). Bounded:
 * past {@code capacity} the oldest are dropped, and a submission to an attempt not here (dropped,
 * or started by another instance) reads its row instead.
 */
final class OpenAttempts {

  private final Map<String, Sheet> byId;

  OpenAttempts(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.byId =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Sheet> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void started(Sheet sheet) {
    byId.put(sheet.attempt().id(), sheet);
  }

  synchronized Optional<Sheet> get(String attemptId) {
    return Optional.ofNullable(byId.get(attemptId));
  }

  /** Forgets an attempt once a submission to it was answered: stored, refused or expired. */
  synchronized void done(String attemptId) {
    byId.remove(attemptId);
  }

  synchronized int size() {
    return byId.size();
  }
}
