package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.authoring.control.ContentHistory;
import vn.hocso.authoring.control.Drafts;
import vn.hocso.authoring.control.Preview;
import vn.hocso.content.control.ContentStore;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.web.control.SignInRequired;

/**
 * An editor's pages: the drafts waiting for review, oldest first, and one draft with its diff, its
 * check results and a preview of each changed text, to publish or return with a comment.
 */
@Path("bien-tap/cho-duyet")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ReviewPages {

  @Inject CurrentAccount current;
  @Inject Drafts drafts;
  @Inject Preview preview;
  @Inject Navigation navigation;

  /** One line of a diff, with its kind for the page: added, removed, a hunk header or context. */
  public record DiffLine(String kind, String text) {}

  /** One changed file: its diff by lines and, for a text, its preview. */
  public record ChangedFile(
      String path,
      String file,
      String change,
      List<DiffLine> lines,
      Preview.Result preview,
      boolean picture) {}

  /** A draft waiting, with when it was sent. */
  public record Waiting(Drafts.Summary draft, String sentAt) {}

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public String queue(@jakarta.ws.rs.QueryParam("da") String done) {
    Account editor = current.require(Permission.PUBLISH_CONTENT);
    List<Waiting> waiting =
        drafts.list(editor, Drafts.SUBMITTED).stream()
            .sorted(Comparator.comparing(Drafts.Summary::updatedAt))
            .map(draft -> new Waiting(draft, Dates.vietnamese(draft.updatedAt())))
            .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("waiting", waiting);
    model.put("returned", drafts.list(editor, Drafts.RETURNED));
    model.put(
        "message",
        "xuat-ban".equals(done)
            ? "Đã xuất bản: người dân thấy bản mới trong vòng một giây."
            : "tra-lai".equals(done) ? "Đã trả lại bản nháp kèm lời nhắn cho người soạn." : null);
    return navigation.page("review-queue", model);
  }

  @GET
  @Path("{id}")
  @SignInRequired
  @Operation(hidden = true)
  public String review(@PathParam("id") long id) {
    Account editor = current.require(Permission.PUBLISH_CONTENT);
    return reviewPage(editor, id, null, null);
  }

  private String reviewPage(Account editor, long id, String error, String comment) {
    Drafts.Draft draft = drafts.get(editor, id);
    String folder = ContentStore.folderOf(draft.draft().scope()) + "/";
    Map<String, byte[][]> pairs = drafts.againstPublished(editor, id);
    // The draft's side of each pair is what it changes: no second read of its files.
    Map<String, byte[]> changed = new java.util.LinkedHashMap<>();
    pairs.forEach((path, pair) -> changed.put(path, pair[1]));
    Drafts.Changes changes = new Drafts.Changes(draft.draft(), changed);
    List<ChangedFile> files = new ArrayList<>();
    for (ContentHistory.FileDiff diff : ContentHistory.diffs(pairs)) {
      Preview.Result shown = null;
      byte[] text = changes.files().get(diff.path());
      String file =
          diff.path().startsWith(folder) ? diff.path().substring(folder.length()) : diff.path();
      if (text != null
          && diff.path().endsWith(".md")
          && ContentStore.isModule(draft.draft().scope())
          && Preview.isPreviewable(file)) {
        shown =
            preview.previewDraft(
                changes,
                file,
                new String(text, StandardCharsets.UTF_8),
                "/bien-tap/ban-nhap/" + id + "/hinh/");
      }
      files.add(
          new ChangedFile(
              diff.path(),
              file,
              diff.change(),
              lines(diff.diff()),
              shown,
              !diff.path().endsWith(".md")));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("draft", draft.draft());
    model.put("state", DraftPages.state(draft.draft().status()));
    model.put("check", draft.check());
    model.put("files", files);
    model.put("error", error);
    model.put("comment", comment == null ? "" : comment);
    model.put("wide", true);
    return navigation.page("review", model);
  }

  static List<DiffLine> lines(String diff) {
    List<DiffLine> lines = new ArrayList<>();
    for (String line : diff.split("\n", -1)) {
      String kind;
      if (line.startsWith("+++") || line.startsWith("---")) {
        kind = "file";
      } else if (line.startsWith("@@")) {
        kind = "hunk";
      } else if (line.startsWith("+")) {
        kind = "added";
      } else if (line.startsWith("-")) {
        kind = "removed";
      } else {
        kind = "same";
      }
      lines.add(new DiffLine(kind, line));
    }
    return lines;
  }

  @POST
  @Path("{id}/xuat-ban")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response publish(@PathParam("id") long id, @FormParam("y_kien") String comment) {
    Account editor = current.require(Permission.PUBLISH_CONTENT);
    try {
      drafts.publish(editor, id, comment);
    } catch (Refusal refusal) {
      return Response.status(refusal.status())
          .entity(reviewPage(editor, id, refusal.getMessage(), comment))
          .build();
    }
    return Response.seeOther(URI.create("/bien-tap/cho-duyet?da=xuat-ban")).build();
  }

  @POST
  @Path("{id}/tra-lai")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response returnToAuthor(@PathParam("id") long id, @FormParam("y_kien") String comment) {
    Account editor = current.require(Permission.PUBLISH_CONTENT);
    if (comment == null || comment.isBlank()) {
      return Response.status(400)
          .entity(
              reviewPage(
                  editor, id, "Hãy viết lời nhắn cho người soạn: cần sửa gì, ở đâu.", comment))
          .build();
    }
    try {
      drafts.returnToAuthor(editor, id, comment);
    } catch (Refusal refusal) {
      return Response.status(refusal.status())
          .entity(reviewPage(editor, id, refusal.getMessage(), comment))
          .build();
    }
    return Response.seeOther(URI.create("/bien-tap/cho-duyet?da=tra-lai")).build();
  }
}
