package vn.hocso.authoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.regex.Pattern;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ContentFolderSync;
import vn.hocso.content.control.ContentLoader;
import vn.hocso.content.control.ContentStore;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.platform.control.Refusal;
import vn.hocso.platform.control.Sql;

/**
 * Drafts of the curriculum (src/docs/content-store.md): a trainer writes one, saves it as often as
 * needed (each save is checked as {@code check-content} checks a folder), submits it; an editor
 * reads it against the published text, returns it with a comment or publishes it. Publishing is one
 * transaction under the module's lock: a new revision of every changed file and a new content
 * version of the module, or nothing.
 */
@ApplicationScoped
public class Drafts {

  public static final String EDITING = "editing";
  public static final String SUBMITTED = "submitted";
  public static final String RETURNED = "returned";
  public static final String PUBLISHED = "published";
  public static final String WITHDRAWN = "withdrawn";

  private static final Pattern SCOPE =
      Pattern.compile("(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*|_programs|_skills");

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject ContentStore store;
  @Inject CandidateCheck check;
  @Inject ContentCatalog catalog;

  /** A draft without its files, as lists show it. */
  public record Summary(
      long id,
      String scope,
      String title,
      String status,
      Long authorId,
      String authorName,
      Instant createdAt,
      Instant updatedAt,
      String reviewComment,
      Long reviewerId,
      String reviewerName,
      Instant reviewedAt,
      Long publishId,
      int fileCount) {}

  /**
   * One file of a draft. {@code text} is the Markdown (null for an image or a removal); {@code
   * revision} is what the next save names; {@code baseRevision} is the published revision it was
   * written from (null: a new file).
   */
  public record DraftFile(
      String path,
      String text,
      String contentType,
      int size,
      boolean removed,
      int revision,
      Long baseRevision,
      Instant savedAt) {}

  /** A draft with its files and what the check finds in the curriculum it would make. */
  public record Draft(Summary draft, List<DraftFile> files, CandidateCheck.Outcome check) {}

  /** What a save gives: the file as saved, and the check of the whole draft after it. */
  public record Saved(DraftFile file, CandidateCheck.Outcome check) {}

  /** What a publish gives: the record of it and the module's content versions. */
  public record Published(long draftId, long publishId, String oldVersion, String newVersion) {}

  @Transactional
  public Summary create(Account author, String scope, String title) {
    require(author, Permission.WRITE_DRAFTS);
    if (scope == null || !SCOPE.matcher(scope).matches()) {
      throw new Refusal(
          400,
          "Mã học phần chỉ gồm chữ thường không dấu, số và dấu gạch ngang (hoặc _programs,"
              + " _skills).");
    }
    String name = title == null ? "" : title.strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new Refusal(400, "Hãy đặt tên cho bản nháp (tối đa 200 ký tự).");
    }
    Timestamp now = now();
    Sql.update(
        em,
        "INSERT INTO content_draft (scope, title, status, author_id, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        List.of(scope, name, EDITING, author.id(), now, now));
    long id = lastId();
    return summary(id).orElseThrow();
  }

  /** Drafts the account may read: its own, or every draft for an editor; newest first. */
  @Transactional
  public List<Summary> list(Account viewer, String status) {
    require(viewer, Permission.WRITE_DRAFTS);
    List<Object> values = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (!viewer.can(Permission.PUBLISH_CONTENT)) {
      where.append(" AND d.author_id = ?");
      values.add(viewer.id());
    }
    if (status != null && !status.isBlank()) {
      where.append(" AND d.status = ?");
      values.add(status);
    }
    return Sql.query(
        em, SUMMARY + where + " GROUP BY d.id ORDER BY d.id DESC LIMIT 500", values, Drafts::row);
  }

  @Transactional
  public Draft get(Account viewer, long id) {
    Summary summary = readable(viewer, id);
    List<DraftFile> files = files(id);
    return new Draft(summary, files, checkOf(summary.scope(), id));
  }

