package vn.hocso.completion.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.completion.control.Completions;
import vn.hocso.completion.entity.Completion;
import vn.hocso.learner.control.CurrentAccount;

/** The signed-in learner's completion records. */
@Path("api/me/completions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates", description = "Completion certificates and their verification")
@SecurityRequirement(name = "session")
public class MyCompletionsApi {

  @Schema(description = "A completion record")
  public record CompletionView(
      String code,
      @Schema(enumeration = {"module", "program"}) String type,
      String subjectId,
      String title,
      String version,
      Integer score,
      Integer maxScore,
      Instant completedAt) {

    static CompletionView of(Completion completion) {
      return new CompletionView(
          completion.code(),
          completion.subjectType(),
          completion.subjectId(),
          completion.title(),
          completion.version(),
          completion.score(),
          completion.maxScore(),
          completion.completedAt());
    }
  }

  @Inject Completions completions;
  @Inject CurrentAccount current;

  @GET
  @Operation(operationId = "myCompletions", summary = "The signed-in learner's completions")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(
      responseCode = "200",
      description = "The completions, newest first",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CompletionView.class, type = SchemaType.ARRAY)))
  public List<CompletionView> myCompletions() {
    return completions.forAccount(current.required().id()).stream()
        .map(CompletionView::of)
        .toList();
  }
}
