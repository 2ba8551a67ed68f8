package vn.hocso.completion.control;

import java.util.Objects;
import vn.hocso.completion.entity.Completion;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;

/**
 * Who may see a certificate in full: its learner, an admin, and the trainers and officers of the
 * ward it was issued in. Anyone may verify it (with its code) and see only a masked name.
 */
public final class CertificateAccess {

  private CertificateAccess() {}

  public static boolean allows(Account viewer, Completion completion) {
    if (viewer == null) {
      return false;
    }
    if (viewer.id() == completion.accountId() || viewer.can(Permission.ADMINISTER)) {
      return true;
    }
    return viewer.can(Permission.SEE_RESIDENT_CERTIFICATES)
        && viewer.wardId() != null
        && Objects.equals(viewer.wardId(), completion.wardId());
  }
}
