package vn.hocso.community.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import vn.hocso.community.entity.Attestation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Skill;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.WardCounters;

/**
 * Records what a trainer saw a resident do, and withdraws it. A trainer (or the ward officer)
 * attests only residents of their own ward, never themselves, only skills the content defines and
 * has not withdrawn, only on a day that has come, and only with every checklist item confirmed. The
 * ward counters and the resident's household follow in the same transaction.
 */
@ApplicationScoped
public class Attestations {

  private static final Logger LOG = Logger.getLogger(Attestations.class.getName());
  static final ZoneId VIETNAM = Dates.VIETNAM_ZONE;

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject ContentCatalog catalog;
  @Inject WardCounters counters;

  /** What a trainer submits: the skill, the day (today when null), items confirmed, reference. */
  public record Entry(
      String skillId, LocalDate attestedOn, List<Integer> confirmed, String reference) {}

  @Transactional
  public Attestation attest(Account trainer, long residentId, Entry entry) {
    requireStaff(trainer);
    // The resident's row lock: two trainers attesting the same skill at once make one record.
    Account resident = em.find(Account.class, residentId, LockModeType.PESSIMISTIC_WRITE);
    if (resident == null) {
      throw new Refusal(404, "Không tìm thấy người dân này.");
    }
    if (resident.id().equals(trainer.id())) {
      throw new Refusal(403, "Không tự xác nhận cho chính mình được; hãy nhờ một thành viên khác.");
    }
    if (resident.wardId() == null || !resident.wardId().equals(trainer.wardId())) {
      throw new Refusal(
          403, "Người dân này ở phường, xã khác; chỉ xác nhận người dân phường, xã mình.");
    }
    if (entry == null || entry.skillId() == null || entry.skillId().isBlank()) {
      throw new Refusal(400, "Bác hãy chọn kỹ năng cần xác nhận.");
    }
    Skill skill =
        catalog
            .current()
            .skill(entry.skillId())
            .orElseThrow(
                () ->
                    new Refusal(
                        400, "Không có kỹ năng thực hành \"" + shorten(entry.skillId()) + "\"."));
    if (skill.withdrawn()) {
      throw new Refusal(400, "Kỹ năng \"" + skill.title() + "\" đã ngừng xác nhận.");
    }
    LocalDate today = LocalDate.now(VIETNAM);
    LocalDate on = entry.attestedOn() == null ? today : entry.attestedOn();
    if (on.isAfter(today)) {
      throw new Refusal(400, "Ngày xác nhận " + on + " chưa đến; chỉ xác nhận việc đã thấy.");
    }
    if (on.isBefore(today.minusYears(1))) {
      throw new Refusal(400, "Ngày xác nhận " + on + " đã quá một năm.");
    }
    List<Integer> confirmed = entry.confirmed() == null ? List.of() : entry.confirmed();
    List<String> missing = new ArrayList<>();
    JsonArrayBuilder checklist = Json.createArrayBuilder();
    for (int i = 0; i < skill.checklist().size(); i++) {
      if (confirmed.contains(i)) {
        checklist.add(skill.checklist().get(i));
      } else {
        missing.add((i + 1) + ". " + skill.checklist().get(i));
      }
    }
    for (Integer index : confirmed) {
      if (index == null || index < 0 || index >= skill.checklist().size()) {
        throw new Refusal(400, "Danh sách kiểm tra không có mục số " + index + ".");
      }
    }
    if (!missing.isEmpty()) {
      throw new Refusal(
          400, "Chưa đánh dấu đủ danh sách kiểm tra. Còn thiếu: " + String.join("; ", missing));
    }
    String reference = reference(skill, entry.reference());
    boolean already =
        !em.createQuery(
                "SELECT a.id FROM Attestation a WHERE a.residentId = :resident"
                    + " AND a.skillId = :skill AND a.withdrawnAt IS NULL",
                Long.class)
            .setParameter("resident", residentId)
            .setParameter("skill", skill.id())
            .getResultList()
            .isEmpty();
    if (already) {
      throw new Refusal(409, "Người dân này đã được xác nhận \"" + skill.title() + "\" rồi.");
    }
    Attestation attestation =
        new Attestation(
            residentId,
            skill.id(),
            skill.title(),
            trainer.id(),
            resident.wardId(),
            on,
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            checklist.build().toString(),
            reference);
    em.persist(attestation);
    em.flush();
    counters.attestationChanged(residentId, resident.wardId(), skill.id(), 1);
    LOG.info(
        () ->
            "Attestation "
                + attestation.id()
                + ": skill "
                + skill.id()
                + " by trainer "
                + trainer.id());
    return attestation;
  }

  private static String reference(Skill skill, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (skill.referenceLabel() == null) {
      throw new Refusal(400, "Kỹ năng này không cần ghi mã tham chiếu.");
    }
    String value = raw.strip();
    if (value.length() > 100 || !value.matches("[\\p{L}\\p{N} ./_:-]+")) {
      throw new Refusal(
          400, skill.referenceLabel() + " chỉ gồm chữ, số và các dấu . / - _ :, tối đa 100 ký tự.");
    }
    return value;
  }

  /**
   * Withdraws an attestation with a reason, kept with it: by the trainer who made it or an officer
   * of its ward. Withdrawing a withdrawn one changes nothing.
   */
  @Transactional
  public Attestation withdraw(Account by, long attestationId, String reason) {
    requireStaff(by);
    Attestation attestation =
        em.find(Attestation.class, attestationId, LockModeType.PESSIMISTIC_WRITE);
    boolean mayWithdraw =
        attestation != null
            && (attestation.trainerId() == by.id()
                || (by.has(Role.OFFICER)
                    && by.wardId() != null
                    && by.wardId() == attestation.wardId()));
    if (attestation == null || !mayWithdraw) {
      throw new Refusal(
          attestation == null ? 404 : 403,
          attestation == null
              ? "Không tìm thấy xác nhận này."
              : "Chỉ người đã xác nhận hoặc cán bộ phường, xã mới rút lại được xác nhận này.");
    }
    if (attestation.isWithdrawn()) {
      return attestation;
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 300) {
      throw new Refusal(400, "Bác hãy ghi lý do rút lại (tối đa 300 ký tự).");
    }
    // Milliseconds, as the database keeps them: the answer equals what a later read returns.
    attestation.withdraw(by.id(), why, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    counters.attestationChanged(
        attestation.residentId(), attestation.wardId(), attestation.skillId(), -1);
    LOG.info(() -> "Attestation " + attestationId + " withdrawn by account " + by.id());
    return attestation;
  }

  public Optional<Attestation> find(long id) {
    return Optional.ofNullable(em.find(Attestation.class, id));
  }

  public List<Attestation> ofResident(long residentId) {
    return em.createNamedQuery("Attestation.ofResident", Attestation.class)
        .setParameter("residentId", residentId)
        .getResultList();
  }

  static void requireStaff(Account account) {
    if (!account.has(Role.TRAINER) && !account.has(Role.OFFICER)) {
      throw new Refusal(
          403, "Chỉ giảng viên, thành viên tổ công nghệ số cộng đồng mới xác nhận được.");
    }
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
