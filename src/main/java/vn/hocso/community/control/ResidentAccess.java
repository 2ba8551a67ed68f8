package vn.hocso.community.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.web.control.Refusal;

/**
 * The signed-in trainer (or ward officer) and the residents they may work with: those of their own
 * ward. Any other id — another ward's resident or one that does not exist — is 403.
 */
@ApplicationScoped
public class ResidentAccess {

  @Inject CurrentAccount current;
  @Inject Accounts accounts;

  public Account trainer() {
    Account staff = current.requireRole(Role.TRAINER, Role.OFFICER);
    if (staff.wardId() == null) {
      throw new Refusal(403, "Tài khoản của bác chưa được giao phường, xã.");
    }
    return staff;
  }

  public Account resident(Account trainer, long residentId) {
    Account resident = accounts.find(residentId).orElse(null);
    if (resident == null || !trainer.wardId().equals(resident.wardId())) {
      throw new Refusal(403, "Bác chỉ làm việc được với người dân của phường, xã mình.");
    }
    return resident;
  }
}
