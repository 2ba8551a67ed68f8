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
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.control.PasswordResets;
import vn.hocso.platform.control.Refusal;

/** Where a learner sets a new password with the one-time code the staff gave them. */
@Path("dat-lai-mat-khau")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetPages {

  @Inject PasswordResets resets;
  @Inject Navigation navigation;

  @GET
  @Operation(hidden = true)
  public String resetForm() {
    return navigation.page("reset-password", new HashMap<>(Map.of("signInName", "")));
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response reset(
      @FormParam("dang_nhap") String signInName,
      @FormParam("ma") String code,
      @FormParam("mat_khau") String password,
      @FormParam("mat_khau_lai") String passwordAgain) {
    Map<String, Object> model = new HashMap<>();
    model.put("signInName", signInName == null ? "" : signInName);
    try {
      if (password == null || !password.equals(passwordAgain)) {
        throw new Refusal(400, "Hai lần nhập mật khẩu mới chưa giống nhau.");
      }
      resets.use(signInName, code, password);
      model.put("done", true);
      return Response.ok(navigation.page("reset-password", model)).build();
    } catch (Refusal refusal) {
      model.put("error", refusal.getMessage());
      return Response.status(refusal.status())
          .entity(navigation.page("reset-password", model))
          .build();
    }
  }
}
