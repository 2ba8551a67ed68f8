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
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.web.control.SignInRequired;

/** Changing one's own password. */
@Path("doi-mat-khau")
@Produces(MediaType.TEXT_HTML)
public class PasswordPages {

  @Inject Accounts accounts;
  @Inject CurrentAccount current;
  @Inject Navigation navigation;

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response changePasswordForm() {
    return Response.ok(navigation.page("change-password", Map.of())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response changePassword(
      @FormParam("mat_khau_cu") String oldPassword,
      @FormParam("mat_khau") String password,
      @FormParam("mat_khau_lai") String passwordAgain) {
    Account account = current.required();
    Map<String, Object> model = new HashMap<>();
    try {
      if (!vn.hocso.security.control.PasswordHasher.matches(
          oldPassword == null ? "" : oldPassword, account.passwordHash())) {
        throw new Refusal(400, "Mật khẩu hiện tại chưa đúng.");
      }
      if (password == null || !password.equals(passwordAgain)) {
        throw new Refusal(400, "Hai lần nhập mật khẩu mới chưa giống nhau.");
      }
      accounts.changePassword(account.id(), password);
      model.put("done", true);
      return Response.ok(navigation.page("change-password", model)).build();
    } catch (Refusal refusal) {
      model.put("error", refusal.getMessage());
      return Response.status(refusal.status())
          .entity(navigation.page("change-password", model))
          .build();
    }
  }
}
