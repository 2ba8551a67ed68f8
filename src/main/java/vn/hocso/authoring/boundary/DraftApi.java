package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import vn.hocso.authoring.control.Pictures;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.platform.control.Refusal;

/**
 * Drafts of the curriculum: trainers write and submit them, editors read them against the published
 * text and return or publish them (src/docs/content-store.md).
 */
@Path("api/drafts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drafts", description = "Writing, reviewing and publishing the curriculum")
@SecurityRequirement(name = "session")
public class DraftApi {

  @Inject Drafts drafts;
  @Inject CurrentAccount current;
  @Inject ContentCatalog catalog;
  @Inject vn.hocso.authoring.control.Preview preview;

  /** A text to preview in a draft: the file inside the module folder, and its text. */
  public record DraftPreview(@Schema(example = "10-cai-dat/index.md") String file, String text) {}

  /** A new draft: the module it changes (a new id makes a new module) and what it is about. */
  public record NewDraft(
      @Schema(description = "A module id, or _programs / _skills", example = "vneid") String scope,
      @Schema(example = "Sửa bài cài đặt VNeID cho máy Android") String title) {}

  /** A Markdown file's new text. */
  public record FileText(
      String text,
      @Schema(description = "The draft file's revision this text was written from; 0 for new")
          int revision,
      @Schema(description = "The published revision it was written from; null for a new file")
          Long baseRevision) {}

  public record Comment(String comment) {}

  /** The check of the curriculum a draft would make. */
  public record CheckView(
      boolean publishable,
      String version,
      List<String> printed,
      List<vn.hocso.authoring.control.CandidateCheck.Problem> problems,
      List<vn.hocso.authoring.control.CandidateCheck.Problem> elsewhere,
      List<vn.hocso.authoring.control.CandidateCheck.Problem> warnings) {

    static CheckView of(vn.hocso.authoring.control.CandidateCheck.Outcome outcome) {
      return new CheckView(
          outcome.publishable(),
          outcome.version(),
          outcome.printed(),
          outcome.problems(),
          outcome.elsewhere(),
          outcome.warnings());
    }
  }

  public record DraftView(Drafts.Summary draft, List<Drafts.DraftFile> files, CheckView check) {}

  public record SavedView(Drafts.DraftFile file, CheckView check) {}

