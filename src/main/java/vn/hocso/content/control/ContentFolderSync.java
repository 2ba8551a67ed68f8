package vn.hocso.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Stream;
import vn.hocso.platform.control.Digests;
import vn.hocso.platform.control.Sql;

/**
 * Brings a content folder's files into the store (src/docs/content-store.md). An empty database is
 * seeded from it. Afterwards a file is taken from the folder only when the folder gives a text
 * never seen before for it, and then only if nobody changed the file in the database since the
 * folder last gave it; a file that was changed here is held as a draft for an editor instead
 * ({@link Held}), never overwritten.
 *
 * <p>At start ({@link Mode#RELEASE}) a text the folder gave before changes nothing: an older
 * release restarting during a rolling update never undoes a newer one, and a file missing from the
 * folder stays. While developing with {@code CONTENT_WATCH=true} ({@link Mode#WATCH}) the folder is
 * the author's working copy: any text that differs from what it last gave is taken, and an unedited
 * file deleted from it is removed.
 */
@ApplicationScoped
public class ContentFolderSync {

  private static final Logger LOG = Logger.getLogger(ContentFolderSync.class.getName());

  public enum Mode {
    RELEASE,
    WATCH
  }

  /**
   * Texts the folder gave for files that were edited in the database: they become a draft of their
   * scope for an editor to read and publish, or not, each with the published revision it differs
   * from.
   */
  public record Held(String scope, Map<String, byte[]> bodies, Map<String, Long> baseRevisions) {}

  /** What a sync did: scopes whose published files changed, and scopes held for an editor. */
  public record Report(Set<String> changed, Set<String> held) {}

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject ContentStore store;
  @Inject Event<Held> held;

  private record Known(String scope, long revisionId, String publishedSha, String shippedSha) {}

  /**
   * Reads the folder and updates the store in one transaction. Two instances doing it at once do it
   * one after the other: the second finds the work done.
   */
  @Transactional
  public Report sync(Path folder, Mode mode, String holder) {
    return sync(folder, mode, holder, null);
  }

  /**
   * As {@link #sync(Path, Mode, String)}, for the files of {@code scopes} only (all when null). A
   * folder with no content file at all (unmounted, emptied by mistake) removes nothing.
   */
  @Transactional
  public Report sync(Path folder, Mode mode, String holder, Set<String> scopes) {
    Map<String, byte[]> files = read(folder);
    if (scopes != null) {
      files.keySet().removeIf(path -> !scopes.contains(ContentStore.scopeOf(path).orElse("")));
    }
    Sql.update(
        em,
        "UPDATE content_lock SET holder = ?, locked_at = ? WHERE name = 'folder'",
        List.of(holder, ContentStore.now()));

    Map<String, Known> known = new HashMap<>();
    Sql.query(
        em,
        "SELECT f.path, f.scope, f.revision_id, r.sha256, f.shipped_sha256 FROM content_file f"
            + " JOIN content_revision r ON r.id = f.revision_id",
        List.of(),
        row ->
            known.put(
                row.getString(1),
                new Known(row.getString(2), row.getLong(3), row.getString(4), row.getString(5))));
    Set<String> seen = new HashSet<>();
    Sql.query(
        em,
        "SELECT path, sha256 FROM content_shipped",
        List.of(),
        row -> seen.add(row.getString(1) + " " + row.getString(2)));

    Map<String, List<ContentStore.Change>> changes = new TreeMap<>();
    Map<String, Map<String, byte[]>> heldBodies = new TreeMap<>();
    Map<String, Map<String, Long>> heldBases = new TreeMap<>();
    Map<String, String> shipped = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String path = file.getKey();
      String scope = ContentStore.scopeOf(path).orElseThrow();
      String sha = Digests.sha256Hex(file.getValue());
      Known was = known.get(path);
      boolean seenBefore = seen.contains(path + " " + sha);
      boolean fresh =
          mode == Mode.RELEASE ? !seenBefore : was == null || !sha.equals(was.shippedSha());
      if (!seenBefore) {
        Sql.update(
            em,
            "INSERT INTO content_shipped (path, sha256, first_seen_at) VALUES (?, ?, ?)",
            List.of(path, sha, ContentStore.now()));
      }
      if (!fresh) {
        continue;
      }
      shipped.put(path, sha);
      if (was != null && sha.equals(was.publishedSha())) {
        continue;
      }
      if (was == null || Objects.equals(was.publishedSha(), was.shippedSha())) {
        changes
            .computeIfAbsent(scope, any -> new ArrayList<>())
            .add(new ContentStore.Change(path, file.getValue()));
      } else {
        heldBodies.computeIfAbsent(scope, any -> new TreeMap<>()).put(path, file.getValue());
        heldBases.computeIfAbsent(scope, any -> new TreeMap<>()).put(path, was.revisionId());
      }
    }
    if (scopes != null) {
      known.entrySet().removeIf(entry -> !scopes.contains(entry.getValue().scope()));
    }
    if (mode == Mode.WATCH && !files.isEmpty()) {
      known.forEach(
          (path, was) -> {
            if (!files.containsKey(path)
                && was.shippedSha() != null
                && Objects.equals(was.publishedSha(), was.shippedSha())) {
              changes
                  .computeIfAbsent(was.scope(), any -> new ArrayList<>())
                  .add(new ContentStore.Change(path, null));
              shipped.put(path, null);
            }
          });
    }

