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
import vn.hocso.learner.control.Navigation;

/** Public verification of a certificate by its code: a masked name and what was completed. */
@Path("xac-minh")
public class VerifyPages {

  @Inject Certificates certificates;
  @Inject Navigation navigation;

  @Context HttpServletRequest request;

  @GET
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
  @Path("{code}")
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