  /** A draft with its files, without the check of the curriculum it makes. */
  public record Files(Summary draft, List<DraftFile> files) {}

  /** The draft and its files, for pages that edit them; {@link #get} adds the check. */
  @Transactional
  public Files files(Account viewer, long id) {
    return new Files(readable(viewer, id), files(id));
  }

  /**
   * One file of the draft, named inside its folder ({@code 10-bai/anh.jpg}), as bytes: {@link
   * Changes#files()} holds it, under its full path, only when the draft changes it. For serving a
   * draft's picture without reading its other files.
   */
  @Transactional
  public Changes change(Account viewer, long id, String file) {
    Summary summary = readable(viewer, id);
    Map<String, byte[]> files = new LinkedHashMap<>();
    storedFile(id, ContentStore.folderOf(summary.scope()) + "/" + file)
        .ifPresent(stored -> files.put(stored.path(), stored.body()));
    return new Changes(summary, java.util.Collections.unmodifiableMap(files));
  }

  /** A draft's scope and its files' bytes by path (null: the draft removes the file). */
  public record Changes(Summary draft, Map<String, byte[]> files) {}

  /** What the draft changes, for a preview of the module as it would be published. */
  @Transactional
  public Changes changes(Account viewer, long id) {
    Summary summary = readable(viewer, id);
    Map<String, byte[]> files = new LinkedHashMap<>();
    storedFiles(id).forEach(file -> files.put(file.path(), file.body()));
    return new Changes(summary, java.util.Collections.unmodifiableMap(files));
  }

  /**
   * Saves one file of a draft. {@code revision} is the draft file's revision the text was written
   * from (0 for a file not yet in the draft) and {@code baseRevision} the published revision (null
   * for a new file). A save made from an older revision is refused with both texts, and the refused
   * text is kept.
   */
  @Transactional(dontRollbackOn = DraftRefusal.class)
  public Saved save(
      Account author, long id, String path, byte[] body, int revision, Long baseRevision) {
    Summary summary = writable(author, id);
    checkPath(summary.scope(), path);
    checkBody(path, body);
    Optional<StoredDraftFile> stored = storedFile(id, path);
    int current = stored.map(StoredDraftFile::revision).orElse(0);
    if (revision != current) {
      keepRefused(id, path, body, author);
      throw conflict(
          "Tệp này vừa được lưu bởi người khác (lần lưu "
              + current
              + "); bản của bạn dựa trên lần lưu "
              + revision
              + ". Cả hai bản đều được giữ: hãy gộp lại rồi lưu.",
          path,
          body,
          stored.map(StoredDraftFile::body).orElse(null),
          current,
          "draft");
    }
    Long base = stored.isPresent() ? stored.get().baseRevision() : baseRevision;
    if (stored.isEmpty()) {
      Long published = store.publishedRevision(path).orElse(null);
      if (published != null && !published.equals(baseRevision)) {
        keepRefused(id, path, body, author);
        throw conflict(
            "Tệp này đã có bản đăng mới hơn bản bạn sửa. Cả hai bản đều được giữ: hãy gộp lại"
                + " rồi lưu với bản đăng mới.",
            path,
            body,
            store.body(published).flatMap(text -> text).orElse(null),
            published,
            "published");
      }
      if (body == null && published == null) {
        throw new Refusal(404, "Không có tệp `" + path + "` để xóa.");
      }
      base = published;
    }
    Timestamp now = now();
    Sql.update(
        em,
        "INSERT INTO content_draft_file (draft_id, path, body, base_revision_id, revision,"
            + " saved_by, saved_at) VALUES (?, ?, ?, ?, 1, ?, ?) ON DUPLICATE KEY UPDATE"
            + " body = VALUES(body), revision = revision + 1, saved_by = VALUES(saved_by),"
            + " saved_at = VALUES(saved_at)",
        Arrays.asList(id, path, body, base, author.id(), now));
    touch(id, summary.status());
    DraftFile saved = storedFile(id, path).map(Drafts::view).orElseThrow();
    return new Saved(saved, checkOf(summary.scope(), id));
  }

