package vn.hocso.learner.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.control.Sessions;
import vn.hocso.learner.entity.Account;
import vn.hocso.security.control.OwnerKeys;

/**
 * Starts the session of someone who just registered or signed in, on a page or over the API: the
 * session cookie, and this browser's guest attempts given to the account (the quiz feature observes
 * the sign-in).
 */
@ApplicationScoped
public class SessionStart {

  @Inject Sessions sessions;
  @Inject Navigation navigation;

  /** A response with the new session's cookie; {@code guestCookie} is the browser's, or null. */
  public Response.ResponseBuilder withSession(
      Response.ResponseBuilder response, Account account, String guestCookie, UriInfo uri) {
    String token = sessions.start(account.id(), OwnerKeys.guest(guestCookie));
    return response.cookie(SessionCookies.issue(token, uri));
  }

  /** The page answer: the session, then the main page of the person's role. */
  public Response toHome(Account account, String guestCookie, UriInfo uri) {
    return withSession(
            Response.seeOther(URI.create(navigation.home(account))), account, guestCookie, uri)
        .build();
  }
}
