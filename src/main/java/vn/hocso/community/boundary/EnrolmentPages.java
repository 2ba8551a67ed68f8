package vn.hocso.community.boundary;

import static vn.hocso.web.control.FormValues.orEmpty;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.SignInRequired;

/**
 * Registering a resident on the trainer's device, with the resident's consent, and their household.
 */
@Path("ho-tro/dang-ky")
@Produces(MediaType.TEXT_HTML)
public class EnrolmentPages {

  @Inject ResidentAccess residents;
  @Inject Households households;
  @Inject Wards wards;
  @Inject Navigation navigation;

  // ---- Assisted registration

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response registerForm() {
    Account trainer = residents.trainer();
    return Response.ok(registerPage(trainer, new HashMap<>())).build();
  }

  private String registerPage(Account trainer, Map<String, Object> model) {
    Ward ward = wards.find(trainer.wardId()).orElseThrow();
    model.put("ward", ward);
    model.put("groups", households.groups(ward));
    model.putIfAbsent("error", null);
    Map<String, Object> empty = new HashMap<>();
    empty.put("name", "");
    empty.put("birthYear", "");
    empty.put("signInName", "");
    empty.put("address", "");
    empty.put("group", null);
    empty.put("consent", false);
    model.putIfAbsent("entered", empty);
    return navigation.page("assist-register", model);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response register(
      @FormParam("ten") String name,
      @FormParam("nam_sinh") String birthYear,
      @FormParam("dang_nhap") String signInName,
      @FormParam("mat_khau") String password,
      @FormParam("mat_khau_lai") String passwordAgain,
      @FormParam("dong_y") String consent,
      @FormParam("to") String group,
      @FormParam("dia_chi") String address) {
    Account trainer = residents.trainer();
    Long groupId = group == null || !group.matches("[0-9]{1,18}") ? null : Long.valueOf(group);
    try {
      if (password == null || !password.equals(passwordAgain)) {
        throw new Refusal(400, "Hai lần nhập mật khẩu chưa giống nhau.");
      }
      Integer year = null;
      if (birthYear != null && birthYear.strip().matches("[0-9]{4}")) {
        year = Integer.valueOf(birthYear.strip());
      }
      Account resident =
          residents.enrol(
              trainer,
              new Accounts.Registration(
                  name, year, trainer.wardId(), signInName, password, null, consent != null),
              groupId,
              address);
      return Response.seeOther(URI.create("/ho-tro/nguoi-dan/" + resident.id())).build();
    } catch (Refusal refusal) {
      // Everything typed stays, the consent and the group included; never the password.
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      Map<String, Object> entered = new HashMap<>();
      entered.put("name", orEmpty(name));
      entered.put("birthYear", orEmpty(birthYear));
      entered.put("signInName", orEmpty(signInName));
      entered.put("address", orEmpty(address));
      entered.put("group", groupId);
      entered.put("consent", consent != null);
      model.put("entered", entered);
      return Response.status(refusal.status()).entity(registerPage(trainer, model)).build();
    }
  }
}