  /** Hands the draft to the editors. */
  @Transactional
  public Summary submit(Account author, long id) {
    Summary summary = writable(author, id);
    if (summary.fileCount() == 0) {
      throw new Refusal(400, "Bản nháp chưa có thay đổi nào để gửi duyệt.");
    }
    setStatus(id, SUBMITTED);
    return summary(id).orElseThrow();
  }

  /** The author gives the draft up; it stays readable. */
  @Transactional
  public Summary withdraw(Account author, long id) {
    writable(author, id);
    setStatus(id, WITHDRAWN);
    return summary(id).orElseThrow();
  }

  /** An editor sends the draft back to its author with a comment the author reads. */
  @Transactional
  public Summary returnToAuthor(Account editor, long id, String comment) {
    require(editor, Permission.PUBLISH_CONTENT);
    Summary summary = locked(id);
    if (!summary.status().equals(SUBMITTED)) {
      throw new Refusal(409, "Chỉ trả lại được bản nháp đang chờ duyệt.");
    }
    String text = comment == null ? "" : comment.strip();
    if (text.isEmpty() || text.length() > 2000) {
      throw new Refusal(400, "Hãy viết nhận xét cho người soạn (tối đa 2.000 ký tự).");
    }
    Sql.update(
        em,
        "UPDATE content_draft SET status = ?, review_comment = ?, reviewer_id = ?,"
            + " reviewed_at = ?, updated_at = ? WHERE id = ?",
        List.of(RETURNED, text, editor.id(), now(), now(), id));
    return summary(id).orElseThrow();
  }

  /**
   * Publishes a submitted draft: refused when the curriculum it makes has a problem, when a file
   * was published again since the draft was written, or when the draft is published already (so the
   * same draft published twice at once gives one version).
   */
  @Transactional
  public Published publish(Account editor, long id, String comment) {
    require(editor, Permission.PUBLISH_CONTENT);
    Summary summary = locked(id);
    if (summary.status().equals(PUBLISHED)) {
      throw new Refusal(409, "Bản nháp này đã được đăng.");
    }
    if (!summary.status().equals(SUBMITTED)) {
      throw new Refusal(409, "Chỉ đăng được bản nháp đang chờ duyệt.");
    }
    String scope = summary.scope();
    ContentStore.Scope before = store.lock(scope);
    Map<String, byte[]> changes = new LinkedHashMap<>();
    for (StoredDraftFile file : storedFiles(id)) {
      Long published = store.publishedRevision(file.path()).orElse(null);
      if (published != null && !published.equals(file.baseRevision())) {
        throw conflict(
            "Tệp "
                + file.path()
                + " đã có bản đăng mới hơn bản nháp. Hãy trả bản nháp để người soạn gộp lại.",
            file.path(),
            file.body(),
            store.body(published).flatMap(text -> text).orElse(null),
            published,
            "published");
      }
      changes.put(file.path(), file.body());
    }
    CandidateCheck.Outcome outcome = check.check(scope, publishedBodies(), changes);
    if (!outcome.publishable()) {
      Map<String, Object> details = new HashMap<>();
      details.put("problems", outcome.printed());
      throw new DraftRefusal(
          422,
          "Chưa đăng được: nội dung còn lỗi. Sửa các lỗi dưới đây rồi gửi duyệt lại.",
          details);
    }
    List<ContentStore.Change> writes = new ArrayList<>();
    changes.forEach((path, body) -> writes.add(new ContentStore.Change(path, body)));
    String text = comment == null || comment.isBlank() ? summary.title() : comment.strip();
    long publishId =
        store.write(scope, writes, "publish", "draft", editor.id(), text, id, outcome.version());
    Sql.update(
        em,
        "UPDATE content_draft SET status = ?, reviewer_id = ?, reviewed_at = ?, publish_id = ?,"
            + " updated_at = ? WHERE id = ?",
        List.of(PUBLISHED, editor.id(), now(), publishId, now(), id));
    return new Published(id, publishId, before.version(), outcome.version());
  }

