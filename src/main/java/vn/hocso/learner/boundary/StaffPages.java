package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.control.PasswordResets;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.ward.control.Wards;
import vn.hocso.web.control.SignInRequired;

/**
 * The staff's page: a one-time code for a learner who forgot the password (trainers, ward officers,
 * admins) and, for admins, giving accounts their role.
 */
@Path("quan-ly")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

  @Inject CurrentAccount current;
  @Inject Accounts accounts;
  @Inject PasswordResets resets;
  @Inject Wards wards;
  @Inject Navigation navigation;

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response staffHome() {
    Account staff = current.requireRole(Role.TRAINER, Role.OFFICER, Role.ADMIN);
    return Response.ok(staffPage(staff, new HashMap<>())).build();
  }

  private String staffPage(Account staff, Map<String, Object> model) {
    model.put("staff", staff);
    model.put("roleLabels", Navigation.roleLabels(staff));
    model.put("isAdmin", staff.has(Role.ADMIN));
    model.put("wards", wards.all());
    model.put(
        "roles", java.util.Arrays.stream(Role.values()).filter(r -> r != Role.LEARNER).toList());
    model.put(
        "wardKey",
        staff.wardId() == null ? null : wards.find(staff.wardId()).map(w -> w.key()).orElse(null));
    model.put("isOfficer", staff.has(Role.OFFICER));
    model.putIfAbsent("code", null);
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    // What was typed stays after an error (never a reset code).
    model.putIfAbsent("resetFor", "");
    model.putIfAbsent("roleFor", "");
    model.putIfAbsent("chosenRole", "");
    model.putIfAbsent("chosenWard", null);
    return navigation.page("staff", model);
  }

  @POST
  @Path("dat-lai-mat-khau")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response createResetCode(@FormParam("dang_nhap") String learnerSignInName) {
    Account staff = current.requireRole(Role.TRAINER, Role.OFFICER, Role.ADMIN);
    Map<String, Object> model = new HashMap<>();
    try {
      model.put("code", resets.create(staff, learnerSignInName));
      return Response.ok(staffPage(staff, model)).build();
    } catch (Refusal refusal) {
      model.put("error", refusal.getMessage());
      model.put("resetFor", learnerSignInName == null ? "" : learnerSignInName);
      return Response.status(refusal.status()).entity(staffPage(staff, model)).build();
    }
  }

  @POST
  @Path("vai-tro")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response assignRole(
      @FormParam("dang_nhap") String signInName,
      @FormParam("vai_tro") String role,
      @FormParam("phuong") String ward,
      @FormParam("viec") String action) {
    Account admin = current.requireRole(Role.ADMIN);
    Map<String, Object> model = new HashMap<>();
    try {
      Account account =
          accounts
              .findBySignInName(signInName)
              .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
      Role chosen;
      try {
        chosen = Role.of(role == null ? "" : role);
      } catch (IllegalArgumentException e) {
        throw new Refusal(400, "Bác hãy chọn một vai trò trong danh sách.");
      }
      if (chosen == Role.LEARNER && !"thu-hoi".equals(action)) {
        throw new Refusal(400, "Ai cũng là người học: bác hãy chọn một vai trò khác.");
      }
      if ("thu-hoi".equals(action)) {
        Account changed = accounts.revokeRole(account.id(), chosen);
        model.put(
            "message",
            "Đã thu hồi vai trò "
                + chosen.label()
                + " của "
                + changed.displayName()
                + ". Tài khoản nay có: "
                + Navigation.roleLabels(changed)
                + ".");
        return Response.ok(staffPage(admin, model)).build();
      }
      Integer wardId = SignUpPages.number(ward, "Bác hãy chọn phường, xã trong danh sách.");
      Account changed =
          accounts.assignRole(account.id(), chosen, wardId == null ? null : wardId.longValue());
      String wardName =
          changed.wardId() == null
              ? ""
              : wards.find(changed.wardId()).map(w -> ", " + w.displayName()).orElse("");
      model.put(
          "message",
          "Đã giao vai trò "
              + chosen.label()
              + " cho "
              + changed.displayName()
              + wardName
              + ". Tài khoản nay có: "
              + Navigation.roleLabels(changed)
              + ".");
      return Response.ok(staffPage(admin, model)).build();
    } catch (Refusal refusal) {
      model.put("error", refusal.getMessage());
      model.put("roleFor", signInName == null ? "" : signInName);
      model.put("chosenRole", role == null ? "" : role);
      model.put(
          "chosenWard", ward == null || !ward.matches("[0-9]{1,18}") ? null : Long.valueOf(ward));
      return Response.status(refusal.status()).entity(staffPage(admin, model)).build();
    }
  }
}
