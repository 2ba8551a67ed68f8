package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.ward.control.Wards;

/** The signed-in account. */
@Path("api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Registration, sign-in, the signed-in learner")
@SecurityRequirement(name = "session")
public class MeApi {

  @Inject CurrentAccount current;
  @Inject Wards wards;

  @GET
  @Operation(operationId = "me", summary = "The signed-in account")
  @APIResponse(responseCode = "401", description = "Not signed in")
  @APIResponse(
      responseCode = "200",
      description = "The signed-in account",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AccountViews.Me.class)))
  public AccountViews.Me me() {
    return AccountViews.Me.of(current.required(), wards);
  }
}
