package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Sessions;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.security.control.OwnerKeys;
import vn.hocso.ward.control.Wards;

/** Signing in and out over the API; the session is an HttpOnly cookie. */
@Path("api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Registration, sign-in, the signed-in learner")
public class SessionApi {

  @Inject Accounts accounts;
  @Inject CurrentAccount current;
  @Inject Sessions sessions;
  @Inject SessionStart sessionStart;
  @Inject Wards wards;

  @Context UriInfo uri;

  @CookieParam(OwnerKeys.GUEST_COOKIE)
  String guestCookie;

  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "signIn", summary = "Sign in")
  @APIResponse(responseCode = "401", description = "Wrong sign-in name or password")
  @APIResponse(responseCode = "429", description = "Too many attempts; wait 15 minutes")
  @APIResponse(
      responseCode = "200",
      description = "Signed in; the session cookie is set",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AccountViews.Me.class)))
  public Response signIn(AccountViews.SignInRequest body) {
    if (body == null) {
      throw new Refusal(400, "Thiếu số điện thoại, số căn cước hoặc mật khẩu.");
    }
    Account account = accounts.signIn(body.signInName(), body.password(), request.getRemoteAddr());
    return sessionStart
        .withSession(Response.ok(), account, guestCookie, uri)
        .entity(AccountViews.Me.of(account, wards))
        .build();
  }

  @DELETE
  @Path("current")
  @SecurityRequirement(name = "session")
  @Operation(operationId = "signOut", summary = "Sign out")
  @APIResponse(responseCode = "204", description = "Signed out")
  public Response signOut(@CookieParam(Sessions.COOKIE) String token) {
    sessions.end(token);
    return Response.noContent().cookie(SessionCookies.clear(uri)).build();
  }
}
