package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.Teams;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.entity.Household;

/** Pairing a trainer with a household as its digital ambassador, as JSON. */
@Path("api/households/{id}/ambassadors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
@SecurityRequirement(name = "session")
public class AmbassadorApi {

  @Inject Teams teams;
  @Inject Accounts accounts;
  @Inject Households households;
  @Inject CurrentAccount current;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "pairAmbassador",
      summary = "Pair a trainer (student digital ambassador) with a household")
  @APIResponse(responseCode = "204", description = "Paired")
  public Response pairAmbassador(
      @PathParam("id") long householdId, CommunityViews.TrainerRequest body) {
    Account officer = current.requireRole(Role.OFFICER, Role.ADMIN);
    Household household =
        households
            .find(householdId)
            .filter(
                found ->
                    officer.has(Role.ADMIN)
                        || (officer.wardId() != null && officer.wardId() == found.wardId()))
            .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
    teams.pair(CommunityViews.trainer(accounts, body), household, officer);
    return Response.noContent().build();
  }
}
