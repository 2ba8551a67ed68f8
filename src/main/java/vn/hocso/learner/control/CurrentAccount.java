package vn.hocso.learner.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.web.control.Refusal;

/**
 * The signed-in account of the current request, if any (from Jakarta Security's caller). The
 * session mechanism hands over the account it read with the session, so most requests read it once.
 */
@RequestScoped
public class CurrentAccount {

  /** The request attribute holding the account read with the session. */
  public static final String REQUEST_ATTRIBUTE = CurrentAccount.class.getName();

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;
  @Inject Accounts accounts;

  private Optional<Account> account;

  public Optional<Account> get() {
    if (account == null) {
      Principal caller = security.getCallerPrincipal();
      if (caller == null || !caller.getName().matches("[0-9]+")) {
        account = Optional.empty();
      } else if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Account read
          && caller.getName().equals(String.valueOf(read.id()))) {
        account = Optional.of(read);
      } else {
        account = accounts.find(Long.parseLong(caller.getName()));
      }
    }
    return account;
  }

  /** The signed-in account, or 401 with a Vietnamese message. */
  public Account required() {
    return get().orElseThrow(() -> new Refusal(401, "Bác cần đăng nhập để xem trang này."));
  }

  /** The signed-in account if it has one of these roles; 401 or 403 otherwise. */
  public Account requireRole(Role... roles) {
    Account signedIn = required();
    for (Role role : roles) {
      if (signedIn.role() == role) {
        return signedIn;
      }
    }
    throw new Refusal(403, "Trang này dành cho người có quyền khác.");
  }
}
