package vn.hocso.learner.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.learner.control.SignInNames.SignInName;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.platform.control.Sql;
import vn.hocso.security.control.PasswordHasher;
import vn.hocso.security.control.RateLimiter;
import vn.hocso.security.control.Secrets;
import vn.hocso.ward.control.Wards;

/**
 * Registration, sign-in and password changes. Every refusal names what to fix, in Vietnamese;
 * nothing is stored unless everything is valid and the person has consented.
 */
@ApplicationScoped
public class Accounts {

  /** The version of the consent text on the registration page (templates/register.peb). */
  public static final String CONSENT_VERSION = "2026-11-v1";

  static final int MAX_FAILURES_PER_ACCOUNT = 10;

  /** A training room behind one public address signs many people in: count failures only. */
  static final int MAX_FAILURES_PER_ADDRESS = 100;

  static final Duration WINDOW = Duration.ofMinutes(15);

  /** What a resident fills in to register. */
  public record Registration(
      String displayName,
      Integer birthYear,
      Long wardId,
      String signInName,
      String password,
      String contactPhone,
      boolean consent) {}

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject Secrets secrets;
  @Inject Wards wards;
  @Inject PersonalDataCipher cipher;
  @Inject RateLimiter limits;

  /** Registers a learner, with their consent, in one transaction. */
  @Transactional
  public Account register(Registration form) {
    return register(form, null);
  }

  /**
   * Registers a resident on a trainer's device (assisted enrollment), with the consent the resident
   * gave there, recorded as such. The account is the resident's own; it notes who registered it.
   */
  @Transactional
  public Account registerAssisted(Registration form, Account trainer) {
    return register(form, trainer);
  }

  private Account register(Registration form, Account trainer) {
    requireSecrets();
    if (!form.consent()) {
      throw new Refusal(
          400, "Bác cần đồng ý với điều khoản về dữ liệu cá nhân thì mới tạo được tài khoản.");
    }
    String name = displayName(form.displayName());
    int birthYear = birthYear(form.birthYear());
    if (form.wardId() == null || wards.find(form.wardId()).isEmpty()) {
      throw new Refusal(400, "Bác hãy chọn phường, xã của mình trong danh sách.");
    }
    SignInName signIn = SignInNames.parse(form.signInName());
    if (signIn.kind().equals("name")) {
      throw new Refusal(400, "Tên đăng nhập là số điện thoại hoặc số căn cước.");
    }
    checkNewPassword(form.password());
    String contact = SignInNames.contactPhone(form.contactPhone());
    String signInHash = signInHash(signIn);
    if (findBySignIn(signInHash).isPresent()) {
      throw new Refusal(
          409,
          "Số điện thoại hoặc số căn cước này đã có tài khoản. Bác hãy đăng nhập, hoặc nhờ cán bộ"
              + " phường, xã đặt lại mật khẩu.");
    }
    Instant now = Instant.now();
    Account account =
        new Account(
            name,
            birthYear,
            form.wardId(),
            Role.LEARNER,
            signIn.kind(),
            signInHash,
            signIn.last3(),
            contact.isEmpty() ? null : cipher.encrypt(contact),
            PasswordHasher.hash(form.password()),
            now);
    em.persist(account);
    em.flush();
    if (trainer != null) {
      em.createNativeQuery("UPDATE account SET registered_by = ? WHERE id = ?")
          .setParameter(1, trainer.id())
          .setParameter(2, account.id())
          .executeUpdate();
    }
    em.createNativeQuery(
            "INSERT INTO consent (account_id, purpose, text_version, given_at) VALUES (?, ?, ?, ?)")
        .setParameter(1, account.id())
        .setParameter(2, trainer == null ? "registration" : "assisted-registration")
        .setParameter(3, CONSENT_VERSION)
        .setParameter(4, Timestamp.from(now))
        .executeUpdate();
    return account;
  }

