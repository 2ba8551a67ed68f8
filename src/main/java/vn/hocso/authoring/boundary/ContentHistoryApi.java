package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.authoring.control.ContentHistory;
import vn.hocso.authoring.control.Drafts;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ContentStore;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.platform.control.Refusal;

/**
 * The curriculum's history (trainers and editors read it): modules and their versions, each file's
 * revisions, two revisions compared, restoring an old text as a new draft, the record of every
 * publish; and retiring a module (editors).
 */
@Path("api/content")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drafts", description = "Writing, reviewing and publishing the curriculum")
@SecurityRequirement(name = "session")
public class ContentHistoryApi {

  @Inject ContentHistory history;
  @Inject Drafts drafts;
  @Inject CurrentAccount current;
  @Inject ContentCatalog catalog;

  @GET
  @Path("scopes")
  @Operation(
      operationId = "contentScopes",
      summary = "Every module (and _programs, _skills): content version, retired or not")
  public List<ContentStore.Scope> scopes() {
    return history.scopes(current.required());
  }

  @GET
  @Path("files")
  @Operation(
      operationId = "contentFiles",
      summary = "A module's files with their published revision (removals included)")
  public List<ContentStore.Revision> files(@QueryParam("scope") String scope) {
    return history.files(current.required(), required(scope, "scope"));
  }

  @GET
  @Path("history")
  @Operation(operationId = "fileHistory", summary = "Every revision of one file, newest first")
  @APIResponse(
      responseCode = "200",
      description = "Newest first",
      content =
          @Content(
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = ContentStore.Revision.class)))
  @APIResponse(responseCode = "404", description = "No revision of that path")
  public List<ContentStore.Revision> history(@QueryParam("path") String path) {
    return history.history(current.required(), required(path, "path"));
  }

  @GET
  @Path("revisions/{id}")
  @Operation(operationId = "revision", summary = "One revision with its text (Markdown)")
  public ContentHistory.RevisionText revision(@PathParam("id") long id) {
    return history.revision(current.required(), id);
  }

  @GET
  @Path("compare")
  @Operation(
      operationId = "compareRevisions",
      summary = "Two revisions of one file as a unified diff, from the first to the second")
  public ContentHistory.FileDiff compare(@QueryParam("from") long from, @QueryParam("to") long to) {
    return history.compare(current.required(), from, to);
  }

  @POST
  @Path("revisions/{id}/restore")
  @Operation(
      operationId = "restoreRevision",
      summary = "A new draft holding an old revision's text, to review and publish again")
  @APIResponse(
      responseCode = "201",
      description = "The new draft",
      content = @Content(schema = @Schema(implementation = Drafts.Summary.class)))
  public Response restore(@PathParam("id") long id) {
    return Response.status(201).entity(drafts.restore(current.required(), id)).build();
  }

  @GET
  @Path("publishes")
  @Operation(
      operationId = "contentPublishes",
      summary = "Every change of a module: who, when, content version before and after")
  public List<ContentStore.Publish> publishes(@QueryParam("scope") String scope) {
    return history.publishes(current.required(), required(scope, "scope"));
  }

  @POST
  @Path("modules/{id}/retire")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "retireModule",
      summary = "Hide a module from residents; its records stay (editors)",
      description = "Refused (409) for a module a program counts or a TARGETS_* setting names.")
  @APIResponse(
      responseCode = "200",
      description = "Retired",
      content = @Content(schema = @Schema(implementation = ContentStore.Scope.class)))
  @APIResponse(responseCode = "409", description = "A program or a target needs the module")
  public ContentStore.Scope retire(@PathParam("id") String id, InputStream body)
      throws IOException {
    DraftApi.Comment comment = Json.read(body, DraftApi.Comment.class, "{\"comment\"}");
    ContentStore.Scope retired = history.retire(current.required(), id, comment.comment());
    catalog.refresh();
    return retired;
  }

  @POST
  @Path("modules/{id}/bring-back")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "bringBackModule", summary = "Serve a retired module again (editors)")
  public ContentStore.Scope bringBack(@PathParam("id") String id, InputStream body)
      throws IOException {
    DraftApi.Comment comment = Json.read(body, DraftApi.Comment.class, "{\"comment\"}");
    ContentStore.Scope back = history.bringBack(current.required(), id, comment.comment());
    catalog.refresh();
    return back;
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new Refusal(400, "Thiếu tham số `" + name + "`.");
    }
    return value;
  }
}
