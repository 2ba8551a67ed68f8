package vn.hocso.content.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;
import vn.hocso.web.control.CachedBody;
import vn.hocso.web.control.HttpCaching;
import vn.hocso.web.control.PageCache;

/** The curriculum as JSON: the same modules and lessons the pages show. */
@Path("api/modules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Content", description = "Modules and lessons")
public class ContentApi {

  @Schema(description = "A module in the list of modules")
  public record ModuleSummary(
      @Schema(example = "vneid") String id,
      String title,
      String summary,
      @Schema(description = "Content version: a hash of the module's files") String version,
      @Schema(description = "Expected minutes for the whole module") int minutes,
      @Schema(description = "Number of lessons") int lessons) {}

  @Schema(description = "A lesson in a module's table of contents")
  public record LessonSummary(String id, String title, int minutes) {}

  @Schema(description = "A module with its lessons in reading order")
  public record ModuleDetail(
      String id, String title, String summary, String version, List<LessonSummary> lessons) {}

  @Schema(description = "A lesson, rendered to sanitized HTML")
  public record LessonDetail(String id, String title, int minutes, String html) {}

  @Schema(description = "An error, with a message in Vietnamese")
  public record ErrorBody(String error) {}

  /** Thread-safe; built once, as creating one looks up the provider and its configuration. */
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject ContentCatalog catalog;
  @Inject PageCache cache;

  /**
   * The same for every caller and every request until the content changes: rendered once per
   * content generation and kept with the cached pages, so that {@link CachedPages} serves it from
   * memory (gzip, entity tag, 304) without reaching JAX-RS again.
   */
  @GET
  @Operation(operationId = "modules", summary = "All modules, in display order")
  @APIResponse(
      responseCode = "200",
      description = "The modules",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ModuleSummary.class)))
  @APIResponse(responseCode = "406", description = "The Accept header excludes application/json")
  public Response modules(@Context HttpHeaders headers, @Context UriInfo uri) {
    Curriculum curriculum = catalog.current();
    CachedBody body =
        cache.get(
            curriculum.generation(),
            uri.getRequestUri().getRawPath(),
            () ->
                CachedBody.of(
                    MediaType.APPLICATION_JSON,
                    JSON.toJson(summaries(curriculum)).getBytes(StandardCharsets.UTF_8)));
    return HttpCaching.respond(body, headers, HttpCaching.REVALIDATE);
  }

  private static List<ModuleSummary> summaries(Curriculum curriculum) {
    return curriculum.modules().stream()
        .map(
            module ->
                new ModuleSummary(
                    module.id(),
                    module.title(),
                    module.summary(),
                    module.version(),
                    module.minutes(),
                    module.lessons().size()))
        .toList();
  }

  @GET
  @Path("{moduleId}")
  @Operation(operationId = "module", summary = "One module and its lessons")
  @APIResponse(responseCode = "200", description = "The module")
  @APIResponse(
      responseCode = "404",
      description = "No such module",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public ModuleDetail module(
      @Parameter(description = "Module id, e.g. vneid") @PathParam("moduleId") String moduleId) {
    Module module = ContentLookup.module(catalog.current(), moduleId);
    return new ModuleDetail(
        module.id(),
        module.title(),
        module.summary(),
        module.version(),
        module.lessons().stream()
            .map(lesson -> new LessonSummary(lesson.id(), lesson.title(), lesson.minutes()))
            .toList());
  }

  @GET
  @Path("{moduleId}/lessons/{lessonId}")
  @Operation(operationId = "lesson", summary = "One lesson, rendered to HTML")
  @APIResponse(responseCode = "200", description = "The lesson")
  @APIResponse(
      responseCode = "404",
      description = "No such module or lesson",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  public LessonDetail lesson(
      @PathParam("moduleId") String moduleId, @PathParam("lessonId") String lessonId) {
    Module module = ContentLookup.module(catalog.current(), moduleId);
    Lesson lesson = ContentLookup.lesson(module, lessonId);
    return new LessonDetail(lesson.id(), lesson.title(), lesson.minutes(), lesson.fullHtml());
  }
}
