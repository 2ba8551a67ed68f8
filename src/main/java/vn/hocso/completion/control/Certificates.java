package vn.hocso.completion.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import vn.hocso.completion.entity.Completion;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Installation;
import vn.hocso.platform.control.Refusal;
import vn.hocso.security.control.RateLimiter;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;

/** Certificates for the people allowed to see them, and verification for anyone. */
@ApplicationScoped
public class Certificates {

  static final int VERIFICATIONS_PER_MINUTE = 30;

  /**
   * A completion with what its certificate prints: the learner's full name and ward, the issuer,
   * and the public address where anyone verifies it (the QR code's target).
   */
  public record Certificate(
      Completion completion, String name, String wardName, String issuerName, String verifyUrl) {
    public String date() {
      return CertificatePdf.DATE.format(completion.completedAt());
    }

    /** What the PDF prints beside the completion. */
    public CertificatePdf.Facts facts() {
      return new CertificatePdf.Facts(name, wardName, issuerName, verifyUrl);
    }
  }

  /** What public verification shows: nothing more. */
  public record Verified(
      String maskedName,
      String subjectType,
      String title,
      java.time.Instant completedAt,
      String ward,
      String version) {
    /** The day of completion in Vietnam, dd/MM/yyyy. */
    public String date() {
      return CertificatePdf.DATE.format(completedAt);
    }
  }

  @Inject Completions completions;
  @Inject Accounts accounts;
  @Inject Wards wards;
  @Inject CurrentAccount current;
  @Inject RateLimiter limits;
  @Inject Installation installation;

  /** The certificate, if the signed-in caller may see it (401, 403 or 404 otherwise). */
  public Certificate forViewer(String code) {
    Completion completion =
        completions
            .byCode(code)
            .orElseThrow(() -> new Refusal(404, "Không có giấy chứng nhận mang mã này."));
    Account viewer = current.required();
    if (!CertificateAccess.allows(viewer, completion)) {
      throw new Refusal(403, "Giấy chứng nhận này không phải của bác.");
    }
    Account learner = accounts.find(completion.accountId()).orElseThrow();
    return new Certificate(
        completion,
        learner.displayName(),
        wardName(completion.wardId()),
        installation.issuerName(),
        verifyUrl(completion));
  }

  /** The public verification address of a completion, under the configured PUBLIC_URL. */
  public String verifyUrl(Completion completion) {
    return installation.url("/xac-minh/" + completion.displayCode());
  }

  /**
   * The public facts of a certificate, or null for an unknown code. Lookups are limited per
   * address, so codes cannot be tried one after another.
   */
  public Verified verify(String code, String address) {
    String bucket = limits.bucket("verify", address == null ? "" : address);
    if (limits.hit(bucket, Duration.ofMinutes(1)) > VERIFICATIONS_PER_MINUTE) {
      throw new Refusal(429, "Bác tra cứu nhiều quá. Xin chờ một phút rồi thử lại.");
    }
    return completions
        .byCode(code)
        .map(
            completion ->
                new Verified(
                    NameMask.mask(
                        accounts.find(completion.accountId()).orElseThrow().displayName()),
                    completion.subjectType(),
                    completion.title(),
                    completion.completedAt(),
                    wardName(completion.wardId()),
                    completion.version()))
        .orElse(null);
  }

  private String wardName(Long wardId) {
    return wardId == null ? null : wards.find(wardId).map(Ward::displayName).orElse(null);
  }
}
