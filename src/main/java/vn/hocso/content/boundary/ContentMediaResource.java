package vn.hocso.content.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ContentMedia;
import vn.hocso.content.entity.Module;
import vn.hocso.web.control.CachedBody;
import vn.hocso.web.control.ContentSecurityPolicy;
import vn.hocso.web.control.HttpCaching;

/** Images of lessons and quizzes, at addresses that carry the module version. */
@Path("noi-dung/{moduleId}/{version}/{path: .+}")
public class ContentMediaResource {

  @Inject ContentCatalog catalog;
  @Inject ContentMedia media;

  @GET
  @Operation(hidden = true)
  public Response file(
      @PathParam("moduleId") String moduleId,
      @PathParam("version") String version,
      @PathParam("path") String path,
      @Context HttpHeaders headers) {
    Module module = catalog.current().module(moduleId).orElseThrow(NotFoundException::new);
    CachedBody body = media.body(module, path).orElseThrow(NotFoundException::new);
    // A page from an older version may still ask for its image: serve the current one, briefly.
    String cacheControl =
        module.version().equals(version) ? HttpCaching.IMMUTABLE : HttpCaching.REVALIDATE;
    Response response = HttpCaching.respond(body, headers, cacheControl);
    if (body.contentType().startsWith("image/svg")) {
      // Opened on its own, an SVG is a document: keep any script in it from running.
      response.getHeaders().putSingle("Content-Security-Policy", ContentSecurityPolicy.PICTURE);
    }
    return response;
  }
}
