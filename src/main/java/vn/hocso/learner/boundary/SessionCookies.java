package vn.hocso.learner.boundary;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import vn.hocso.learner.control.Sessions;

/** The session cookie: HttpOnly, SameSite=Lax, Secure when the site is served over TLS. */
final class SessionCookies {

  private SessionCookies() {}

  static NewCookie issue(String token, UriInfo uri) {
    return builder(uri).value(token).maxAge((int) Sessions.LIFETIME.toSeconds()).build();
  }

  static NewCookie clear(UriInfo uri) {
    return builder(uri).value("").maxAge(0).build();
  }

  private static NewCookie.Builder builder(UriInfo uri) {
    return new NewCookie.Builder(Sessions.COOKIE)
        .path("/")
        .httpOnly(true)
        .secure("https".equals(uri.getBaseUri().getScheme()))
        .sameSite(NewCookie.SameSite.LAX);
  }
}
