package vn.hocso.authoring.control;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ContentStore;
import vn.hocso.content.entity.Module;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.TargetDefinitions;

/**
 * The curriculum's past: every file's revisions, any two compared, the record of every publish; and
 * retiring a module, which hides it from residents and keeps every file and record.
 */
@ApplicationScoped
public class ContentHistory {

  @Inject ContentStore store;
  @Inject ContentCatalog catalog;
  @Inject TargetDefinitions targets;

  /** A file's change as a unified diff ({@code ---}/{@code +++} headers, {@code @@} hunks). */
  public record FileDiff(String path, String change, String diff) {}

  /** One revision with its text (Markdown) or its size (an image). */
  public record RevisionText(
      ContentStore.Revision revision, String text, String contentType, int size) {}

  @Transactional
  public List<ContentStore.Scope> scopes(Account viewer) {
    Drafts.require(viewer, Permission.WRITE_DRAFTS);
    return store.scopes();
  }

  @Transactional
  public List<ContentStore.Revision> files(Account viewer, String scope) {
    Drafts.require(viewer, Permission.WRITE_DRAFTS);
    return store.files(scope);
  }

  @Transactional
  public List<ContentStore.Revision> history(Account viewer, String path) {
    Drafts.require(viewer, Permission.WRITE_DRAFTS);
    List<ContentStore.Revision> revisions = store.history(path);
    if (revisions.isEmpty()) {
      throw new Refusal(404, "Chưa có bản nào của tệp `" + path + "`.");
    }
    return revisions;
  }

  @Transactional
  public RevisionText revision(Account viewer, long id) {
    Drafts.require(viewer, Permission.WRITE_DRAFTS);
    ContentStore.Revision revision = found(id);
    byte[] body = body(id);
    boolean markdown = revision.path().endsWith(".md");
    return new RevisionText(
        revision,
        markdown && body != null ? new String(body, StandardCharsets.UTF_8) : null,
        Drafts.contentType(revision.path()),
        body == null ? 0 : body.length);
  }

  private ContentStore.Revision found(long id) {
    return store.revision(id).orElseThrow(() -> new Refusal(404, "Không có bản sửa đổi số " + id));
  }

  /** A revision's bytes; null for a removal. */
  private byte[] body(long id) {
    return store.body(id).flatMap(bytes -> bytes).orElse(null);
  }

  /** Two revisions of one file compared, the older first. */
  @Transactional
  public FileDiff compare(Account viewer, long from, long to) {
    Drafts.require(viewer, Permission.WRITE_DRAFTS);
    ContentStore.Revision older = found(from);
    ContentStore.Revision newer = found(to);
    if (!older.path().equals(newer.path())) {
      throw new Refusal(400, "Hai bản sửa đổi phải của cùng một tệp.");
    }
    return diff(older.path(), body(from), body(to), "bản " + from, "bản " + to);
  }

  /** The record of every change of a scope, newest first. */
  @Transactional
  public List<ContentStore.Publish> publishes(Account viewer, String scope) {
    Drafts.require(viewer, Permission.WRITE_DRAFTS);
    return store.publishes(scope, 200);
  }

  /**
   * Hides a module from residents. Refused for a module a program counts (its {@code criteria}) or
   * a target setting names: take it out of them by a publish first.
   */
  @Transactional
  public ContentStore.Scope retire(Account editor, String moduleId, String comment) {
    Drafts.require(editor, Permission.PUBLISH_CONTENT);
    ContentStore.Scope scope =
        store
            .scope(moduleId)
            .filter(found -> ContentStore.isModule(found.scope()))
            .orElseThrow(() -> new Refusal(404, "Không có học phần `" + moduleId + "`."));
    if (scope.retiredAt() != null) {
      throw new Refusal(409, "Học phần này đã được cho nghỉ.");
    }
    Module served = catalog.current().module(moduleId).orElse(null);
    if (served != null && !served.criteria().isEmpty()) {
      throw new Refusal(
          409,
          "Không cho nghỉ được: học phần này thuộc chương trình "
              + String.join(", ", served.criteria())
              + ". Hãy bỏ nó khỏi chương trình (sửa `criteria` trong _index.md) và đăng trước.");
    }
    if (moduleId.equals(targets.onlineModule())) {
      throw new Refusal(
          409,
          "Không cho nghỉ được: chỉ tiêu nộp hồ sơ trực tuyến của phường dùng học phần này"
              + " (TARGETS_ONLINE_MODULE).");
    }
    store.retire(moduleId, true, editor.id(), comment);
    return store.scope(moduleId).orElseThrow();
  }

  /** Serves a retired module again, as it was. */
  @Transactional
  public ContentStore.Scope bringBack(Account editor, String moduleId, String comment) {
    Drafts.require(editor, Permission.PUBLISH_CONTENT);
    ContentStore.Scope scope =
        store
            .scope(moduleId)
            .filter(found -> found.retiredAt() != null)
            .orElseThrow(() -> new Refusal(404, "Không có học phần đã nghỉ `" + moduleId + "`."));
    store.retire(scope.scope(), false, editor.id(), comment);
    return store.scope(moduleId).orElseThrow();
  }

  /** A unified diff of a file's two texts; a null text is a missing file. */
  public static FileDiff diff(
      String path, byte[] before, byte[] after, String beforeName, String afterName) {
    String change = before == null ? "added" : after == null ? "removed" : "changed";
    if (!path.endsWith(".md")) {
      String summary =
          change
              + " "
              + path
              + " ("
              + (before == null ? 0 : before.length)
              + " → "
              + (after == null ? 0 : after.length)
              + " bytes)";
      return new FileDiff(path, change, summary);
    }
    List<String> original = lines(before);
    List<String> revised = lines(after);
    Patch<String> patch = DiffUtils.diff(original, revised);
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            path + " (" + beforeName + ")", path + " (" + afterName + ")", original, patch, 3);
    return new FileDiff(path, change, String.join("\n", unified));
  }

  /** Each file of a draft against its published text. */
  public static List<FileDiff> diffs(Map<String, byte[][]> pairs) {
    List<FileDiff> diffs = new ArrayList<>();
    pairs.forEach((path, pair) -> diffs.add(diff(path, pair[0], pair[1], "đang đăng", "bản nháp")));
    return diffs;
  }

  private static List<String> lines(byte[] body) {
    if (body == null) {
      return List.of();
    }
    return List.of(new String(body, StandardCharsets.UTF_8).split("\n", -1));
  }
}
