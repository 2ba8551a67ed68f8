package vn.hocso.completion.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.completion.control.Certificates;
import vn.hocso.completion.control.QrCodes;
import vn.hocso.learner.control.Navigation;

/** A learner's certificate page and its QR code, for those allowed to see it. */
@Path("chung-nhan")
public class CertificatePages {

  @Inject Certificates certificates;
  @Inject Navigation navigation;

  @GET
  @Path("{code}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public String certificate(@PathParam("code") String code) {
    Certificates.Certificate certificate = certificates.forViewer(code);
    Map<String, Object> model = new HashMap<>();
    model.put("certificate", certificate);
    model.put("completion", certificate.completion());
    return navigation.page("certificate", model);
  }

  @GET
  @Path("{code}/qr.png")
  @Produces("image/png")
  @Operation(hidden = true)
  public Response qr(@PathParam("code") String code) {
    return Response.ok(QrCodes.png(certificates.forViewer(code).verifyUrl(), 360))
        .header("Cache-Control", "private, max-age=86400")
        .build();
  }
}
