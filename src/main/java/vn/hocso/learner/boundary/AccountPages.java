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
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.completion.control.Completions;
import vn.hocso.completion.entity.Completion;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.security.control.OwnerKeys;
import vn.hocso.security.control.Sessions;
import vn.hocso.ward.control.Wards;
import vn.hocso.web.control.Refusal;

/** Registering, signing in and out, and "Tiến độ của tôi", as HTML forms. */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

  /** A ward in the registration form's list. */
  public record WardOption(long id, String name, boolean selected) {}

  /**
   * A module or program on the progress page, with its completion if there is one; for a program,
   * how many of its modules are done.
   */
  public record Status(String id, String title, Completion completion, int done, int total) {}

  @Inject Accounts accounts;
  @Inject CurrentAccount current;
  @Inject Sessions sessions;
  @Inject Wards wards;
  @Inject Completions completions;
  @Inject ContentCatalog catalog;
  @Inject Attempts attempts;
  @Inject Navigation navigation;

  @Context UriInfo uri;

  @CookieParam(OwnerKeys.GUEST_COOKIE)
  String guestCookie;

  @Context HttpServletRequest request;

  @GET
  @Path("dang-ky")
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
  @Path("dang-ky")
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
      return signedIn(account);
    } catch (Refusal refusal) {
      return Response.status(refusal.status())
          .entity(registerPage(values, refusal.getMessage()))
          .build();
    }
  }

  /**
   * Starts a session for a new or returning account, claims this browser's guest attempts and sends
   * the person to the main page of their role.
   */
  private Response signedIn(Account account) {
    String guest = OwnerKeys.guest(guestCookie);
    if (guest != null) {
      attempts.claimGuestAttempts(guest, account.id());
    }
    return Response.seeOther(URI.create(navigation.home(account)))
        .cookie(SessionCookies.issue(sessions.start(account.id()), uri))
        .build();
  }

  /**
   * "Tài khoản", the one link of the pages everyone shares: a guest goes to sign in, anyone signed
   * in to the main page of their role. Never cached: it depends on who asks.
   */
  @GET
  @Path("tai-khoan")
  @Operation(hidden = true)
  public Response account() {
    String next = current.get().map(navigation::home).orElse("/dang-nhap");
    return Response.seeOther(URI.create(next)).header("Cache-Control", "no-store").build();
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

  @GET
  @Path("dang-nhap")
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
  @Path("dang-nhap")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response signIn(
      @FormParam("dang_nhap") String signInName, @FormParam("mat_khau") String password) {
    try {
      Account account = accounts.signIn(signInName, password, request.getRemoteAddr());
      return signedIn(account);
    } catch (Refusal refusal) {
      return Response.status(refusal.status())
          .entity(signInPage(signInName == null ? "" : signInName, refusal.getMessage()))
          .build();
    }
  }

  @GET
  @Path("dang-xuat")
  @Operation(hidden = true)
  public String signOutForm() {
    return navigation.page("sign-out", Map.of("signedIn", current.get().isPresent()));
  }

  @POST
  @Path("dang-xuat")
  @Operation(hidden = true)
  public Response signOut(@CookieParam(Sessions.COOKIE) String token) {
    sessions.end(token);
    return Response.seeOther(URI.create("/")).cookie(SessionCookies.clear(uri)).build();
  }

  @GET
  @Path("tien-do")
  @Operation(hidden = true)
  public Response progress() {
    Account account = current.get().orElse(null);
    if (account == null) {
      return Response.seeOther(URI.create("/dang-nhap")).build();
    }
    Curriculum curriculum = catalog.current();
    List<Completion> done = completions.forAccount(account.id());
    Map<String, Completion> modulesDone = new HashMap<>();
    Map<String, Completion> programsDone = new HashMap<>();
    for (Completion completion : done) {
      (completion.isProgram() ? programsDone : modulesDone).put(completion.subjectId(), completion);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("account", account);
    model.put("ward", account.wardId() == null ? null : wards.find(account.wardId()).orElse(null));
    model.put(
        "modules",
        curriculum.modules().stream()
            .map(
                module ->
                    new Status(module.id(), module.title(), modulesDone.get(module.id()), 0, 0))
            .toList());
    model.put(
        "programs",
        curriculum.programs().stream()
            // Household programs (they require practical skills) are shown with the household.
            .filter(program -> program.skillIds().isEmpty())
            .map(
                program ->
                    new Status(
                        program.id(),
                        program.title(),
                        programsDone.get(program.id()),
                        (int) program.moduleIds().stream().filter(modulesDone::containsKey).count(),
                        program.moduleIds().size()))
            .toList());
    return Response.ok(navigation.page("progress", model)).build();
  }

  @GET
  @Path("doi-mat-khau")
  @Operation(hidden = true)
  public Response changePasswordForm() {
    if (current.get().isEmpty()) {
      return Response.seeOther(URI.create("/dang-nhap")).build();
    }
    return Response.ok(navigation.page("change-password", Map.of())).build();
  }

  @POST
  @Path("doi-mat-khau")
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
