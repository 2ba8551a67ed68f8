package vn.hocso.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;

/**
 * Who may see and change what of a ward. A ward officer sees only their own ward and a trainer
 * manages only their own ward's households; admins see every ward. Any other ward, including a code
 * that does not exist, is 403 for them, so guessing codes in addresses teaches nothing.
 */
@ApplicationScoped
public class WardAccess {

  public static final String OTHER_WARD =
      "Bác chỉ xem và làm việc được với số liệu của phường, xã mình.";

  @Inject CurrentAccount current;
  @Inject Wards wards;

  /** The ward, for its officer or an admin: dashboards, targets, reports. */
  public Ward forOfficer(String key) {
    return resolve(key, current.requireRole(Role.OFFICER, Role.ADMIN));
  }

  /** The ward, for its officer, its trainers or an admin: residential groups and households. */
  public Ward forStaff(String key) {
    return resolve(key, current.requireRole(Role.OFFICER, Role.TRAINER, Role.ADMIN));
  }

  /** The ward given by id, for its officer, its trainers or an admin. */
  public Ward forStaff(long wardId) {
    Account staff = current.requireRole(Role.OFFICER, Role.TRAINER, Role.ADMIN);
    return check(staff, wards.find(wardId));
  }

  /** The learner's own ward (their household is in it); 400 for an account with no ward. */
  public Ward ofLearner(Account learner) {
    if (learner.wardId() == null) {
      throw new Refusal(400, "Tài khoản của bác chưa có phường, xã.");
    }
    return wards.find(learner.wardId()).orElseThrow();
  }

  public Account admin() {
    return current.requireRole(Role.ADMIN);
  }

  private Ward resolve(String key, Account staff) {
    return check(staff, wards.byKey(key));
  }

  private static Ward check(Account staff, Optional<Ward> ward) {
    if (staff.has(Role.ADMIN)) {
      return ward.orElseThrow(() -> new Refusal(404, "Không có phường, xã nào có mã này."));
    }
    if (ward.isEmpty() || !ward.get().id().equals(staff.wardId())) {
      throw new Refusal(403, OTHER_WARD);
    }
    return ward.get();
  }
}
