package vn.hocso.web.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.web.control.HttpCaching;
import vn.hocso.web.control.StaticAssets;

/** The site's stylesheet and scripts, under hashed addresses. */
@Path("tai-nguyen")
public class StaticResource {

  @Inject StaticAssets assets;

  @GET
  @Path("{name}")
  @Operation(hidden = true)
  public Response asset(@PathParam("name") String name, @Context HttpHeaders headers) {
    return assets
        .find("/tai-nguyen/" + name)
        .map(body -> HttpCaching.respond(body, headers, HttpCaching.IMMUTABLE))
        .orElseThrow(NotFoundException::new);
  }
}
