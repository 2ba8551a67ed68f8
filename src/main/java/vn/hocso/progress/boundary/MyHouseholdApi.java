package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.entity.Ward;

/** The signed-in learner's own household and the residential groups of their ward, as JSON. */
@Path("api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
@SecurityRequirement(name = "session")
public class MyHouseholdApi {

  @Inject Households households;
  @Inject WardAccess access;
  @Inject CurrentAccount current;

  @GET
  @Path("household")
  @Operation(operationId = "myHousehold", summary = "The signed-in learner's household")
  @APIResponse(responseCode = "404", description = "Not in a household yet")
  @APIResponse(
      responseCode = "200",
      description = "The household and its members",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = WardViews.HouseholdView.class)))
  public WardViews.HouseholdView myHousehold() {
    Account learner = current.required();
    return households
        .of(learner)
        .map(WardViews.HouseholdView::of)
        .orElseThrow(() -> new Refusal(404, "Bác chưa cho biết mình ở hộ nào."));
  }

  @PUT
  @Path("household")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "stateMyHousehold",
      summary = "State the signed-in learner's household",
      description =
          "The household at this address of the group (created if new); moves the"
              + " learner out of any other.")
  public WardViews.HouseholdView stateMyHousehold(WardViews.HouseholdRequest body) {
    Account learner = current.required();
    Ward ward = access.ofLearner(learner);
    if (body == null) {
      throw new Refusal(400, "Thiếu tổ dân phố và địa chỉ.");
    }
    return WardViews.HouseholdView.of(
        households.stateOwn(ward, learner, body.groupId(), body.address()));
  }

  @GET
  @Path("groups")
  @Operation(
      operationId = "myGroups",
      summary = "The residential groups of the signed-in learner's ward")
  public List<WardViews.GroupView> myGroups() {
    Ward ward = access.ofLearner(current.required());
    return households.groups(ward).stream().map(WardViews.GroupView::of).toList();
  }
}
