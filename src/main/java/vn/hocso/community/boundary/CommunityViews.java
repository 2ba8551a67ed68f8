package vn.hocso.community.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.hocso.community.entity.Attestation;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;

/** The JSON shapes the community API shares among its resources. */
final class CommunityViews {

  private CommunityViews() {}

  @Schema(description = "An attestation")
  public record AttestationView(
      long id,
      long residentId,
      String skillId,
      String skillTitle,
      long trainerId,
      LocalDate attestedOn,
      Instant recordedAt,
      boolean withdrawn,
      Instant withdrawnAt,
      String withdrawReason) {
    static AttestationView of(Attestation a) {
      return new AttestationView(
          a.id(),
          a.residentId(),
          a.skillId(),
          a.skillTitle(),
          a.trainerId(),
          a.attestedOn(),
          a.recordedAt(),
          a.isWithdrawn(),
          a.withdrawnAt(),
          a.withdrawReason());
    }
  }

  @Schema(description = "A trainer, by the phone or CCCD they sign in with")
  public record TrainerRequest(String signInName) {}

  /** The account a trainer request names; 404 when there is none. */
  static Account trainer(Accounts accounts, TrainerRequest body) {
    return accounts
        .findBySignInName(body == null ? null : body.signInName())
        .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
  }
}