  /**
   * The account whose sign-in name and password these are. Wrong passwords are limited per account
   * and attempts per address, in the database so every instance counts them.
   */
  public Account signIn(String rawSignInName, String password, String address) {
    requireSecrets();
    String addressBucket = limits.bucket("sign-in-address", address == null ? "" : address);
    if (limits.hits(addressBucket, WINDOW) >= MAX_FAILURES_PER_ADDRESS) {
      throw tooMany();
    }
    SignInName signIn;
    try {
      signIn = SignInNames.parse(rawSignInName);
    } catch (Refusal invalid) {
      limits.hit(addressBucket, WINDOW);
      throw new Refusal(401, wrongCredentials());
    }
    String signInHash = signInHash(signIn);
    String accountBucket = limits.bucket("sign-in-account", signInHash);
    if (limits.hits(accountBucket, WINDOW) >= MAX_FAILURES_PER_ACCOUNT) {
      throw tooMany();
    }
    Optional<Account> account = findBySignIn(signInHash);
    String given = password == null ? "" : password;
    if (account.isEmpty()) {
      PasswordHasher.matchNothing(given);
    }
    if (account.isEmpty() || !PasswordHasher.matches(given, account.get().passwordHash())) {
      limits.hit(accountBucket, WINDOW);
      limits.hit(addressBucket, WINDOW);
      throw new Refusal(401, wrongCredentials());
    }
    limits.clear(accountBucket);
    return account.get();
  }

