package vn.hocso.learner.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;

/**
 * The signed-in account of the current request, if any (from Jakarta Security's caller). The
 * session mechanism hands over the account it read with the session, so most requests read it once.
 * What a request found is kept in the request, not in this bean: one bean serves every request, and
 * none is made per request.
 */
@ApplicationScoped
public class CurrentAccount {

  /** The request attribute holding the account read with the session. */
  public static final String REQUEST_ATTRIBUTE = CurrentAccount.class.getName();

  /** The request attribute holding what {@link #get()} found for this request. */
  private static final String FOUND = REQUEST_ATTRIBUTE + ".found";

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;
  @Inject Accounts accounts;

  public Optional<Account> get() {
    if (request.getAttribute(FOUND) instanceof Found found) {
      return found.account();
    }
    Optional<Account> account;
    Principal caller = security.getCallerPrincipal();
    if (caller == null || !caller.getName().matches("[0-9]+")) {
      account = Optional.empty();
    } else if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Account read
        && caller.getName().equals(String.valueOf(read.id()))) {
      account = Optional.of(read);
    } else {
      account = accounts.find(Long.parseLong(caller.getName()));
    }
    request.setAttribute(FOUND, new Found(account));
    return account;
  }

  /** What a request found, in a type no other code puts in a request. */
  private record Found(Optional<Account> account) {}

  /** The signed-in account, or 401 with a Vietnamese message. */
  public Account required() {
    return get().orElseThrow(() -> new Refusal(401, "Bác cần đăng nhập để xem trang này."));
  }

  /** The signed-in account if its role grants the permission; 401 or 403 otherwise. */
  public Account require(Permission permission) {
    Account signedIn = required();
    if (signedIn.can(permission)) {
      return signedIn;
    }
    throw new Refusal(403, "Trang này dành cho người có quyền khác.");
  }

  /** The signed-in account if it has one of these roles; 401 or 403 otherwise. */
  public Account requireRole(Role... roles) {
    Account signedIn = required();
    for (Role role : roles) {
      if (signedIn.has(role)) {
        return signedIn;
      }
    }
    throw new Refusal(403, "Trang này dành cho người có quyền khác.");
  }
}
