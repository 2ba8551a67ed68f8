package vn.hocso.completion.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.completion.control.CertificatePdf;
import vn.hocso.completion.control.Certificates;
import vn.hocso.web.control.Refusal;

/** Public verification of a certificate, and its PDF for those allowed to see it. */
@Path("api")
@Tag(name = "Certificates", description = "Completion certificates and their verification")
public class CompletionApi {

  @Inject Certificates certificates;

  @Context HttpServletRequest request;

  @GET
  @Path("verify/{code}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Verify a certificate by its code",
      description =
          "No sign-in. Shows a masked name, what was completed, the date, the ward and the content"
              + " version; nothing else. Limited to 30 lookups a minute per address.")
  @APIResponse(responseCode = "404", description = "No certificate has this code")
  @APIResponse(responseCode = "429", description = "Too many lookups")
  public Certificates.Verified verify(@PathParam("code") String code) {
    Certificates.Verified verified = certificates.verify(code, request.getRemoteAddr());
    if (verified == null) {
      throw new Refusal(404, "Không có giấy chứng nhận nào mang mã này.");
    }
    return verified;
  }

  @GET
  @Path("completions/{code}/certificate.pdf")
  @Produces("application/pdf")
  @Operation(
      summary = "The certificate as a PDF",
      description = "For its learner, the trainers and officers of its ward, and admins.")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(responseCode = "403", description = "Not allowed to see this certificate")
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
