package vn.hocso.quiz.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.security.control.OwnerKeys;

/**
 * Who an attempt belongs to ({@link OwnerKeys}): the signed-in account, or this browser's guest
 * cookie, made when a guest starts a first attempt.
 */
@ApplicationScoped
public class QuizCallers {

  /**
   * The caller's owner key, the learner id if signed in, and a new guest cookie if one was made.
   */
  public record Key(String hash, Long learnerId, NewCookie newCookie) {}

  @Inject CurrentAccount current;

  /** The caller's key; null for a guest without a cookie (they started no attempt here). */
  public String existing(HttpHeaders headers) {
    Account account = current.get().orElse(null);
    if (account != null) {
      return OwnerKeys.account(account.id());
    }
    return guest(headers);
  }

  /** The signed-in account's id, or null (a trainer may answer the attempts they assist). */
  public Long accountId() {
    return current.get().map(Account::id).orElse(null);
  }

  /** The guest key of this browser, whether or not someone is signed in; null if none. */
  public String guest(HttpHeaders headers) {
    jakarta.ws.rs.core.Cookie cookie = headers.getCookies().get(OwnerKeys.GUEST_COOKIE);
    return OwnerKeys.guest(cookie == null ? null : cookie.getValue());
  }

  /** The caller's key, made now for a guest who has none. */
  public Key existingOrNew(HttpHeaders headers, UriInfo uri) {
    Account account = current.get().orElse(null);
    if (account != null) {
      return new Key(OwnerKeys.account(account.id()), account.id(), null);
    }
    String existing = guest(headers);
    if (existing != null) {
      return new Key(existing, null, null);
    }
    String token = OwnerKeys.newGuestToken();
    NewCookie cookie =
        new NewCookie.Builder(OwnerKeys.GUEST_COOKIE)
            .value(token)
            .path("/")
            .maxAge(60 * 60 * 24 * 365)
            .httpOnly(true)
            .secure("https".equals(uri.getBaseUri().getScheme()))
            .sameSite(NewCookie.SameSite.LAX)
            .build();
    return new Key(OwnerKeys.guest(token), null, cookie);
  }
}
