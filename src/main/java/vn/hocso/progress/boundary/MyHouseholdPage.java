package vn.hocso.progress.boundary;

import static vn.hocso.web.control.FormValues.id;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.entity.Household;
import vn.hocso.progress.entity.ResidentialGroup;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.SignInRequired;

/** A learner's own household: which residential group and address they live at. */
@Path("ho-gia-dinh")
@Produces(MediaType.TEXT_HTML)
public class MyHouseholdPage {

  @Inject CurrentAccount current;
  @Inject Households households;
  @Inject WardAccess access;
  @Inject Wards wards;
  @Inject Navigation navigation;

  // ---- The learner's own household

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response myHousehold() {
    return Response.ok(myHouseholdPage(new HashMap<>())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response stateMyHousehold(
      @FormParam("to") String group, @FormParam("dia_chi") String address) {
    Account learner = current.required();
    Map<String, Object> model = new HashMap<>();
    try {
      Ward ward = access.ofLearner(learner);
      households.stateOwn(ward, learner, id(group), address);
      model.put("message", "Đã lưu hộ gia đình của bác.");
      return Response.ok(myHouseholdPage(model)).build();
    } catch (Refusal refusal) {
      model.put("error", refusal.getMessage());
      model.put("chosenGroup", id(group));
      model.put("address", orEmpty(address));
      return Response.status(refusal.status()).entity(myHouseholdPage(model)).build();
    }
  }

  private String myHouseholdPage(Map<String, Object> model) {
    Account learner = current.required();
    Ward ward = learner.wardId() == null ? null : wards.find(learner.wardId()).orElse(null);
    Household household = households.of(learner).orElse(null);
    model.put("ward", ward);
    model.put("groups", ward == null ? List.of() : households.groups(ward));
    model.put("household", household);
    model.put(
        "householdGroup",
        household == null
            ? null
            : households.groups(ward).stream()
                .filter(g -> g.id() == household.groupId())
                .map(ResidentialGroup::name)
                .findFirst()
                .orElse(null));
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    model.putIfAbsent("chosenGroup", household == null ? null : household.groupId());
    model.putIfAbsent("address", "");
    return navigation.page("my-household", model);
  }
}
