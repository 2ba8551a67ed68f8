package vn.hocso.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.entity.WardTarget;
import vn.hocso.ward.entity.Ward;

/** A ward's denominators and targets: set by its officer from a date on, history kept. */
@ApplicationScoped
public class WardTargets {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  /** What an officer enters. Percentages are of the denominator, 0 to 100. */
  public record Entry(
      LocalDate appliesFrom,
      Integer adults,
      Integer households,
      BigDecimal adultsTarget,
      BigDecimal onlineTarget,
      BigDecimal familyTarget) {}

  @Transactional
  public WardTarget set(Ward ward, Entry entry, Account by) {
    check(entry);
    WardTarget target =
        new WardTarget(
            ward.id(),
            entry.appliesFrom(),
            entry.adults(),
            entry.households(),
            entry.adultsTarget(),
            entry.onlineTarget(),
            entry.familyTarget(),
            by.id(),
            Instant.now());
    em.persist(target);
    return target;
  }

  /** The form's fields, by the names of the targets page's inputs. */
  public static final String APPLIES_FROM = "ap_dung_tu";

  public static final String ADULTS = "nguoi_lon";
  public static final String HOUSEHOLDS = "so_ho";
  public static final String ADULTS_TARGET = "muc_tieu_nguoi_lon";
  public static final String ONLINE_TARGET = "muc_tieu_truc_tuyen";
  public static final String FAMILY_TARGET = "muc_tieu_gia_dinh_so";

  /** Refuses an entry a report could not divide by, with every problem named. */
  static void check(Entry entry) {
    Map<String, String> wrong = problems(entry);
    if (!wrong.isEmpty()) {
      throw new Refusal(400, String.join(" ", wrong.values()));
    }
  }

  /** Every problem of an entry, by the field it is about, in the form's order. */
  public static Map<String, String> problems(Entry entry) {
    Map<String, String> wrong = new LinkedHashMap<>();
    if (entry.appliesFrom() == null) {
      wrong.put(APPLIES_FROM, "Bác hãy nhập ngày bắt đầu áp dụng.");
    } else if (entry.appliesFrom().getYear() < 2000 || entry.appliesFrom().getYear() > 2100) {
      wrong.put(APPLIES_FROM, "Ngày bắt đầu áp dụng không hợp lệ.");
    }
    positive(entry.adults(), ADULTS, "Số người trưởng thành (từ 18 tuổi)", wrong);
    positive(entry.households(), HOUSEHOLDS, "Số hộ gia đình", wrong);
    percent(
        entry.adultsTarget(),
        ADULTS_TARGET,
        "Mục tiêu người trưởng thành có kỹ năng số cơ bản",
        wrong);
    percent(
        entry.onlineTarget(),
        ONLINE_TARGET,
        "Mục tiêu hộ có người làm được dịch vụ công trực tuyến",
        wrong);
    percent(entry.familyTarget(), FAMILY_TARGET, "Mục tiêu hộ \"Gia đình số\"", wrong);
    return wrong;
  }

  private static void positive(
      Integer value, String field, String what, Map<String, String> wrong) {
    if (value == null) {
      wrong.put(field, what + ": bác hãy nhập một số.");
    } else if (value <= 0) {
      wrong.put(field, what + " phải lớn hơn 0.");
    }
  }

  private static void percent(
      BigDecimal value, String field, String what, Map<String, String> wrong) {
    if (value == null) {
      wrong.put(field, what + ": bác hãy nhập một tỷ lệ phần trăm.");
    } else if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
      wrong.put(field, what + " phải lớn hơn 0 % và không quá 100 %.");
    } else if (value.stripTrailingZeros().scale() > 2) {
      wrong.put(field, what + " chỉ lấy tối đa hai chữ số sau dấu phẩy.");
    }
  }

  /** The entry in effect on a date: the latest that applies from that date or earlier. */
  public Optional<WardTarget> inEffect(Ward ward, LocalDate date) {
    return em.createNamedQuery("WardTarget.inEffect", WardTarget.class)
        .setParameter("wardId", ward.id())
        .setParameter("date", date)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public List<WardTarget> history(Ward ward) {
    return em.createNamedQuery("WardTarget.history", WardTarget.class)
        .setParameter("wardId", ward.id())
        .getResultList();
  }

  /** Every ward's entry in effect on a date, by ward id. */
  public java.util.Map<Long, WardTarget> allInEffect(LocalDate date) {
    java.util.Map<Long, WardTarget> inEffect = new java.util.HashMap<>();
    for (WardTarget target :
        em.createNamedQuery("WardTarget.allUpTo", WardTarget.class)
            .setParameter("date", date)
            .getResultList()) {
      inEffect.put(target.wardId(), target); // ordered by date: the last one wins
    }
    return inEffect;
  }
}
