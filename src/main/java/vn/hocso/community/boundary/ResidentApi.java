package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.Attestations;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.community.entity.Attestation;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.quiz.control.AttemptViews;
import vn.hocso.quiz.control.Attempts;

/**
 * A resident a trainer works with: quizzes started together, practical skills attested, as JSON.
 */
@Path("api/residents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
@SecurityRequirement(name = "session")
public class ResidentApi {

  @Inject ResidentAccess residents;
  @Inject Attestations attestations;
  @Inject Attempts attempts;

  @Context UriInfo uri;

  @Schema(description = "A practical skill seen in person")
  public record AttestationRequest(
      String skillId,
      @Schema(description = "The day it was seen; today when absent; never in the future")
          LocalDate attestedOn,
      @Schema(description = "Indexes (from 0) of the checklist items confirmed: all are required")
          List<Integer> confirmed,
      @Schema(description = "Optional reference, e.g. the dossier code; never shown publicly")
          String reference) {}

  @Schema(description = "A module to take with the resident")
  public record AssistedAttempt(String moduleId) {}

  @POST
  @Path("attempts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startForResident",
      summary = "Start a quiz for a resident on the trainer's device",
      description =
          "The resident's attempt, marked as assisted by the trainer; the trainer's session"
              + " submits it (POST /api/attempts/{attemptId}/submission).")
  @APIResponse(responseCode = "403", description = "A resident of another ward")
  @APIResponse(
      responseCode = "201",
      description = "Started; Location names the attempt",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AttemptViews.StartedAttempt.class)))
  public Response startForResident(@PathParam("id") long residentId, AssistedAttempt body) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    if (body == null || body.moduleId() == null) {
      throw new Refusal(400, "Bác hãy chọn học phần.");
    }
    Attempts.Sheet sheet = attempts.startAssisted(body.moduleId(), trainer.id(), resident.id());
    return Response.created(
            uri.getBaseUriBuilder().path("api/attempts/" + sheet.attempt().id()).build())
        .entity(
            new AttemptViews.StartedAttempt(
                sheet.attempt().id(), sheet.attempt().version(), AttemptViews.questions(sheet)))
        .build();
  }

  // ---- Attestations

  @POST
  @Path("attestations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "attest", summary = "Attest a practical skill seen in person")
  @APIResponse(
      responseCode = "400",
      description = "Unknown or withdrawn skill, a future day, checklist not fully confirmed")
  @APIResponse(
      responseCode = "403",
      description = "A resident of another ward, or the trainer themselves")
  @APIResponse(responseCode = "409", description = "The resident already holds it")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CommunityViews.AttestationView.class)))
  public Response attest(@PathParam("id") long residentId, AttestationRequest body) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    if (body == null) {
      throw new Refusal(400, "Thiếu nội dung xác nhận.");
    }
    Attestation attestation =
        attestations.attest(
            trainer,
            resident.id(),
            new Attestations.Entry(
                body.skillId(), body.attestedOn(), body.confirmed(), body.reference()));
    return Response.status(201).entity(CommunityViews.AttestationView.of(attestation)).build();
  }

  @GET
  @Path("attestations")
  @Operation(
      operationId = "attestationsOf",
      summary = "A resident's attestations, withdrawn ones included")
  public List<CommunityViews.AttestationView> attestationsOf(@PathParam("id") long residentId) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    return attestations.ofResident(resident.id()).stream()
        .map(CommunityViews.AttestationView::of)
        .toList();
  }
}
