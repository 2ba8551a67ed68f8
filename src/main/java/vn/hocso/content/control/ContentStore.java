package vn.hocso.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hocso.platform.control.Digests;
import vn.hocso.platform.control.Sql;

/**
 * The published curriculum in the database (src/docs/content-store.md): each file of the content
 * folder as a chain of revisions, the one published now, a serial per scope that every instance
 * watches, and a record of every change. Writes happen in the caller's transaction.
 *
 * <p>A scope is what changes together and what instances reload together: a module (its id), or the
 * {@code programs} folder ({@value #PROGRAMS}) or the {@code skills} folder ({@value #SKILLS}).
 */
@ApplicationScoped
public class ContentStore {

  public static final String PROGRAMS = "_programs";
  public static final String SKILLS = "_skills";

  /** The largest file the store keeps: a Markdown file or an image is far below it. */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private static final Pattern MODULE_FILE =
      Pattern.compile("modules/((?=[^/]{1,64}/)[a-z0-9]+(?:-[a-z0-9]+)*)/[^/].*");
  private static final Pattern TOP_FILE = Pattern.compile("(programs|skills)/[^/]+");

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  /** One published file. */
  public record StoredFile(String path, String scope, long revisionId, byte[] body) {}

  /** A change of one file: new bytes, or {@code null} to remove it. */
  public record Change(String path, byte[] body) {}

  /** A revision of a file, as the history lists it. */
  public record Revision(
      long id,
      String path,
      String sha256,
      String source,
      Long accountId,
      String comment,
      Long publishId,
      Instant createdAt,
      boolean published) {

    public boolean removal() {
      return sha256 == null;
    }
  }

  /** A scope's row: its serial, its content version and whether it is retired. */
  public record Scope(String scope, long serial, String version, Instant retiredAt) {}

  /** A record of one change of a scope's content, for the audit trail. */
  public record Publish(
      long id,
      String scope,
      String action,
      String oldVersion,
      String newVersion,
      Long accountId,
      Long draftId,
      String comment,
      Instant at) {}

