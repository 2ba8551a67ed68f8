package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.control.Sessions;

/** Signing out: a page with one button, then the session ends. */
@Path("dang-xuat")
@Produces(MediaType.TEXT_HTML)
public class SignOutPages {

  @Inject CurrentAccount current;
  @Inject Sessions sessions;
  @Inject Navigation navigation;

  @Context UriInfo uri;

  @GET
  @Operation(hidden = true)
  public String signOutForm() {
    return navigation.page("sign-out", Map.of("signedIn", current.get().isPresent()));
  }

  @POST
  @Operation(hidden = true)
  public Response signOut(@CookieParam(Sessions.COOKIE) String token) {
    sessions.end(token);
    return Response.seeOther(URI.create("/")).cookie(SessionCookies.clear(uri)).build();
  }
}
