package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.security.control.OwnerKeys;
import vn.hocso.ward.control.Wards;

/**
 * Registering: the form a resident fills in, with the consent to the data policy. A refused form
 * comes back with what was typed (never the password) and the problem.
 */
@Path("dang-ky")
@Produces(MediaType.TEXT_HTML)
public class SignUpPages {

  /** A ward in the registration form's list. */
  public record WardOption(long id, String name, boolean selected) {}

  @Inject Accounts accounts;
  @Inject SessionStart sessionStart;
  @Inject Wards wards;
  @Inject Navigation navigation;

  @Context UriInfo uri;

  @CookieParam(OwnerKeys.GUEST_COOKIE)
  String guestCookie;

  @GET
  @Operation(hidden = true)
  public String registerForm() {
    return registerPage(Map.of(), null);
  }

  private String registerPage(Map<String, String> values, String error) {
    Map<String, String> shown = new HashMap<>();
    for (String field : List.of("ten", "nam_sinh", "phuong", "dang_nhap", "dien_thoai", "dong_y")) {
      shown.put(field, values.getOrDefault(field, ""));
    }
    Map<String, Object> model = new HashMap<>();
    model.put(
        "wards",
        wards.all().stream()
            .map(
                ward ->
                    new WardOption(
                        ward.id(),
                        ward.displayName(),
                        String.valueOf(ward.id()).equals(shown.get("phuong"))))
            .toList());
    model.put("values", shown);
    model.put("error", error);
    model.put("consentVersion", Accounts.CONSENT_VERSION);
    return navigation.page("register", model);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response register(
      @FormParam("ten") String name,
      @FormParam("nam_sinh") String birthYear,
      @FormParam("phuong") String ward,
      @FormParam("dang_nhap") String signInName,
      @FormParam("mat_khau") String password,
      @FormParam("mat_khau_lai") String passwordAgain,
      @FormParam("dien_thoai") String contactPhone,
      @FormParam("dong_y") String consent) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("ten", name == null ? "" : name);
    values.put("nam_sinh", birthYear == null ? "" : birthYear);
    values.put("phuong", ward == null ? "" : ward);
    values.put("dang_nhap", signInName == null ? "" : signInName);
    values.put("dien_thoai", contactPhone == null ? "" : contactPhone);
    values.put("dong_y", consent == null ? "" : consent);
    try {
      if (password != null && !password.equals(passwordAgain)) {
        throw new Refusal(400, "Hai lần nhập mật khẩu chưa giống nhau.");
      }
      Account account =
          accounts.register(
              new Accounts.Registration(
                  name,
                  number(birthYear, "Năm sinh phải là một số, ví dụ 1960."),
                  ward == null || ward.isBlank()
                      ? null
                      : (long) number(ward, "Bác hãy chọn phường, xã của mình trong danh sách."),
                  signInName,
                  password,
                  contactPhone,
                  "co".equals(consent)));
      return sessionStart.toHome(account, guestCookie, uri);
    } catch (Refusal refusal) {
      return Response.status(refusal.status())
          .entity(registerPage(values, refusal.getMessage()))
          .build();
    }
  }

  static Integer number(String text, String message) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new Refusal(400, message);
    }
  }
}
