package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.authoring.control.ContentExport;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Permission;

/** The published curriculum as a folder of files, zipped (content editors and admins). */
@Path("api/content")
@Tag(name = "Authoring", description = "Previewing and exporting the curriculum")
@SecurityRequirement(name = "session")
public class ExportApi {

  @Inject ContentExport export;
  @Inject CurrentAccount current;

  @GET
  @Path("export.zip")
  @Produces("application/zip")
  @Operation(
      operationId = "exportContent",
      summary = "The whole published curriculum as a zip of its folder (editors, admins)",
      description =
          "A folder check-content accepts; used as CONTENT_DIR it yields the same content"
              + " versions.")
  @APIResponse(
      responseCode = "200",
      description = "The zip",
      content =
          @Content(
              mediaType = "application/zip",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  @APIResponse(responseCode = "403", description = "The caller's role does not export content")
  public Response exportContent() {
    current.require(Permission.EXPORT_CONTENT);
    StreamingOutput body = export::write;
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"hoc-so-noi-dung.zip\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