    Map<String, byte[]> publishedNow = new HashMap<>();
    if (!changes.isEmpty()) {
      store
          .published(changes.keySet())
          .forEach((path, file) -> publishedNow.put(path, file.body()));
    }
    for (Map.Entry<String, List<ContentStore.Change>> scopeChanges : changes.entrySet()) {
      String scope = scopeChanges.getKey();
      Map<String, byte[]> after = new HashMap<>();
      publishedNow.forEach(
          (path, body) -> {
            if (ContentStore.scopeOf(path).orElse("").equals(scope)) {
              after.put(path, body);
            }
          });
      for (ContentStore.Change change : scopeChanges.getValue()) {
        if (change.body() == null) {
          after.remove(change.path());
        } else {
          after.put(change.path(), change.body());
        }
      }
      boolean seeding =
          scopeChanges.getValue().stream().allMatch(c -> !known.containsKey(c.path()));
      String version =
          ContentStore.isModule(scope) && !after.isEmpty()
              ? ContentStore.version(scope, after)
              : null;
      store.write(
          scope,
          scopeChanges.getValue(),
          seeding ? "seed" : "folder",
          "folder",
          null,
          "Từ thư mục nội dung (" + holder + ")",
          null,
          version);
    }
    shipped.forEach(
        (path, sha) ->
            Sql.update(
                em,
                "UPDATE content_file SET shipped_sha256 = ? WHERE path = ?",
                java.util.Arrays.asList(sha, path)));
    for (String scope : heldBodies.keySet()) {
      held.fire(new Held(scope, heldBodies.get(scope), heldBases.get(scope)));
    }
    if (!changes.isEmpty() || !heldBodies.isEmpty()) {
      LOG.info(
          () ->
              "Content folder "
                  + folder
                  + ": published "
                  + changes.keySet()
                  + ", held for an editor "
                  + heldBodies.keySet());
    }
    return new Report(new TreeSet<>(changes.keySet()), new TreeSet<>(heldBodies.keySet()));
  }

  /** The folder's content files by path, with forward slashes; none if it does not exist. */
  static Map<String, byte[]> read(Path folder) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String path = folder.relativize(file).toString().replace('\\', '/');
        if (ContentStore.scopeOf(path).isEmpty()) {
          continue;
        }
        if (Files.size(file) > ContentStore.MAX_BODY_BYTES) {
          LOG.warning(() -> "Content file too large to store, left out: " + path);
          continue;
        }
        try {
          files.put(path, Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
          // Deleted while the folder was read: the next change event reads it again.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
