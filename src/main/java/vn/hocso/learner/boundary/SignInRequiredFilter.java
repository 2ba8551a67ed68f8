package vn.hocso.learner.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.web.control.SignInRequired;

/** Sends a caller who is not signed in from a {@link SignInRequired} page to the sign-in page. */
@Provider
@SignInRequired
@Priority(Priorities.AUTHENTICATION)
public class SignInRequiredFilter implements ContainerRequestFilter {

  @Inject CurrentAccount current;

  @Override
  public void filter(ContainerRequestContext request) {
    if (current.get().isEmpty()) {
      request.abortWith(Response.seeOther(URI.create("/dang-nhap")).build());
    }
  }
}
