package vn.hocso.learner.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.SessionAccounts;
import vn.hocso.learner.control.Sessions;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.DatabaseFailures;
import vn.hocso.platform.control.Refusal;
import vn.hocso.web.control.ErrorPages;

/**
 * The Jakarta Security mechanism of the app: a request with a live session cookie is made by that
 * account, in its role; any other request is anonymous. Pages decide for themselves what an
 * anonymous caller may see.
 */
@ApplicationScoped
public class SessionAuthentication implements HttpAuthenticationMechanism {

  @Inject SessionAccounts sessions;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Optional<Account> account;
    try {
      account = Sessions.storedHash(token(request)).flatMap(sessions::bySession);
    } catch (RuntimeException failure) {
      if (DatabaseFailures.isUnavailable(failure)
          || (failure instanceof Refusal refusal && refusal.status() == 503)) {
        // Who this is cannot be known now: web.boundary.DatabaseOutage answers 503.
        request.setAttribute(ErrorPages.DATABASE_UNAVAILABLE, Boolean.TRUE);
        return context.doNothing();
      }
      throw failure;
    }
    if (account.isEmpty()) {
      return context.doNothing();
    }
    // The account as read with the session: the request's CurrentAccount needs no second read.
    request.setAttribute(CurrentAccount.REQUEST_ATTRIBUTE, account.get());
    return context.notifyContainerAboutLogin(
        new CallerPrincipal(String.valueOf(account.get().id())),
        account.get().roles().stream().map(Role::code).collect(Collectors.toSet()));
  }

  static String token(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (cookie.getName().equals(Sessions.COOKIE)) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }
}
