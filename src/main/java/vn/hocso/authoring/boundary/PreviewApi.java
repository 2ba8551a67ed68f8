package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.authoring.control.Preview;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Permission;

/** A lesson, quiz or module text rendered and checked as residents would get it; nothing stored. */
@Path("api/preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authoring", description = "Previewing and exporting the curriculum")
@SecurityRequirement(name = "session")
public class PreviewApi {

  @Inject Preview preview;
  @Inject CurrentAccount current;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "preview",
      summary = "Render and check one content file without storing it (trainers, editors)",
      description =
          "The text replaces the file in a copy of its module; the check results name the file"
              + " and line as check-content prints them. The rendered HTML is given only when no"
              + " problem stops the module from being served.")
  @RequestBody(
      content =
          @Content(
              schema =
                  @Schema(
                      example =
                          "{\"moduleId\": \"vneid\", \"file\": \"10-cai-dat/index.md\","
                              + " \"text\": \"---\\ntitle: …\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Checked, and rendered when nothing stops it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Preview.Result.class)))
  @APIResponse(responseCode = "400", description = "No module id, a bad file name, or no text")
  @APIResponse(responseCode = "403", description = "The caller's role does not preview content")
  @APIResponse(responseCode = "413", description = "The text is larger than 1 MB")
  public Preview.Result preview(InputStream body) throws IOException {
    current.require(Permission.PREVIEW_CONTENT);
    Request request = Json.read(body, Request.class, "{\"moduleId\", \"file\", \"text\"}");
    return preview.preview(request.moduleId(), request.file(), request.text());
  }

  /** What to preview: the module, the file inside its folder, and the text. */
  public record Request(String moduleId, String file, String text) {}
}
