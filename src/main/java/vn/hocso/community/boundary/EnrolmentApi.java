package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;

/** Registering a resident on the trainer's device (assisted enrolment), as JSON. */
@Path("api/assisted-registrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
@SecurityRequirement(name = "session")
public class EnrolmentApi {

  @Inject ResidentAccess residents;

  @Schema(description = "A resident a trainer registers on their own device, with consent")
  public record AssistedRegistration(
      String displayName,
      Integer birthYear,
      @Schema(description = "The resident's mobile number or CCCD") String signInName,
      String password,
      String contactPhone,
      @Schema(description = "The resident agreed, in front of the trainer, to the data policy")
          Boolean consent,
      @Schema(description = "Optional: the resident's household") Long groupId,
      String address) {}

  @Schema(description = "A registered resident")
  public record ResidentView(long id, String displayName, Integer birthYear, Long registeredBy) {}

  // ---- Assisted enrollment

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerResident",
      summary = "Register a resident on the trainer's device (assisted enrollment)",
      description =
          "The account is the resident's, in the trainer's ward; it records the consent given and"
              + " who registered it. The trainer stays signed in.")
  @APIResponse(
      responseCode = "201",
      description = "Registered by the trainer",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ResidentView.class)))
  public Response registerResident(AssistedRegistration body) {
    Account trainer = residents.trainer();
    if (body == null) {
      throw new Refusal(400, "Thiếu thông tin đăng ký.");
    }
    Account resident =
        residents.enrol(
            trainer,
            new Accounts.Registration(
                body.displayName(),
                body.birthYear(),
                trainer.wardId(),
                body.signInName(),
                body.password(),
                body.contactPhone(),
                Boolean.TRUE.equals(body.consent())),
            body.groupId(),
            body.address());
    return Response.status(201)
        .entity(
            new ResidentView(
                resident.id(), resident.displayName(), resident.birthYear(), trainer.id()))
        .build();
  }
}
