package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.security.control.OwnerKeys;
import vn.hocso.ward.control.Wards;

/**
 * Registering over the API: the account is made and signed in. State-changing calls need the CSRF
 * token (GET /api/csrf-token) in the X-CSRF-Token header, like every other POST of the site.
 */
@Path("api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Registration, sign-in, the signed-in learner")
public class AccountApi {

  @Inject Accounts accounts;
  @Inject SessionStart sessionStart;
  @Inject Wards wards;

  @Context UriInfo uri;

  @CookieParam(OwnerKeys.GUEST_COOKIE)
  String guestCookie;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "register", summary = "Register a learner and sign them in")
  @APIResponse(responseCode = "400", description = "A field is invalid (the error says which)")
  @APIResponse(responseCode = "409", description = "The phone or CCCD already has an account")
  @APIResponse(
      responseCode = "201",
      description = "Registered and signed in; the session cookie is set",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AccountViews.Me.class)))
  public Response register(AccountViews.RegistrationRequest body) {
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
    return sessionStart
        .withSession(Response.status(201), account, guestCookie, uri)
        .entity(AccountViews.Me.of(account, wards))
        .build();
  }
}
