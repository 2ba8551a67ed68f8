package vn.hocso.community.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.ward.control.Wards;

/**
 * The signed-in trainer (or ward officer) and the residents they may work with: those of their own
 * ward. Any other id — another ward's resident or one that does not exist — is 403.
 */
@ApplicationScoped
public class ResidentAccess {

  @Inject CurrentAccount current;
  @Inject Accounts accounts;
  @Inject Households households;
  @Inject Wards wards;

  public Account trainer() {
    Account staff = current.requireRole(Role.TRAINER, Role.OFFICER);
    if (staff.wardId() == null) {
      throw new Refusal(403, "Tài khoản của bác chưa được giao phường, xã.");
    }
    return staff;
  }

  /**
   * Registers a resident on the trainer's device and, when the trainer chose a residential group,
   * puts them in the household at that address: both or neither. An address without a group is
   * refused, never dropped.
   */
  @Transactional
  public Account enrol(
      Account trainer, Accounts.Registration registration, Long groupId, String address) {
    if (groupId == null && address != null && !address.isBlank()) {
      throw new Refusal(
          400,
          "Bác đã ghi địa chỉ nhà nhưng chưa chọn tổ dân phố, khu phố hoặc thôn. Hãy chọn tổ"
              + " dân phố, hoặc xóa địa chỉ nếu chưa biết.");
    }
    Account resident = accounts.registerAssisted(registration, trainer);
    if (groupId != null) {
      households.stateOwn(wards.find(trainer.wardId()).orElseThrow(), resident, groupId, address);
    }
    return resident;
  }

  public Account resident(Account trainer, long residentId) {
    Account resident = accounts.find(residentId).orElse(null);
    if (resident == null || !trainer.wardId().equals(resident.wardId())) {
      throw new Refusal(403, "Bác chỉ làm việc được với người dân của phường, xã mình.");
    }
    return resident;
  }
}
