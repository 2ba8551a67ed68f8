package vn.hocso.web.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.web.control.HttpCaching;
import vn.hocso.web.control.StaticAssets;

/** The site's icon: every browser asks for /favicon.ico, so it is there (kept for a day). */
@Path("favicon.ico")
public class FaviconResource {

  @Inject StaticAssets assets;

  @GET
  @Operation(hidden = true)
  public Response icon(@Context HttpHeaders headers) {
    return HttpCaching.respond(assets.favicon(), headers, "public, max-age=86400");
  }
}
