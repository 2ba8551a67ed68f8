package vn.hocso.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.platform.control.VietnameseOrder;
import vn.hocso.progress.entity.Household;
import vn.hocso.progress.entity.ResidentialGroup;
import vn.hocso.ward.entity.Ward;

/**
 * Residential groups and households of a ward, and which household a learner belongs to (at most
 * one). Every change that moves a learner's completions between households updates the ward
 * counters in the same transaction.
 */
@ApplicationScoped
public class Households {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject WardCounters counters;

  /** A household as staff see it: its address, group and members' names. */
  public record Listed(
      long id,
      String address,
      long groupId,
      boolean onlineFiler,
      boolean digitalFamily,
      List<String> members) {}

  /** A ward's residential groups, by name in the order of the Vietnamese alphabet. */
  public List<ResidentialGroup> groups(Ward ward) {
    List<ResidentialGroup> groups =
        new ArrayList<>(
            em.createNamedQuery("ResidentialGroup.ofWard", ResidentialGroup.class)
                .setParameter("wardId", ward.id())
                .getResultList());
    groups.sort(Comparator.comparing(ResidentialGroup::name, VietnameseOrder.NAMES));
    return groups;
  }

  /** A group of the ward; 400 when the id names none of its groups. */
  public ResidentialGroup group(Ward ward, Long groupId) {
    ResidentialGroup group = groupId == null ? null : em.find(ResidentialGroup.class, groupId);
    if (group == null || group.wardId() != ward.id()) {
      throw new Refusal(400, "Bác hãy chọn một tổ dân phố, khu phố hoặc thôn của phường, xã mình.");
    }
    return group;
  }

  @Transactional
  public ResidentialGroup createGroup(Ward ward, String name) {
    String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty() || clean.length() > 100) {
      throw new Refusal(
          400,
          "Tên tổ dân phố, khu phố hoặc thôn cần có từ 1 đến 100 ký tự (ví dụ: Tổ dân phố 5).");
    }
    boolean taken = groups(ward).stream().anyMatch(group -> group.name().equalsIgnoreCase(clean));
    if (taken) {
      throw new Refusal(409, "Phường, xã đã có \"" + clean + "\" rồi.");
    }
    ResidentialGroup group = new ResidentialGroup(ward.id(), clean, Instant.now());
    em.persist(group);
    em.flush();
    return group;
  }

  @Transactional
  public Household create(Ward ward, Long groupId, String address, Account by) {
    ResidentialGroup group = group(ward, groupId);
    String clean = cleanAddress(address);
    if (byAddress(group, clean).isPresent()) {
      throw new Refusal(409, "Hộ ở địa chỉ này đã có trong " + group.name() + ".");
    }
    return insert(ward, group, clean, by);
  }

  private Household insert(Ward ward, ResidentialGroup group, String address, Account by) {
    Household household = new Household(ward.id(), group.id(), address, by.id(), Instant.now());
    em.persist(household);
    em.flush();
    counters.householdCreated(ward.id(), group.id());
    return household;
  }

  private Optional<Household> byAddress(ResidentialGroup group, String address) {
    return em.createNamedQuery("Household.byAddress", Household.class)
        .setParameter("groupId", group.id())
        .setParameter("addressKey", Household.addressKey(address))
        .getResultStream()
        .findFirst();
  }

  static String cleanAddress(String address) {
    String clean = address == null ? "" : address.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty() || clean.length() > 200) {
      throw new Refusal(
          400, "Bác hãy nhập địa chỉ nhà, từ 1 đến 200 ký tự (ví dụ: Số 12, ngõ 3, đường Lê Lợi).");
    }
    return clean;
  }

  public Optional<Household> find(long id) {
    return Optional.ofNullable(em.find(Household.class, id));
  }

  /** The household a learner belongs to, if any. */
  public Optional<Household> of(Account account) {
    Object id =
        em.createNativeQuery("SELECT household_id FROM account WHERE id = ?")
            .setParameter(1, account.id())
            .getSingleResult();
    return id == null ? Optional.empty() : find(((Number) id).longValue());
  }

  /**
   * Puts a learner in a household of their own ward, taking them out of the one they were in.
   *
   * @return false when they already were in it
   */
  @Transactional
  public boolean link(Household household, Account learner) {
    if (learner.wardId() == null || learner.wardId() != household.wardId()) {
      throw new Refusal(400, "Người này đăng ký ở phường, xã khác nên không thêm vào hộ này được.");
    }
    Object current =
        em.createNativeQuery("SELECT household_id FROM account WHERE id = ? FOR UPDATE")
            .setParameter(1, learner.id())
            .getSingleResult();
    Long from = current == null ? null : ((Number) current).longValue();
    if (household.id().equals(from)) {
      return false;
    }
    em.createNativeQuery("UPDATE account SET household_id = ? WHERE id = ?")
        .setParameter(1, household.id())
        .setParameter(2, learner.id())
        .executeUpdate();
    // Reports read the household from the completions (a copy kept for their speed).
    em.createNativeQuery("UPDATE completion SET household_id = ? WHERE account_id = ?")
        .setParameter(1, household.id())
        .setParameter(2, learner.id())
        .executeUpdate();
    counters.memberMoved(learner.id(), from, household.id());
    return true;
  }

  /** A learner says where they live: the household at that address of the group, made if new. */
  @Transactional
  public Household stateOwn(Ward ward, Account learner, Long groupId, String address) {
    ResidentialGroup group = group(ward, groupId);
    String clean = cleanAddress(address);
    Household household =
        byAddress(group, clean).orElseGet(() -> insert(ward, group, clean, learner));
    link(household, learner);
    return household;
  }

  /** The households of a group, with their members' display names. */
  @SuppressWarnings("unchecked")
  public List<Listed> ofGroup(ResidentialGroup group) {
    List<Household> households =
        em.createNamedQuery("Household.ofGroup", Household.class)
            .setParameter("groupId", group.id())
            .getResultList();
    Map<Long, List<String>> members = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.household_id, a.display_name FROM account a JOIN household h"
                    + " ON h.id = a.household_id WHERE h.group_id = ? ORDER BY a.display_name")
            .setParameter(1, group.id())
            .getResultList();
    for (Object[] row : rows) {
      members
          .computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
          .add((String) row[1]);
    }
    return households.stream()
        .map(
            household ->
                new Listed(
                    household.id(),
                    household.address(),
                    household.groupId(),
                    household.onlineFiler(),
                    household.digitalFamily(),
                    members.getOrDefault(household.id(), List.of())))
        .toList();
  }
}