  @GET
  @Operation(
      operationId = "listDrafts",
      summary = "Drafts: a trainer's own, or every draft for an editor",
      description = "status: editing, submitted, returned, published or withdrawn.")
  @APIResponse(
      responseCode = "200",
      description = "The drafts",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = Drafts.Summary.class)))
  @APIResponse(responseCode = "403", description = "The caller's role writes no drafts")
  public List<Drafts.Summary> list(@QueryParam("status") String status) {
    return drafts.list(current.required(), status);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createDraft", summary = "Start a draft of a module (trainers, editors)")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Drafts.Summary.class)))
  @APIResponse(responseCode = "400", description = "A bad module id or no title")
  @APIResponse(responseCode = "403", description = "The caller's role writes no drafts")
  public Response create(InputStream body) throws IOException {
    NewDraft request = Json.read(body, NewDraft.class, "{\"scope\", \"title\"}");
    Drafts.Summary created = drafts.create(current.required(), request.scope(), request.title());
    return Response.status(201).entity(created).build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getDraft",
      summary = "A draft with its files and the check of the curriculum it would make")
  @APIResponse(
      responseCode = "200",
      description = "The draft",
      content = @Content(schema = @Schema(implementation = DraftView.class)))
  @APIResponse(responseCode = "404", description = "No such draft")
  public DraftView get(@PathParam("id") long id) {
    Drafts.Draft draft = drafts.get(current.required(), id);
    return new DraftView(draft.draft(), draft.files(), CheckView.of(draft.check()));
  }

  @PUT
  @Path("{id}/file")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "saveDraftFile",
      summary = "Save a Markdown file of a draft; answers with the check",
      description =
          "path is the file's path inside the content folder (modules/vneid/quiz.md). A save"
              + " made from an older revision, or over a newer published text, is refused with"
              + " 409 and both texts (yours, theirs); the refused text is kept on the server.")
  @APIResponse(
      responseCode = "200",
      description = "Saved",
      content = @Content(schema = @Schema(implementation = SavedView.class)))
  @APIResponse(responseCode = "400", description = "A bad path (.., \\, hidden) or another module")
  @APIResponse(responseCode = "409", description = "Someone saved or published first")
  @APIResponse(responseCode = "413", description = "More than 1 MB")
  public SavedView save(@PathParam("id") long id, @QueryParam("path") String path, InputStream body)
      throws IOException {
    FileText request =
        Json.read(body, FileText.class, "{\"text\", \"revision\", \"baseRevision\"}");
    if (request.text() == null) {
      throw new Refusal(400, "Thiếu nội dung tệp (text).");
    }
    return saved(
        drafts.save(
            current.required(),
            id,
            path,
            request.text().getBytes(StandardCharsets.UTF_8),
            request.revision(),
            request.baseRevision()));
  }

  @PUT
  @Path("{id}/file")
  @Consumes({
    "image/png",
    "image/jpeg",
    "image/webp",
    "image/svg+xml",
    MediaType.APPLICATION_OCTET_STREAM
  })
  @Operation(
      operationId = "saveDraftImage",
      summary = "Save a picture of a draft: a photo (JPEG, PNG, WebP up to 10 MB) or an SVG",
      description =
          "The type is read from the bytes, not from the name or the Content-Type. A photo is"
              + " turned upright by its EXIF orientation, scaled to at most 1,280 px wide,"
              + " compressed (JPEG, or PNG when transparent) and stored without any metadata;"
              + " the stored file keeps the path's name with the extension of what was stored"
              + " (file.path in the answer). An SVG is stored as sent if it holds no script,"
              + " event attribute, foreignObject, DOCTYPE or reference outside itself.")
  @APIResponse(
      responseCode = "200",
      description = "Saved",
      content = @Content(schema = @Schema(implementation = SavedView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Not a JPEG, PNG, WebP or SVG; undecodable; or an unsafe SVG (with its line)")
  @APIResponse(responseCode = "409", description = "Someone saved or published first")
  @APIResponse(responseCode = "413", description = "More than 10 MB, or more than 52 megapixels")
  public SavedView saveImage(
      @PathParam("id") long id,
      @QueryParam("path") String path,
      @QueryParam("revision") int revision,
      @QueryParam("baseRevision") Long baseRevision,
      InputStream body)
      throws IOException {
    // The right to write drafts first: a learner's photo is not even decoded.
    Account author = current.require(Permission.WRITE_DRAFTS);
    byte[] sent = body.readNBytes(Pictures.MAX_UPLOAD_BYTES + 1);
    Pictures.Picture picture = Pictures.prepare(sent);
    String stored = path == null ? null : Pictures.storedPath(path, picture);
    return saved(drafts.save(author, id, stored, picture.bytes(), revision, baseRevision));
  }

  @DELETE
  @Path("{id}/file")
  @Operation(
      operationId = "removeDraftFile",
      summary = "Remove a file in the draft: publishing it removes the file")
  public SavedView remove(
      @PathParam("id") long id,
      @QueryParam("path") String path,
      @QueryParam("revision") int revision,
      @QueryParam("baseRevision") Long baseRevision) {
    return saved(drafts.save(current.required(), id, path, null, revision, baseRevision));
  }

  @POST
  @Path("{id}/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "previewDraftFile",
      summary = "Render and check one file of a draft without storing it",
      description =
          "As POST /api/preview, on the module as the draft would publish it: the draft's other"
              + " files and pictures count, and pictures point at"
              + " /bien-tap/ban-nhap/{id}/hinh/… (readable by the draft's author and editors).")
  @APIResponse(
      responseCode = "200",
      description = "Checked, and rendered when nothing stops it",
      content =
          @Content(
              schema = @Schema(implementation = vn.hocso.authoring.control.Preview.Result.class)))
  public vn.hocso.authoring.control.Preview.Result previewFile(
      @PathParam("id") long id, InputStream body) throws IOException {
    Account author = current.require(Permission.WRITE_DRAFTS);
    DraftPreview request = Json.read(body, DraftPreview.class, "{\"file\", \"text\"}");
    return preview.previewDraft(
        drafts.changes(author, id),
        request.file(),
        request.text(),
        "/bien-tap/ban-nhap/" + id + "/hinh/");
  }

  @GET
  @Path("{id}/diff")
  @Operation(
      operationId = "draftDiff",
      summary = "The draft against the published text, one unified diff per file")
  public List<ContentHistory.FileDiff> diff(@PathParam("id") long id) {
    return ContentHistory.diffs(drafts.againstPublished(current.required(), id));
  }

  @POST
  @Path("{id}/submit")
  @Operation(operationId = "submitDraft", summary = "Hand the draft to the editors")
  public Drafts.Summary submit(@PathParam("id") long id) {
    return drafts.submit(current.required(), id);
  }

  @POST
  @Path("{id}/withdraw")
  @Operation(operationId = "withdrawDraft", summary = "Give a draft up (its author)")
  public Drafts.Summary withdraw(@PathParam("id") long id) {
    return drafts.withdraw(current.required(), id);
  }

  @POST
  @Path("{id}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "returnDraft",
      summary = "Send a submitted draft back with a comment its author sees (editors)")
  @APIResponse(
      responseCode = "200",
      description = "Returned",
      content = @Content(schema = @Schema(implementation = Drafts.Summary.class)))
  @APIResponse(responseCode = "403", description = "Only editors and admins return drafts")
  public Drafts.Summary returnToAuthor(@PathParam("id") long id, InputStream body)
      throws IOException {
    Comment comment = Json.read(body, Comment.class, "{\"comment\"}");
    return drafts.returnToAuthor(current.required(), id, comment.comment());
  }

  @POST
  @Path("{id}/publish")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "publishDraft",
      summary = "Publish a submitted draft: a new content version of its module (editors)",
      description =
          "Refused with 422 and the problems (as check-content prints them) when the curriculum"
              + " it makes has a problem, 409 when a file was published again since the draft"
              + " was written or when the draft is published already.")
  @APIResponse(
      responseCode = "200",
      description = "Published; every instance serves it within 2 s",
      content = @Content(schema = @Schema(implementation = Drafts.Published.class)))
  @APIResponse(responseCode = "403", description = "Only editors and admins publish")
  @APIResponse(responseCode = "409", description = "Published already, or a newer published text")
  @APIResponse(responseCode = "422", description = "The curriculum it makes has problems")
  public Drafts.Published publish(@PathParam("id") long id, InputStream body) throws IOException {
    Comment comment = Json.read(body, Comment.class, "{\"comment\"}");
    Drafts.Published published = drafts.publish(current.required(), id, comment.comment());
    catalog.refresh();
    return published;
  }

  private static SavedView saved(Drafts.Saved saved) {
    return new SavedView(saved.file(), CheckView.of(saved.check()));
  }
}
