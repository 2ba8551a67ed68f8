package vn.hocso.security.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.security.control.CsrfTokens;

/** The CSRF token for API clients: send it back in X-CSRF-Token with every POST and DELETE. */
@Path("api/csrf-token")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class CsrfApi {

  @Context HttpServletRequest request;

  @GET
  @Operation(
      operationId = "csrfToken",
      summary = "The caller's CSRF token",
      description =
          "Sets the hocso_csrf cookie if missing. Every state-changing call repeats the token in"
              + " the X-CSRF-Token header (forms: the _csrf field).")
  @APIResponse(
      responseCode = "200",
      description = "The token",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CsrfToken.class)))
  @APIResponse(responseCode = "406", description = "The Accept header excludes application/json")
  public CsrfToken token() {
    return new CsrfToken(String.valueOf(request.getAttribute(CsrfTokens.REQUEST_ATTRIBUTE)));
  }

  /** The CSRF token to repeat in X-CSRF-Token. */
  public record CsrfToken(String token) {}
}