  /**
   * The scope a path of the content folder belongs to, or empty when the folder format has no place
   * for it (only {@code modules/<id>/…}, {@code programs/<file>} and {@code skills/<file>} count).
   * Paths with {@code ..}, backslashes, empty or hidden parts have no scope.
   */
  public static Optional<String> scopeOf(String path) {
    if (path == null || path.length() > 300 || path.contains("\\") || path.startsWith("/")) {
      return Optional.empty();
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.startsWith(".") || part.endsWith("~")) {
        return Optional.empty();
      }
    }
    Matcher module = MODULE_FILE.matcher(path);
    if (module.matches()) {
      return Optional.of(module.group(1));
    }
    Matcher top = TOP_FILE.matcher(path);
    if (top.matches()) {
      return Optional.of(top.group(1).equals("programs") ? PROGRAMS : SKILLS);
    }
    return Optional.empty();
  }

  /** Where a scope's files lie in the content folder: {@code modules/vneid}, {@code programs}. */
  public static String folderOf(String scope) {
    return switch (scope) {
      case PROGRAMS -> "programs";
      case SKILLS -> "skills";
      default -> "modules/" + scope;
    };
  }

  public static boolean isModule(String scope) {
    return !scope.equals(PROGRAMS) && !scope.equals(SKILLS);
  }

  /** Every scope's serial: the cheap query each instance repeats to notice changes. */
  @Transactional
  public Map<String, Long> serials() {
    Map<String, Long> serials = new HashMap<>();
    Sql.query(
        em,
        "SELECT scope, serial FROM content_scope",
        List.of(),
        row -> serials.put(row.getString(1), row.getLong(2)));
    return serials;
  }

  @Transactional
  public Optional<Scope> scope(String scope) {
    return Sql.query(
            em,
            "SELECT scope, serial, version, retired_at FROM content_scope WHERE scope = ?",
            List.of(scope),
            ContentStore::scopeRow)
        .stream()
        .findFirst();
  }

  @Transactional
  public List<Scope> scopes() {
    return Sql.query(
        em,
        "SELECT scope, serial, version, retired_at FROM content_scope ORDER BY scope",
        List.of(),
        ContentStore::scopeRow);
  }

  /**
   * The published files of the scopes named (all when {@code scopes} is null), removed files and
   * retired modules left out, by path.
   */
  @Transactional
  public Map<String, StoredFile> published(Set<String> scopes) {
    List<Object> values = new ArrayList<>();
    String where = "";
    if (scopes != null) {
      if (scopes.isEmpty()) {
        return Map.of();
      }
      where = " AND f.scope IN (" + Sql.placeholders(scopes.size()) + ")";
      values.addAll(scopes);
    }
    Map<String, StoredFile> files = new TreeMap<>();
    Sql.query(
        em,
        "SELECT f.path, f.scope, r.id, r.body FROM content_file f"
            + " JOIN content_revision r ON r.id = f.revision_id"
            + " LEFT JOIN content_scope s ON s.scope = f.scope"
            + " WHERE r.body IS NOT NULL AND s.retired_at IS NULL"
            + where,
        values,
        row -> {
          StoredFile file =
              new StoredFile(row.getString(1), row.getString(2), row.getLong(3), row.getBytes(4));
          return files.put(file.path(), file);
        });
    return files;
  }

  /** Each file of the scope with its published revision id, removed ones included. */
  @Transactional
  public Map<String, Long> publishedRevisions(String scope) {
    Map<String, Long> revisions = new TreeMap<>();
    Sql.query(
        em,
        "SELECT path, revision_id FROM content_file WHERE scope = ?",
        List.of(scope),
        row -> revisions.put(row.getString(1), row.getLong(2)));
    return revisions;
  }

  /** The published revision of one file, if it was ever published (it may be a removal). */
  @Transactional
  public Optional<Long> publishedRevision(String path) {
    return Sql.query(
            em,
            "SELECT revision_id FROM content_file WHERE path = ?",
            List.of(path),
            row -> row.getLong(1))
        .stream()
        .findFirst();
  }

  /** A revision's bytes ({@code null} for a removal), if the revision exists. */
  @Transactional
  public Optional<Optional<byte[]>> body(long revisionId) {
    return Sql.query(
            em,
            "SELECT body FROM content_revision WHERE id = ?",
            List.of(revisionId),
            row -> Optional.ofNullable(row.getBytes(1)))
        .stream()
        .findFirst();
  }

  @Transactional
  public Optional<Revision> revision(long revisionId) {
    return Sql.query(
            em,
            REVISION_COLUMNS + " WHERE r.id = ?",
            List.of(revisionId),
            ContentStore::revisionRow)
        .stream()
        .findFirst();
  }

  /** Every revision of a file, newest first. */
  @Transactional
  public List<Revision> history(String path) {
    return Sql.query(
        em,
        REVISION_COLUMNS + " WHERE r.path = ? ORDER BY r.id DESC",
        List.of(path),
        ContentStore::revisionRow);
  }

  /** The files a scope ever had, with their published revision, removed ones included. */
  @Transactional
  public List<Revision> files(String scope) {
    return Sql.query(
        em,
        REVISION_COLUMNS
            + " JOIN content_file f ON f.revision_id = r.id WHERE f.scope = ?"
            + " ORDER BY r.path",
        List.of(scope),
        ContentStore::revisionRow);
  }

  /** The changes of a scope, newest first. */
  @Transactional
  public List<Publish> publishes(String scope, int limit) {
    return Sql.query(
        em,
        "SELECT id, scope, action, old_version, new_version, account_id, draft_id, comment,"
            + " published_at FROM content_publish WHERE scope = ? ORDER BY id DESC LIMIT ?",
        List.of(scope, limit),
        row ->
            new Publish(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getObject(6, Long.class),
                row.getObject(7, Long.class),
                row.getString(8),
                row.getTimestamp(9).toInstant()));
  }

  /**
   * Takes the scope's row lock for the rest of the transaction (creating the row if the scope is
   * new), so that two changes of one module are made one after the other.
   *
   * @return the scope as it is once the lock is held
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Scope lock(String scope) {
    Sql.update(
        em,
        "INSERT INTO content_scope (scope, serial, changed_at) VALUES (?, 0, ?)"
            + " ON DUPLICATE KEY UPDATE serial = serial",
        List.of(scope, now()));
    return Sql.query(
            em,
            "SELECT scope, serial, version, retired_at FROM content_scope WHERE scope = ?"
                + " FOR UPDATE",
            List.of(scope),
            ContentStore::scopeRow)
        .get(0);
  }

  /**
   * Publishes {@code changes} to the files of one scope, in the caller's transaction: a new
   * revision for each, the scope's serial moved on so that every instance reloads it, and a record
   * of the change. The caller holds the scope's {@link #lock}.
   *
   * @param newVersion the module's content version after the change (null for programs and skills)
   * @return the id of the record of the change
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long write(
      String scope,
      List<Change> changes,
      String action,
      String source,
      Long accountId,
      String comment,
      Long draftId,
      String newVersion) {
    Scope before = lock(scope);
    Timestamp now = now();
    Sql.update(
        em,
        "INSERT INTO content_publish (scope, action, old_version, new_version, account_id,"
            + " draft_id, comment, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        Arrays.asList(
            scope, action, before.version(), newVersion, accountId, draftId, clip(comment), now));
    long publishId = lastId();
    for (Change change : changes) {
      if (!scopeOf(change.path()).orElse("").equals(scope)) {
        throw new IllegalArgumentException(change.path() + " is not in " + scope);
      }
      byte[] body = change.body();
      Sql.update(
          em,
          "INSERT INTO content_revision (path, scope, sha256, body, source, account_id, comment,"
              + " publish_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Arrays.asList(
              change.path(),
              scope,
              body == null ? null : Digests.sha256Hex(body),
              body,
              source,
              accountId,
              clip(comment),
              publishId,
              now));
      long revisionId = lastId();
      Sql.update(
          em,
          "INSERT INTO content_file (path, scope, revision_id) VALUES (?, ?, ?)"
              + " ON DUPLICATE KEY UPDATE revision_id = VALUES(revision_id)",
          List.of(change.path(), scope, revisionId));
    }
    Sql.update(
        em,
        "UPDATE content_scope SET serial = serial + 1, version = ?, changed_at = ? WHERE scope = ?",
        Arrays.asList(newVersion, now, scope));
    return publishId;
  }

  /** Hides a module from residents, or brings it back; its files and records stay. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long retire(String scope, boolean retired, Long accountId, String comment) {
    Scope before = lock(scope);
    Timestamp now = now();
    Sql.update(
        em,
        "UPDATE content_scope SET serial = serial + 1, retired_at = ?, retired_by = ?,"
            + " changed_at = ? WHERE scope = ?",
        Arrays.asList(retired ? now : null, retired ? accountId : null, now, scope));
    Sql.update(
        em,
        "INSERT INTO content_publish (scope, action, old_version, new_version, account_id,"
            + " comment, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        Arrays.asList(
            scope,
            retired ? "retire" : "unretire",
            before.version(),
            before.version(),
            accountId,
            clip(comment),
            now));
    return lastId();
  }

  /** The id the connection's last INSERT gave. */
  private long lastId() {
    return Sql.query(em, "SELECT LAST_INSERT_ID()", List.of(), row -> row.getLong(1)).get(0);
  }

  /**
   * The content version a module's files give, as {@link ContentLoader} computes it from a folder:
   * the same files give the same version wherever they are.
   */
  public static String version(String scope, Map<String, byte[]> filesByPath) {
    String prefix = folderOf(scope) + "/";
    Map<String, byte[]> relative = new LinkedHashMap<>();
    new TreeMap<>(filesByPath)
        .forEach(
            (path, body) -> {
              if (path.startsWith(prefix)) {
                relative.put(path.substring(prefix.length()), body);
              }
            });
    return ContentVersions.of(relative);
  }

  private static final String REVISION_COLUMNS =
      "SELECT r.id, r.path, r.sha256, r.source, r.account_id, r.comment, r.publish_id,"
          + " r.created_at, (SELECT COUNT(*) FROM content_file p WHERE p.revision_id = r.id)"
          + " FROM content_revision r";

  private static Revision revisionRow(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Revision(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getObject(5, Long.class),
        row.getString(6),
        row.getObject(7, Long.class),
        row.getTimestamp(8).toInstant(),
        row.getLong(9) > 0);
  }

  private static Scope scopeRow(java.sql.ResultSet row) throws java.sql.SQLException {
    Timestamp retired = row.getTimestamp(4);
    return new Scope(
        row.getString(1),
        row.getLong(2),
        row.getString(3),
        retired == null ? null : retired.toInstant());
  }

  private static String clip(String comment) {
    if (comment == null) {
      return null;
    }
    return comment.length() <= 500 ? comment : comment.substring(0, 500);
  }

  static Timestamp now() {
    return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }
}