  /**
   * The accounts of live sessions, by the SHA-256 of their tokens, in a transaction of its own:
   * {@link SessionAccounts} reads those of the signed-in requests that arrive together in one
   * query. A session that ended or expired has no entry.
   */
  @Transactional
  public Map<String, Account> bySessions(List<String> tokenHashes) {
    Query query =
        em.createNativeQuery(
            "SELECT a.*, s.token_hash FROM session s JOIN account a ON a.id = s.account_id"
                + " WHERE s.token_hash IN ("
                + Sql.placeholders(tokenHashes.size())
                + ") AND s.expires_at > ?",
            "Account.withToken");
    Sql.bind(query, tokenHashes, 1);
    query.setParameter(tokenHashes.size() + 1, Timestamp.from(Instant.now()));
    Map<String, Account> found = new HashMap<>();
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      found.put((String) columns[1], (Account) columns[0]);
    }
    return found;
  }

  /**
   * In a transaction of its own when the caller has none: outside one, Liberty keeps the connection
   * reserved until the end of the request, so a request that then writes would hold two.
   */
  @Transactional
  public Optional<Account> find(long id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  /** The account a sign-in name (phone or CCCD, as typed) belongs to. */
  public Optional<Account> findBySignInName(String rawSignInName) {
    return findBySignIn(signInHash(SignInNames.parse(rawSignInName)));
  }

  /** Sets a new password (checked like a new one) on an account. */
  @Transactional
  public void changePassword(long accountId, String password) {
    checkNewPassword(password);
    Account account = em.find(Account.class, accountId);
    account.changePassword(PasswordHasher.hash(password));
  }

  /** Gives an account one more role and (for trainers and officers) its ward. */
  @Transactional
  public Account assignRole(long accountId, Role role, Long wardId) {
    if ((role == Role.TRAINER || role == Role.OFFICER)
        && (wardId == null || wards.find(wardId).isEmpty())) {
      throw new Refusal(400, "Giảng viên và cán bộ phải thuộc một phường, xã trong danh sách.");
    }
    Account account = em.find(Account.class, accountId);
    account.grant(role, wardId);
    return account;
  }

  /**
   * Takes a role back from an account; learner cannot be taken, nor the role of the last
   * administrator (nobody could give roles any more).
   */
  @Transactional
  public Account revokeRole(long accountId, Role role) {
    if (role == Role.LEARNER) {
      throw new Refusal(400, "Vai trò người học không thu hồi được: ai cũng học được.");
    }
    Account account = em.find(Account.class, accountId);
    if (!account.has(role)) {
      throw new Refusal(409, "Tài khoản này không có vai trò " + role.label() + ".");
    }
    if (role == Role.ADMIN) {
      long admins =
          em.createNamedQuery("Account.countByRole", Long.class)
              .setParameter("role", Role.ADMIN.code())
              .getSingleResult();
      if (admins <= 1) {
        throw new Refusal(
            409, "Đây là quản trị viên cuối cùng: hãy giao vai trò Quản trị cho người khác trước.");
      }
    }
    account.revoke(role);
    return account;
  }

  /** Creates the first administrator unless one exists; returns it when created now. */
  @Transactional
  public Optional<Account> createFirstAdmin(String password) {
    long admins =
        em.createNamedQuery("Account.countByRole", Long.class)
            .setParameter("role", Role.ADMIN.code())
            .getSingleResult();
    SignInName name = new SignInName("name", SignInNames.ADMIN);
    if (admins > 0 || findBySignIn(signInHash(name)).isPresent()) {
      return Optional.empty();
    }
    Account admin =
        new Account(
            "Quản trị",
            null,
            null,
            Role.ADMIN,
            name.kind(),
            signInHash(name),
            "min",
            null,
            PasswordHasher.hash(password),
            Instant.now());
    em.persist(admin);
    return Optional.of(admin);
  }

  static String displayName(String raw) {
    String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      throw new Refusal(400, "Bác hãy nhập tên của mình.");
    }
    if (name.length() > 100) {
      throw new Refusal(400, "Tên dài quá: tối đa 100 ký tự, tên này có " + name.length() + ".");
    }
    // Names are written as people write them (reports neutralise what a spreadsheet would run);
    // only what could be mistaken for markup is refused, and the message names exactly that.
    if (name.matches(".*[<>\"`{}\\[\\]\\\\\\p{Cntrl}].*")) {
      throw new Refusal(400, "Tên không được có các ký tự < > \" ` { } [ ] \\.");
    }
    return name;
  }

  static int birthYear(Integer year) {
    int now = Year.now(Dates.VIETNAM_ZONE).getValue();
    if (year == null || year < 1900 || year > now) {
      throw new Refusal(400, "Năm sinh phải từ 1900 đến " + now + ".");
    }
    return year;
  }

  static void checkNewPassword(String password) {
    if (password == null || password.length() < 8) {
      throw new Refusal(400, "Mật khẩu cần ít nhất 8 ký tự.");
    }
    if (password.length() > 128) {
      throw new Refusal(400, "Mật khẩu dài quá: tối đa 128 ký tự.");
    }
    if (CommonPasswords.contains(password)) {
      throw new Refusal(
          400, "Mật khẩu này quá phổ biến, kẻ gian dễ đoán ra. Bác hãy chọn mật khẩu khác.");
    }
  }

  private String signInHash(SignInName signIn) {
    return secrets.keyedHash("sign-in", signIn.kind() + ":" + signIn.value());
  }

  private Optional<Account> findBySignIn(String signInHash) {
    return em.createNamedQuery("Account.bySignIn", Account.class)
        .setParameter("signInHash", signInHash)
        .getResultStream()
        .findFirst();
  }

  private void requireSecrets() {
    if (!secrets.isConfigured()) {
      throw new Refusal(503, "Máy chủ chưa sẵn sàng nhận tài khoản. Bác hãy thử lại sau.");
    }
  }

  private static String wrongCredentials() {
    return "Số điện thoại, số căn cước hoặc mật khẩu chưa đúng.";
  }

  private static Refusal tooMany() {
    return new Refusal(
        429,
        "Bác đã thử đăng nhập nhiều lần quá. Xin chờ 15 phút rồi thử lại, hoặc nhờ cán bộ"
            + " phường, xã đặt lại mật khẩu.");
  }
}
