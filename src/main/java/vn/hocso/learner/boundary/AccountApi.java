package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.completion.control.Completions;
import vn.hocso.completion.entity.Completion;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.security.control.OwnerKeys;
import vn.hocso.security.control.Sessions;
import vn.hocso.ward.control.Wards;
import vn.hocso.web.control.Refusal;

/**
 * Accounts and sessions as JSON. State-changing calls need the CSRF token (GET /api/csrf-token) in
 * the X-CSRF-Token header, like every other POST of the site.
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Registration, sign-in, the signed-in learner")
public class AccountApi {

  @Schema(description = "What a resident fills in to register")
  public record RegistrationRequest(
      String displayName,
      Integer birthYear,
      Long wardId,
      @Schema(description = "A mobile phone number (10 digits) or a CCCD (12 digits)")
          String signInName,
      String password,
      @Schema(description = "Optional; stored encrypted") String contactPhone,
      @Schema(
              description =
                  "Must be true: consent to the data policy, version " + Accounts.CONSENT_VERSION)
          Boolean consent) {}

  @Schema(description = "Sign-in")
  public record SignInRequest(String signInName, String password) {}

  @Schema(description = "A ward")
  public record WardView(
      long id,
      @Schema(description = "Its address key: the official code, or tam-{id} before import")
          String key,
      String name) {}

  @Schema(description = "The signed-in account")
  public record Me(
      long id,
      String displayName,
      Integer birthYear,
      WardView ward,
      String role,
      @Schema(description = "The sign-in phone or CCCD as shown: its last 3 digits")
          String signIn) {}

  @Schema(description = "A completion record")
  public record CompletionView(
      String code,
      @Schema(enumeration = {"module", "program"}) String type,
      String subjectId,
      String title,
      String version,
      Integer score,
      Integer maxScore,
      java.time.Instant completedAt) {}

  @Inject Accounts accounts;
  @Inject CurrentAccount current;
  @Inject Sessions sessions;
  @Inject Wards wards;
  @Inject Completions completions;
  @Inject Attempts attempts;

  @Context UriInfo uri;

  @CookieParam(OwnerKeys.GUEST_COOKIE)
  String guestCookie;

  @Context HttpServletRequest request;

  @POST
  @Path("accounts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register a learner and sign them in")
  @APIResponse(responseCode = "201", description = "Registered; the session cookie is set")
  @APIResponse(responseCode = "400", description = "A field is invalid (the error says which)")
  @APIResponse(responseCode = "409", description = "The phone or CCCD already has an account")
  public Response register(RegistrationRequest body) {
    if (body == null) {
      throw new Refusal(400, "Thiếu thông tin đăng ký.");
    }
    Account account =
        accounts.register(
            new Accounts.Registration(
                body.displayName(),
                body.birthYear(),
                body.wardId(),
                body.signInName(),
                body.password(),
                body.contactPhone(),
                Boolean.TRUE.equals(body.consent())));
    return withSession(Response.status(201), account).entity(me(account)).build();
  }

  @POST
  @Path("sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign in")
  @APIResponse(responseCode = "200", description = "Signed in; the session cookie is set")
  @APIResponse(responseCode = "401", description = "Wrong sign-in name or password")
  @APIResponse(responseCode = "429", description = "Too many attempts; wait 15 minutes")
  public Response signIn(SignInRequest body) {
    if (body == null) {
      throw new Refusal(400, "Thiếu số điện thoại, số căn cước hoặc mật khẩu.");
    }
    Account account = accounts.signIn(body.signInName(), body.password(), request.getRemoteAddr());
    return withSession(Response.ok(), account).entity(me(account)).build();
  }

  private Response.ResponseBuilder withSession(Response.ResponseBuilder response, Account account) {
    String guest = OwnerKeys.guest(guestCookie);
    if (guest != null) {
      attempts.claimGuestAttempts(guest, account.id());
    }
    return response.cookie(SessionCookies.issue(sessions.start(account.id()), uri));
  }

  @DELETE
  @Path("sessions/current")
  @Operation(summary = "Sign out")
  @APIResponse(responseCode = "204", description = "Signed out")
  public Response signOut(@CookieParam(Sessions.COOKIE) String token) {
    sessions.end(token);
    return Response.noContent().cookie(SessionCookies.clear(uri)).build();
  }

  @GET
  @Path("me")
  @Operation(summary = "The signed-in account")
  @APIResponse(responseCode = "401", description = "Not signed in")
  public Me me() {
    return me(current.required());
  }

  @GET
  @Path("me/completions")
  @Operation(summary = "The signed-in learner's completions")
  @APIResponse(responseCode = "401", description = "Not signed in")
  public List<CompletionView> myCompletions() {
    return completions.forAccount(current.required().id()).stream().map(AccountApi::view).toList();
  }

  @GET
  @Path("wards")
  @Operation(summary = "The wards a learner can choose from")
  public List<WardView> wards() {
    return wards.all().stream()
        .map(ward -> new WardView(ward.id(), ward.key(), ward.displayName()))
        .toList();
  }

  static CompletionView view(Completion completion) {
    return new CompletionView(
        completion.code(),
        completion.subjectType(),
        completion.subjectId(),
        completion.title(),
        completion.version(),
        completion.score(),
        completion.maxScore(),
        completion.completedAt());
  }

  private Me me(Account account) {
    WardView ward =
        account.wardId() == null
            ? null
            : wards
                .find(account.wardId())
                .map(w -> new WardView(w.id(), w.key(), w.displayName()))
                .orElse(null);
    return new Me(
        account.id(),
        account.displayName(),
        account.birthYear(),
        ward,
        account.role().code(),
        "•••" + account.signInLast3());
  }
}
