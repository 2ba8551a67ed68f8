package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.entity.Household;

/** Adding a learner to a household, as JSON. */
@Path("api/households")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
@SecurityRequirement(name = "session")
public class HouseholdMemberApi {

  @Inject WardAccess access;
  @Inject Households households;
  @Inject Accounts accounts;
  @Inject CurrentAccount current;

  @POST
  @Path("{id}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addHouseholdMember",
      summary = "Add a learner of the ward to a household",
      description = "A learner belongs to at most one household: this moves them from another.")
  @APIResponse(responseCode = "200", description = "Added (or already a member)")
  @APIResponse(responseCode = "403", description = "A household of another ward")
  @APIResponse(responseCode = "404", description = "No account with this phone or CCCD")
  public WardViews.HouseholdView addHouseholdMember(
      @PathParam("id") long id, WardViews.MemberRequest body) {
    Household household = householdForStaff(id);
    Account learner =
        accounts
            .findBySignInName(body == null ? null : body.signInName())
            .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
    households.link(household, learner);
    return WardViews.HouseholdView.of(households.find(id).orElseThrow());
  }

  private Household householdForStaff(long id) {
    // Staff of another ward get 403 whether or not the id exists.
    Household household = households.find(id).orElse(null);
    if (household == null) {
      Account staff = current.requireRole(Role.OFFICER, Role.TRAINER, Role.ADMIN);
      throw staff.has(Role.ADMIN)
          ? new Refusal(404, "Không có hộ gia đình này.")
          : new Refusal(403, WardAccess.OTHER_WARD);
    }
    access.forStaff(household.wardId());
    return household;
  }
}
