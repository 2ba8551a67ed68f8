package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.control.WardCsv;
import vn.hocso.ward.control.WardImport;
import vn.hocso.ward.control.Wards;

/** The official ward list imported from CSV (admins). */
@Path("api/wards/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
@SecurityRequirement(name = "session")
public class WardImportApi {

  @Inject WardAccess access;
  @Inject WardImport wardImport;
  @Inject Wards wards;

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      operationId = "importWards",
      summary = "Import the administrative unit list (admins)",
      description =
          "CSV in UTF-8 with the columns code, name, type (phường, xã, đặc khu), province_code,"
              + " province_name. Known codes are updated; a file with any bad line imports"
              + " nothing and the answer lists every bad line.")
  @APIResponse(
      responseCode = "400",
      description = "The file was refused: the error, and each problem with its line",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ImportProblems.class)))
  @APIResponse(
      responseCode = "200",
      description = "Imported: how many new, updated, unchanged",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = WardViews.ImportView.class)))
  public Response importWards(byte[] body) {
    access.admin();
    return importResponse(body);
  }

  Response importResponse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new Refusal(400, "Tệp trống.");
    }
    if (body.length > WardCsv.MAX_BYTES) {
      throw new Refusal(413, "Tệp lớn quá 20 MB; hãy chia nhỏ tệp.");
    }
    WardCsv.Result parsed = WardCsv.parse(body);
    if (!parsed.ok()) {
      return Response.status(400)
          .entity(new ImportProblems(parsed.refusal(), parsed.problems()))
          .build();
    }
    WardImport.Outcome outcome = wardImport.apply(parsed.rows());
    return Response.ok(
            new WardViews.ImportView(
                outcome.created(), outcome.updated(), outcome.unchanged(), outcome.codesGiven()))
        .build();
  }

  /** A refused import: the message and every bad line. */
  public record ImportProblems(String error, List<WardCsv.Problem> problems) {}
}