  /** A new draft holding an old revision's text, to publish again after review. */
  @Transactional
  public Summary restore(Account author, long revisionId) {
    require(author, Permission.WRITE_DRAFTS);
    ContentStore.Revision revision =
        store.revision(revisionId).orElseThrow(() -> new Refusal(404, "Không có bản sửa đổi này."));
    String scope = ContentStore.scopeOf(revision.path()).orElseThrow();
    byte[] body = store.body(revisionId).flatMap(text -> text).orElse(null);
    Summary draft =
        create(
            author,
            scope,
            "Khôi phục "
                + revision.path()
                + " về bản "
                + revisionId
                + " ("
                + dateOf(revision)
                + ")");
    Timestamp now = now();
    Sql.update(
        em,
        "INSERT INTO content_draft_file (draft_id, path, body, base_revision_id, revision,"
            + " saved_by, saved_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
        Arrays.asList(
            draft.id(),
            revision.path(),
            body,
            store.publishedRevision(revision.path()).orElse(null),
            author.id(),
            now));
    return summary(draft.id()).orElseThrow();
  }

  /**
   * A text the content folder gave for a file edited here becomes a submitted draft without an
   * author, for an editor to read; a later folder text for the same scope joins the same draft.
   */
  void onFolderTextHeld(@Observes ContentFolderSync.Held held) {
    Timestamp now = now();
    List<Long> open =
        Sql.query(
            em,
            "SELECT id FROM content_draft WHERE scope = ? AND author_id IS NULL AND status = ?"
                + " ORDER BY id DESC LIMIT 1",
            List.of(held.scope(), SUBMITTED),
            row -> row.getLong(1));
    long id;
    if (open.isEmpty()) {
      Sql.update(
          em,
          "INSERT INTO content_draft (scope, title, status, author_id, created_at, updated_at)"
              + " VALUES (?, ?, ?, NULL, ?, ?)",
          List.of(
              held.scope(),
              "Bản mới từ thư mục nội dung (bản phát hành) cho tệp đã được sửa trên trang",
              SUBMITTED,
              now,
              now));
      id = lastId();
    } else {
      id = open.get(0);
    }
    for (Map.Entry<String, byte[]> file : held.bodies().entrySet()) {
      Sql.update(
          em,
          "INSERT INTO content_draft_file (draft_id, path, body, base_revision_id, revision,"
              + " saved_by, saved_at) VALUES (?, ?, ?, ?, 1, NULL, ?) ON DUPLICATE KEY UPDATE"
              + " body = VALUES(body), base_revision_id = VALUES(base_revision_id),"
              + " revision = revision + 1, saved_at = VALUES(saved_at)",
          Arrays.asList(
              id, file.getKey(), file.getValue(), held.baseRevisions().get(file.getKey()), now));
    }
  }

  /** The draft's files with the published text each changes (null: none), for a diff. */
  @Transactional
  public Map<String, byte[][]> againstPublished(Account viewer, long id) {
    readable(viewer, id);
    Map<String, byte[][]> pairs = new LinkedHashMap<>();
    for (StoredDraftFile file : storedFiles(id)) {
      byte[] published =
          store
              .publishedRevision(file.path())
              .flatMap(store::body)
              .flatMap(text -> text)
              .orElse(null);
      pairs.put(file.path(), new byte[][] {published, file.body()});
    }
    return pairs;
  }

  // ----------------------------------------------------------------------------------------------

  private record StoredDraftFile(
      String path, byte[] body, Long baseRevision, int revision, Instant savedAt) {}

  /**
   * The check a save answers with, against the curriculum this instance serves (at most a poll
   * behind the database); publishing checks again against the database, under the module's lock.
   */
  private CandidateCheck.Outcome checkOf(String scope, long id) {
    Map<String, byte[]> changes = new LinkedHashMap<>();
    storedFiles(id).forEach(file -> changes.put(file.path(), file.body()));
    return check.check(scope, catalog.publishedFiles(), changes);
  }

