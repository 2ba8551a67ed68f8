package vn.hocso.completion.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.completion.control.CertificatePdf;
import vn.hocso.completion.control.Certificates;

/** A completion's certificate as a PDF, for those allowed to see it. */
@Path("api/completions")
@Tag(name = "Certificates", description = "Completion certificates and their verification")
@SecurityRequirement(name = "session")
public class CertificateApi {

  @Inject Certificates certificates;

  @GET
  @Path("{code}/certificate.pdf")
  @Produces("application/pdf")
  @Operation(
      operationId = "pdf",
      summary = "The certificate as a PDF",
      description = "For its learner, the trainers and officers of its ward, and admins.")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Not allowed to see this certificate")
  @APIResponse(
      responseCode = "200",
      description = "The certificate as PDF",
      content =
          @Content(
              mediaType = "application/pdf",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response pdf(@PathParam("code") String code) {
    Certificates.Certificate certificate = certificates.forViewer(code);
    byte[] pdf = CertificatePdf.render(certificate.completion(), certificate.facts());
    return Response.ok(pdf, "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"chung-nhan-" + certificate.completion().code() + ".pdf\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
