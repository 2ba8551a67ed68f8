package vn.hocso.content.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.web.control.CachedBody;
import vn.hocso.web.control.HttpCaching;
import vn.hocso.web.control.PageCache;
import vn.hocso.web.control.Templates;

/**
 * The home page: programs and modules. Rendered once per content version and cached under its path;
 * {@link CachedPages} serves the cached copy.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

  @Inject ContentCatalog catalog;
  @Inject Templates templates;
  @Inject PageCache cache;

  @GET
  @Operation(hidden = true)
  public Response home(@Context HttpHeaders headers) {
    Curriculum curriculum = catalog.current();
    CachedBody page =
        cache.get(
            curriculum.generation(),
            "/",
            () -> {
              Map<String, String> titles = new LinkedHashMap<>();
              curriculum.modules().forEach(module -> titles.put(module.id(), module.title()));
              return CachedBody.html(
                  templates.render(
                      "home",
                      Map.of(
                          "modules", curriculum.modules(),
                          "programs", curriculum.programs(),
                          "titles", titles)));
            });
    return HttpCaching.respond(page, headers, HttpCaching.REVALIDATE);
  }
}