  private Map<String, byte[]> publishedBodies() {
    Map<String, byte[]> bodies = new HashMap<>();
    store.published(null).forEach((path, file) -> bodies.put(path, file.body()));
    return bodies;
  }

  static void require(Account account, Permission permission) {
    if (!account.can(permission)) {
      throw new Refusal(403, "Vai trò của bạn không làm được việc này.");
    }
  }

  private Summary readable(Account viewer, long id) {
    require(viewer, Permission.WRITE_DRAFTS);
    Summary summary =
        summary(id).orElseThrow(() -> new Refusal(404, "Không có bản nháp số " + id + "."));
    if (!viewer.can(Permission.PUBLISH_CONTENT) && !viewer.id().equals(summary.authorId())) {
      throw new Refusal(
          403, "Bản nháp này của người khác: chỉ người soạn và biên tập viên xem được.");
    }
    return summary;
  }

  /** The draft, locked for this transaction, when the account may change it now. */
  private Summary writable(Account author, long id) {
    readable(author, id);
    Summary summary = locked(id);
    if (!author.can(Permission.PUBLISH_CONTENT) && !author.id().equals(summary.authorId())) {
      throw new Refusal(403, "Bản nháp này của người khác.");
    }
    if (summary.status().equals(PUBLISHED) || summary.status().equals(WITHDRAWN)) {
      throw new Refusal(
          409,
          summary.status().equals(PUBLISHED)
              ? "Bản nháp này đã được đăng: hãy tạo bản nháp mới."
              : "Bản nháp này đã bị rút: hãy tạo bản nháp mới.");
    }
    return summary;
  }

  private Summary locked(long id) {
    List<Long> rows =
        Sql.query(
            em,
            "SELECT id FROM content_draft WHERE id = ? FOR UPDATE",
            List.of(id),
            row -> row.getLong(1));
    if (rows.isEmpty()) {
      throw new Refusal(404, "Không có bản nháp số " + id + ".");
    }
    return summary(id).orElseThrow();
  }

  private void touch(long id, String status) {
    // A returned draft that its author saves again is being edited again.
    String next = status.equals(RETURNED) ? EDITING : status;
    Sql.update(
        em,
        "UPDATE content_draft SET status = ?, updated_at = ? WHERE id = ?",
        List.of(next, now(), id));
  }

  private void setStatus(long id, String status) {
    Sql.update(
        em,
        "UPDATE content_draft SET status = ?, updated_at = ? WHERE id = ?",
        List.of(status, now(), id));
  }

  private void keepRefused(long id, String path, byte[] body, Account author) {
    Sql.update(
        em,
        "INSERT INTO content_draft_conflict (draft_id, path, body, account_id, saved_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        Arrays.asList(id, path, body, author.id(), now()));
  }

  private static DraftRefusal conflict(
      String message, String path, byte[] yours, byte[] theirs, long theirRevision, String kind) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("path", path);
    details.put("conflictWith", kind);
    details.put("theirRevision", theirRevision);
    details.put("yours", text(path, yours));
    details.put("theirs", text(path, theirs));
    return new DraftRefusal(409, message, details);
  }

  private static void checkPath(String scope, String path) {
    String scopeOfPath = ContentStore.scopeOf(path).orElse(null);
    if (scopeOfPath == null) {
      throw new Refusal(
          400,
          "Tên tệp `"
              + path
              + "` không hợp lệ: đường dẫn trong thư mục nội dung, không có `..`, `\\` hay phần"
              + " bắt đầu bằng dấu chấm.");
    }
    if (!scopeOfPath.equals(scope)) {
      throw new Refusal(
          400,
          "Tệp `"
              + path
              + "` không thuộc "
              + ContentStore.folderOf(scope)
              + "/: mỗi bản nháp sửa một học phần.");
    }
  }

