package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.authoring.control.ContentHistory;
import vn.hocso.authoring.control.Drafts;
import vn.hocso.content.control.ContentStore;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.platform.control.Dates;
import vn.hocso.web.control.SignInRequired;

/**
 * A file's history: every published revision, any two compared, and "Khôi phục", which makes a new
 * draft holding an old text (published only after review, like any draft).
 */
@Path("bien-tap/lich-su")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class HistoryPages {

  @Inject CurrentAccount current;
  @Inject ContentHistory history;
  @Inject Drafts drafts;
  @Inject Navigation navigation;

  /** A revision with when it was published. */
  public record Row(ContentStore.Revision revision, String at) {}

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public String history(
      @QueryParam("duong-dan") String path,
      @QueryParam("tu") Long from,
      @QueryParam("den") Long to) {
    Account viewer = current.require(Permission.WRITE_DRAFTS);
    List<ContentStore.Revision> revisions = history.history(viewer, path);
    Map<String, Object> model = new HashMap<>();
    model.put("path", path);
    model.put("scope", ContentStore.scopeOf(path).orElse(""));
    model.put(
        "revisions",
        revisions.stream()
            .map(revision -> new Row(revision, Dates.vietnamese(revision.createdAt())))
            .toList());
    model.put("from", from);
    model.put("to", to);
    model.put("lines", List.of());
    if (from != null && to != null) {
      ContentHistory.FileDiff diff = history.compare(viewer, from, to);
      model.put("lines", ReviewPages.lines(diff.diff()));
    }
    return navigation.page("history", model);
  }

  @POST
  @Path("khoi-phuc")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response restore(@FormParam("ban") long revisionId) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    Drafts.Summary draft = drafts.restore(author, revisionId);
    return Response.seeOther(URI.create("/bien-tap/ban-nhap/" + draft.id())).build();
  }
}
