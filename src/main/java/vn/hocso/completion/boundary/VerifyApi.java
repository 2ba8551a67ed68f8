package vn.hocso.completion.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.completion.control.Certificates;
import vn.hocso.platform.control.Refusal;

/** Public verification of a certificate by its code, as JSON. */
@Path("api/verify")
@Tag(name = "Certificates", description = "Completion certificates and their verification")
public class VerifyApi {

  @Inject Certificates certificates;

  @Context HttpServletRequest request;

  @GET
  @Path("{code}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "verify",
      summary = "Verify a certificate by its code",
      description =
          "No sign-in. Shows a masked name, what was completed, the date, the ward and the content"
              + " version; nothing else. Limited to 30 lookups a minute per address.")
  @APIResponse(responseCode = "404", description = "No certificate has this code")
  @APIResponse(responseCode = "429", description = "Too many lookups")
  @APIResponse(
      responseCode = "200",
      description = "The certificate exists: what it certifies",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = Certificates.Verified.class)))
  public Certificates.Verified verify(@PathParam("code") String code) {
    Certificates.Verified verified = certificates.verify(code, request.getRemoteAddr());
    if (verified == null) {
      throw new Refusal(404, "Không có giấy chứng nhận nào mang mã này.");
    }
    return verified;
  }
}