  private static void checkBody(String path, byte[] body) {
    if (body == null) {
      return;
    }
    boolean markdown = path.endsWith(".md");
    long limit = markdown ? ContentLoader.MAX_MARKDOWN_BYTES : ContentLoader.MAX_IMAGE_BYTES;
    if (body.length > limit) {
      throw new Refusal(
          413,
          markdown
              ? "Nội dung dài quá: mỗi tệp Markdown tối đa 1 MB."
              : "Hình lớn quá: mỗi hình tối đa 2 MB.");
    }
    if (!markdown && contentType(path) == null) {
      throw new Refusal(400, "Chỉ nhận tệp .md và hình .png, .jpg, .jpeg, .gif, .webp, .svg.");
    }
  }

  static String contentType(String path) {
    if (path.endsWith(".md")) {
      return "text/markdown; charset=UTF-8";
    }
    int dot = path.lastIndexOf('.');
    return dot < 0
        ? null
        : vn.hocso.content.control.MarkdownRenderer.IMAGE_TYPES.get(
            path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
  }

  private static String text(String path, byte[] body) {
    return body == null || !path.endsWith(".md") ? null : new String(body, StandardCharsets.UTF_8);
  }

  private List<DraftFile> files(long id) {
    return storedFiles(id).stream().map(Drafts::view).toList();
  }

  private static DraftFile view(StoredDraftFile file) {
    return new DraftFile(
        file.path(),
        text(file.path(), file.body()),
        contentType(file.path()),
        file.body() == null ? 0 : file.body().length,
        file.body() == null,
        file.revision(),
        file.baseRevision(),
        file.savedAt());
  }

  private List<StoredDraftFile> storedFiles(long id) {
    return Sql.query(
        em,
        "SELECT path, body, base_revision_id, revision, saved_at FROM content_draft_file"
            + " WHERE draft_id = ? ORDER BY path",
        List.of(id),
        Drafts::fileRow);
  }

  private Optional<StoredDraftFile> storedFile(long id, String path) {
    return Sql.query(
            em,
            "SELECT path, body, base_revision_id, revision, saved_at FROM content_draft_file"
                + " WHERE draft_id = ? AND path = ?",
            List.of(id, path),
            Drafts::fileRow)
        .stream()
        .findFirst();
  }

  private static StoredDraftFile fileRow(ResultSet row) throws SQLException {
    return new StoredDraftFile(
        row.getString(1),
        row.getBytes(2),
        row.getObject(3, Long.class),
        row.getInt(4),
        row.getTimestamp(5).toInstant());
  }

  private static final String SUMMARY =
      "SELECT d.id, d.scope, d.title, d.status, d.author_id, a.display_name, d.created_at,"
          + " d.updated_at, d.review_comment, d.reviewer_id, r.display_name, d.reviewed_at,"
          + " d.publish_id, COUNT(f.path) FROM content_draft d"
          + " LEFT JOIN account a ON a.id = d.author_id"
          + " LEFT JOIN account r ON r.id = d.reviewer_id"
          + " LEFT JOIN content_draft_file f ON f.draft_id = d.id";

  Optional<Summary> summary(long id) {
    return Sql.query(em, SUMMARY + " WHERE d.id = ? GROUP BY d.id", List.of(id), Drafts::row)
        .stream()
        .findFirst();
  }

  private static Summary row(ResultSet row) throws SQLException {
    Timestamp reviewed = row.getTimestamp(12);
    return new Summary(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getObject(5, Long.class),
        row.getString(6),
        row.getTimestamp(7).toInstant(),
        row.getTimestamp(8).toInstant(),
        row.getString(9),
        row.getObject(10, Long.class),
        row.getString(11),
        reviewed == null ? null : reviewed.toInstant(),
        row.getObject(13, Long.class),
        row.getInt(14));
  }

  private long lastId() {
    return Sql.query(em, "SELECT LAST_INSERT_ID()", List.of(), row -> row.getLong(1)).get(0);
  }

  private static String dateOf(ContentStore.Revision revision) {
    return revision.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }
}
