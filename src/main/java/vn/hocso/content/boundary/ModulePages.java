package vn.hocso.content.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ContentUrls;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;
import vn.hocso.web.control.CachedBody;
import vn.hocso.web.control.HttpCaching;
import vn.hocso.web.control.PageCache;
import vn.hocso.web.control.Templates;

/**
 * The pages residents read: a module and its lessons. Each page is rendered once per content
 * version and cached under its path; {@link CachedPages} serves the cached copies.
 */
@Path("hoc-phan")
@Produces(MediaType.TEXT_HTML)
public class ModulePages {

  @Inject ContentCatalog catalog;
  @Inject Templates templates;
  @Inject PageCache cache;

  @GET
  @Path("{moduleId}")
  @Operation(hidden = true)
  public Response module(@PathParam("moduleId") String moduleId, @Context HttpHeaders headers) {
    Curriculum curriculum = catalog.current();
    Module module = ContentLookup.module(curriculum, moduleId);
    CachedBody page =
        cache.get(
            curriculum.generation(),
            ContentUrls.module(module.id()),
            () ->
                CachedBody.html(
                    templates.render(
                        "module",
                        Map.of(
                            "module",
                            module,
                            "programs",
                            curriculum.programs().stream()
                                .filter(program -> program.moduleIds().contains(module.id()))
                                .toList()))));
    return HttpCaching.respond(page, headers, HttpCaching.REVALIDATE);
  }

  @GET
  @Path("{moduleId}/{lessonId}")
  @Operation(hidden = true)
  public Response lesson(
      @PathParam("moduleId") String moduleId,
      @PathParam("lessonId") String lessonId,
      @Context HttpHeaders headers) {
    Curriculum curriculum = catalog.current();
    Module module = ContentLookup.module(curriculum, moduleId);
    Lesson lesson = ContentLookup.lesson(module, lessonId);
    CachedBody page =
        cache.get(
            curriculum.generation(),
            ContentUrls.lesson(module.id(), lesson.id()),
            () -> {
              Map<String, Object> model = new HashMap<>();
              model.put("module", module);
              model.put("lesson", lesson);
              model.put("number", module.lessons().indexOf(lesson) + 1);
              model.put("previous", module.previous(lesson).orElse(null));
              model.put("next", module.next(lesson).orElse(null));
              return CachedBody.html(templates.render("lesson", model));
            });
    return HttpCaching.respond(page, headers, HttpCaching.REVALIDATE);
  }
}
