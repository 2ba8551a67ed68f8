package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.Attestations;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.learner.entity.Account;

/** Withdrawing an attestation, as JSON. */
@Path("api/attestations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
@SecurityRequirement(name = "session")
public class AttestationApi {

  @Inject ResidentAccess residents;
  @Inject Attestations attestations;

  @Schema(description = "Why an attestation is withdrawn")
  public record Withdrawal(String reason) {}

  @POST
  @Path("withdrawal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "withdraw",
      summary = "Withdraw an attestation, with a reason (kept)",
      description =
          "By the trainer who made it or the ward officer. Withdrawing twice changes nothing.")
  @APIResponse(responseCode = "403", description = "Another trainer's attestation")
  @APIResponse(
      responseCode = "200",
      description = "Withdrawn; the attestation as it now stands",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CommunityViews.AttestationView.class)))
  public CommunityViews.AttestationView withdraw(@PathParam("id") long id, Withdrawal body) {
    Account by = residents.trainer();
    return CommunityViews.AttestationView.of(
        attestations.withdraw(by, id, body == null ? null : body.reason()));
  }
}
