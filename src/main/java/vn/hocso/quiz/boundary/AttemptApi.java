package vn.hocso.quiz.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.quiz.control.AttemptViews;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.quiz.entity.Attempt;

/**
 * Quiz attempts as JSON. The answer key never leaves the server: questions go out without
 * correctness or explanations, which come back only with the score of a submitted attempt.
 */
@Path("api/attempts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quiz", description = "Attempts at a module's quiz, scored on the server")
@SecurityRequirementsSet(@SecurityRequirement(name = "session"))
@SecurityRequirementsSet(@SecurityRequirement(name = "guest"))
public class AttemptApi {

  private static final JsonProvider JSON = JsonProvider.provider();

  /** The largest submission accepted; a real one is a few hundred bytes. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  @Inject Attempts attempts;
  @Inject QuizCallers callers;

  @GET
  @Path("{attemptId}")
  @Operation(
      operationId = "attempt",
      summary = "An attempt: its questions while open, its stored result once submitted")
  @APIResponse(responseCode = "403", description = "Not the caller's attempt")
  @APIResponse(responseCode = "404", description = "No such attempt")
  @APIResponse(
      responseCode = "200",
      description = "The attempt",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AttemptViews.AttemptState.class)))
  public AttemptViews.AttemptState attempt(
      @PathParam("attemptId") String attemptId, @Context HttpHeaders headers) {
    Attempts.Sheet sheet =
        attempts.sheet(attemptId, callers.existing(headers), callers.accountId());
    Attempt attempt = sheet.attempt();
    String status =
        attempt.isSubmitted() ? "submitted" : attempt.isExpired(Instant.now()) ? "expired" : "open";
    return new AttemptViews.AttemptState(
        attempt.id(),
        attempt.moduleId(),
        attempt.version(),
        status,
        attempt.expiresAt(),
        status.equals("open") ? AttemptViews.questions(sheet) : null,
        attempt.isSubmitted() ? AttemptViews.result(sheet) : null);
  }

  @POST
  @Path("{attemptId}/submission")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "submit",
      summary = "Submit the answers",
      description =
          "Scores the attempt once. Sending the same answers again returns the stored result;"
              + " different answers to a submitted attempt get 409. A question left out counts"
              + " as wrong.")
  @RequestBody(
      content =
          @Content(
              schema =
                  @Schema(
                      example =
                          "{\"answers\": {\"e4137c03f3\": [\"49f98a6b\"], \"3ae4193191\":"
                              + " [\"b17a9086\", \"e2392722\", \"f98eab11\"]}}")))
  @APIResponse(
      responseCode = "200",
      description = "Scored (now or before, with the same answers)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttemptViews.AttemptResult.class)))
  @APIResponse(responseCode = "400", description = "Answers name questions or options not shown")
  @APIResponse(responseCode = "403", description = "Not the caller's attempt")
  @APIResponse(responseCode = "409", description = "Already submitted with other answers")
  @APIResponse(responseCode = "410", description = "Expired before it was submitted")
  @APIResponse(responseCode = "413", description = "Body larger than 64 KB")
  public Response submit(
      @PathParam("attemptId") String attemptId, @Context HttpHeaders headers, InputStream body)
      throws IOException {
    Map<String, List<String>> answers = answers(read(body));
    Attempts.Sheet sheet =
        attempts.submit(attemptId, callers.existing(headers), callers.accountId(), answers);
    return Response.ok(AttemptResponses.result(sheet), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String read(InputStream body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = body.read(buffer)) != -1) {
      bytes.write(buffer, 0, read);
      if (bytes.size() > MAX_BODY_BYTES) {
        throw new Attempts.Refused(
            413, "Bài nộp quá lớn (hơn 64 KB). Một bài nộp thật chỉ vài trăm byte.");
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** {@code {"answers": {questionId: [optionId, …]}}}, checked for shape only. */
  static Map<String, List<String>> answers(String body) {
    JsonValue value;
    try (var reader = JSON.createReader(new StringReader(body))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new Attempts.Refused(400, "Dữ liệu gửi lên không phải JSON hợp lệ.");
    }
    String shape =
        "Dữ liệu gửi lên phải có dạng {\"answers\": {\"mã câu hỏi\": [\"mã lựa chọn\", …]}}.";
    if (!(value instanceof JsonObject object)
        || !(object.get("answers") instanceof JsonObject answers)) {
      throw new Attempts.Refused(400, shape);
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : answers.entrySet()) {
      if (!(entry.getValue() instanceof JsonArray options)) {
        throw new Attempts.Refused(400, shape);
      }
      List<String> ids = new ArrayList<>();
      for (JsonValue option : options) {
        if (!(option instanceof JsonString id)) {
          throw new Attempts.Refused(400, shape);
        }
        ids.add(id.getString());
      }
      result.put(entry.getKey(), ids);
    }
    return result;
  }
}
