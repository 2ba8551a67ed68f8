package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.security.control.OwnerKeys;

/** Signing in with a phone number or CCCD and a password. */
@Path("dang-nhap")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

  @Inject Accounts accounts;
  @Inject SessionStart sessionStart;
  @Inject Navigation navigation;

  @Context UriInfo uri;

  @CookieParam(OwnerKeys.GUEST_COOKIE)
  String guestCookie;

  @Context HttpServletRequest request;

  @GET
  @Operation(hidden = true)
  public String signInForm() {
    return signInPage("", null);
  }

  private String signInPage(String signInName, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("signInName", signInName);
    model.put("error", error);
    return navigation.page("sign-in", model);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response signIn(
      @FormParam("dang_nhap") String signInName, @FormParam("mat_khau") String password) {
    try {
      Account account = accounts.signIn(signInName, password, request.getRemoteAddr());
      return sessionStart.toHome(account, guestCookie, uri);
    } catch (Refusal refusal) {
      return Response.status(refusal.status())
          .entity(signInPage(signInName == null ? "" : signInName, refusal.getMessage()))
          .build();
    }
  }
}
