package vn.hocso.quiz.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.quiz.control.AttemptViews.StartedAttempt;
import vn.hocso.quiz.control.Attempts;

/** Starting an attempt at a module's quiz (a root of its own: /api/modules is the content's). */
@Path("api/modules/{moduleId}/attempts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quiz")
public class AttemptStartApi {

  @Inject Attempts attempts;
  @Inject QuizCallers callers;

  @POST
  @Operation(
      operationId = "start",
      summary = "Start an attempt",
      description =
          "Draws the questions of a new attempt. Without a guest cookie the response sets one:"
              + " the attempt can be submitted only with it.")
  @APIResponse(
      responseCode = "201",
      description = "Started",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StartedAttempt.class)))
  @APIResponse(responseCode = "404", description = "No such module")
  @APIResponse(responseCode = "429", description = "The attempt policy allows no attempt now")
  public Response start(
      @PathParam("moduleId") String moduleId, @Context HttpHeaders headers, @Context UriInfo uri) {
    QuizCallers.Key owner = callers.existingOrNew(headers, uri);
    Attempts.Sheet sheet = attempts.start(moduleId, owner.hash(), owner.learnerId());
    Response.ResponseBuilder response =
        Response.created(
                uri.getBaseUriBuilder().path("api/attempts/" + sheet.attempt().id()).build())
            .entity(AttemptResponses.started(sheet))
            .type(MediaType.APPLICATION_JSON_TYPE);
    if (owner.newCookie() != null) {
      response.cookie(owner.newCookie());
    }
    return response.build();
  }
}
