package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.entity.Household;
import vn.hocso.progress.entity.ResidentialGroup;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;

/** A ward's residential groups and households, as JSON. */
@Path("api/wards/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
@SecurityRequirement(name = "session")
public class HouseholdApi {

  @Inject WardAccess access;
  @Inject Households households;
  @Inject CurrentAccount current;
  @Inject Wards wards;

  @GET
  @Path("groups")
  @Operation(
      operationId = "groups",
      summary = "A ward's residential groups (tổ dân phố, khu phố, thôn)")
  public List<WardViews.GroupView> groups(@PathParam("code") String code) {
    Ward ward = access.forStaff(code);
    return households.groups(ward).stream().map(WardViews.GroupView::of).toList();
  }

  @POST
  @Path("groups")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addGroup",
      summary = "Add a residential group (ward officer, trainer of the ward, admin)")
  @APIResponse(responseCode = "409", description = "The ward already has a group of that name")
  @APIResponse(
      responseCode = "201",
      description = "Added",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = WardViews.GroupView.class)))
  public Response addGroup(@PathParam("code") String code, WardViews.GroupRequest body) {
    Ward ward = access.forStaff(code);
    ResidentialGroup group = households.createGroup(ward, body == null ? null : body.name());
    return Response.status(201).entity(WardViews.GroupView.of(group)).build();
  }

  @GET
  @Path("households")
  @Operation(
      operationId = "householdsOf",
      summary = "The households of one residential group, with their members' names")
  public List<WardViews.HouseholdView> householdsOf(
      @PathParam("code") String code, @QueryParam("group") Long groupId) {
    Ward ward = access.forStaff(code);
    ResidentialGroup group = households.group(ward, groupId);
    return households.ofGroup(group).stream()
        .map(
            listed ->
                new WardViews.HouseholdView(
                    listed.id(),
                    listed.groupId(),
                    listed.address(),
                    listed.onlineFiler(),
                    listed.digitalFamily(),
                    listed.members()))
        .toList();
  }

  @POST
  @Path("households")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addHousehold",
      summary = "Add a household (ward officer, trainer of the ward, admin)")
  @APIResponse(responseCode = "409", description = "The group already has a household there")
  @APIResponse(
      responseCode = "201",
      description = "Added",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = WardViews.HouseholdView.class)))
  public Response addHousehold(@PathParam("code") String code, WardViews.HouseholdRequest body) {
    Ward ward = access.forStaff(code);
    if (body == null) {
      throw new Refusal(400, "Thiếu tổ dân phố và địa chỉ.");
    }
    Household household =
        households.create(ward, body.groupId(), body.address(), current.required());
    return Response.status(201).entity(WardViews.HouseholdView.of(household)).build();
  }
}
