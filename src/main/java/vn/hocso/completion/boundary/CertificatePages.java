package vn.hocso.completion.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.completion.control.Certificates;
import vn.hocso.completion.control.QrCodes;
import vn.hocso.learner.control.Navigation;

/** A learner's certificate page, its QR code, and the public verification page. */
@Path("")
public class CertificatePages {

  @Inject Certificates certificates;
  @Inject Navigation navigation;

  @Context HttpServletRequest request;

  @GET
  @Path("chung-nhan/{code}")
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
  @Path("chung-nhan/{code}/qr.png")
  @Produces("image/png")
  @Operation(hidden = true)
  public Response qr(@PathParam("code") String code) {
    return Response.ok(QrCodes.png(certificates.forViewer(code).verifyUrl(), 360))
        .header("Cache-Control", "private, max-age=86400")
        .build();
  }

  @GET
  @Path("xac-minh")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response verifyForm(@QueryParam("ma") String code) {
    if (code != null && !code.isBlank()) {
      return Response.seeOther(
              URI.create("/xac-minh/" + code.strip().replaceAll("[^A-Za-z0-9-]", "")))
          .build();
    }
    Map<String, Object> model = new HashMap<>();
    model.put("verified", null);
    model.put("code", "");
    return Response.ok(navigation.page("verify", model)).build();
  }

  @GET
  @Path("xac-minh/{code}")
  @Produces(MediaType.TEXT_HTML)
  @Operation(hidden = true)
  public Response verify(@PathParam("code") String code) {
    Certificates.Verified verified = certificates.verify(code, request.getRemoteAddr());
    Map<String, Object> model = new HashMap<>();
    model.put("verified", verified);
    model.put("code", code);
    return Response.status(verified == null ? 404 : 200)
        .entity(navigation.page("verify", model))
        .build();
  }
}
