package vn.hocso.progress.boundary;

import static vn.hocso.web.control.FormValues.id;
import static vn.hocso.web.control.FormValues.orEmpty;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.entity.Household;
import vn.hocso.progress.entity.ResidentialGroup;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.SignInRequired;

/**
 * A ward's residential groups and their households, for its officer and trainers: adding groups,
 * households and members.
 */
@Path("phuong/{key}/ho-gia-dinh")
@Produces(MediaType.TEXT_HTML)
public class HouseholdPages {

  @Inject CurrentAccount current;
  @Inject WardAccess access;
  @Inject Households households;
  @Inject Accounts accounts;
  @Inject Navigation navigation;

  // ---- Residential groups and households

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response householdsPage(@PathParam("key") String key, @QueryParam("to") Long groupId) {
    Ward ward = access.forStaff(key);
    return Response.ok(householdsPage(ward, groupId, new HashMap<>())).build();
  }

  private String householdsPage(Ward ward, Long groupId, Map<String, Object> model) {
    List<ResidentialGroup> groups = households.groups(ward);
    ResidentialGroup chosen =
        groupId == null
            ? null
            : groups.stream().filter(g -> g.id().equals(groupId)).findFirst().orElse(null);
    model.put("ward", ward);
    model.put("groups", groups);
    model.put("group", chosen);
    model.put("households", chosen == null ? List.of() : households.ofGroup(chosen));
    model.put(
        "isOfficer", current.required().has(Role.OFFICER) || current.required().has(Role.ADMIN));
    model.put("adminView", current.required().has(Role.ADMIN));
    model.put("wide", true);
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    // What was typed into the form that failed; each form shows its own value again.
    Map<String, Object> entered = new HashMap<>();
    entered.put("groupName", "");
    entered.put("address", "");
    entered.put("member", null);
    entered.put("signInName", "");
    @SuppressWarnings("unchecked")
    Map<String, Object> given = (Map<String, Object>) model.get("entered");
    if (given != null) {
      entered.putAll(given);
    }
    model.put("entered", entered);
    return navigation.page("ward-households", model);
  }

  @POST
  @Path("to-dan-pho")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response addGroup(@PathParam("key") String key, @FormParam("ten") String name) {
    Ward ward = access.forStaff(key);
    try {
      ResidentialGroup group = households.createGroup(ward, name);
      return Response.seeOther(
              URI.create("/phuong/" + ward.key() + "/ho-gia-dinh?to=" + group.id()))
          .build();
    } catch (Refusal refusal) {
      return refused(ward, null, refusal, Map.of("groupName", orEmpty(name)));
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response addHousehold(
      @PathParam("key") String key,
      @FormParam("to") String group,
      @FormParam("dia_chi") String address) {
    Ward ward = access.forStaff(key);
    Long groupId = id(group);
    try {
      households.create(ward, groupId, address, current.required());
      return Response.seeOther(URI.create("/phuong/" + ward.key() + "/ho-gia-dinh?to=" + groupId))
          .build();
    } catch (Refusal refusal) {
      return refused(ward, groupId, refusal, Map.of("address", orEmpty(address)));
    }
  }

  @POST
  @Path("{id}/thanh-vien")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response addMember(
      @PathParam("key") String key,
      @PathParam("id") long householdId,
      @FormParam("dang_nhap") String signInName) {
    Ward ward = access.forStaff(key);
    Household household =
        households
            .find(householdId)
            .filter(found -> found.wardId() == ward.id())
            .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
    try {
      Account learner =
          accounts
              .findBySignInName(signInName)
              .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
      households.link(household, learner);
      Map<String, Object> model = new HashMap<>();
      model.put(
          "message", "Đã thêm " + learner.displayName() + " vào hộ " + household.address() + ".");
      return Response.ok(householdsPage(ward, household.groupId(), model)).build();
    } catch (Refusal refusal) {
      return refused(
          ward,
          household.groupId(),
          refusal,
          Map.of("member", household.id(), "signInName", orEmpty(signInName)));
    }
  }

  private Response refused(Ward ward, Long groupId, Refusal refusal, Map<String, Object> entered) {
    Map<String, Object> model = new HashMap<>();
    model.put("error", refusal.getMessage());
    model.put("entered", entered);
    return Response.status(refusal.status()).entity(householdsPage(ward, groupId, model)).build();
  }

  // ---- Form values

}
