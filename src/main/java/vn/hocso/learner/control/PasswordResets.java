package vn.hocso.learner.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.security.control.RateLimiter;
import vn.hocso.security.control.Secrets;

/**
 * Password resets done in person (there is no SMS): a trainer or ward officer who has checked who
 * the learner is creates a one-time code; the learner types it with a new password. Codes are
 * stored hashed, last 30 minutes, work once, and are limited to 5 tries.
 */
@ApplicationScoped
public class PasswordResets {

  static final Duration LIFETIME = Duration.ofMinutes(30);
  static final int MAX_TRIES = 5;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject Accounts accounts;
  @Inject Secrets secrets;
  @Inject RateLimiter limits;
  @Inject Sessions sessions;

  /** A new one-time code for the learner; earlier unused codes stop working. */
  @Transactional
  public String create(Account staff, String learnerSignInName) {
    Account learner =
        accounts
            .findBySignInName(learnerSignInName)
            .filter(account -> account.mainRole() == Role.LEARNER)
            .orElseThrow(() -> new Refusal(404, "Không có người học nào đăng ký bằng số này."));
    boolean allowed =
        staff.can(Permission.ADMINISTER)
            || (staff.can(Permission.RESET_PASSWORDS)
                && staff.wardId() != null
                && Objects.equals(staff.wardId(), learner.wardId()));
    if (!allowed) {
      throw new Refusal(403, "Người học này không thuộc phường, xã của bác.");
    }
    Instant now = Instant.now();
    em.createNativeQuery(
            "UPDATE password_reset SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, learner.id())
        .executeUpdate();
    String code = String.format("%08d", RANDOM.nextInt(100_000_000));
    em.createNativeQuery(
            "INSERT INTO password_reset (account_id, code_hash, created_by, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .setParameter(1, learner.id())
        .setParameter(2, hash(learner, code))
        .setParameter(3, staff.id())
        .setParameter(4, Timestamp.from(now))
        .setParameter(5, Timestamp.from(now.plus(LIFETIME)))
        .executeUpdate();
    return code;
  }

  /** Sets a new password with a one-time code; signs the learner out everywhere. */
  @Transactional(dontRollbackOn = Refusal.class)
  public void use(String learnerSignInName, String code, String newPassword) {
    Account learner =
        accounts.findBySignInName(learnerSignInName).orElseThrow(PasswordResets::wrongCode);
    String bucket = limits.bucket("password-reset", String.valueOf(learner.id()));
    if (limits.hits(bucket, LIFETIME) >= MAX_TRIES) {
      throw new Refusal(
          429, "Bác đã nhập sai mã nhiều lần. Bác nhờ cán bộ tạo mã mới rồi thử lại sau 30 phút.");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> live =
        em.createNativeQuery(
                "SELECT id, code_hash FROM password_reset WHERE account_id = ? AND used_at IS NULL"
                    + " AND expires_at > ? ORDER BY id DESC")
            .setParameter(1, learner.id())
            .setParameter(2, Timestamp.from(Instant.now()))
            .getResultList();
    String given = code == null ? "" : code.strip();
    Object[] match =
        live.stream().filter(row -> row[1].equals(hash(learner, given))).findFirst().orElse(null);
    if (match == null) {
      limits.hit(bucket, LIFETIME);
      throw wrongCode();
    }
    accounts.changePassword(learner.id(), newPassword);
    em.createNativeQuery("UPDATE password_reset SET used_at = ? WHERE id = ?")
        .setParameter(1, Timestamp.from(Instant.now()))
        .setParameter(2, ((Number) match[0]).longValue())
        .executeUpdate();
    sessions.endAll(learner.id());
  }

  private String hash(Account learner, String code) {
    return secrets.keyedHash("password-reset", learner.id() + ":" + code);
  }

  private static Refusal wrongCode() {
    return new Refusal(
        400, "Mã đặt lại chưa đúng hoặc đã hết hạn. Bác kiểm tra lại, hoặc nhờ cán bộ tạo mã mới.");
  }
}
