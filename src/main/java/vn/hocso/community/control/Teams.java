package vn.hocso.community.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hocso.community.entity.Team;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.entity.Household;
import vn.hocso.progress.entity.ResidentialGroup;
import vn.hocso.ward.entity.Ward;

/**
 * A ward's community digital teams: the residential groups each covers and its trainers. A trainer
 * who leaves keeps their past membership (left_at) and everything they recorded; a trainer may also
 * be a student ambassador paired with households.
 */
@ApplicationScoped
public class Teams {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject Households households;

  /** A trainer's membership: current when leftAt is null. */
  public record Member(long accountId, String name, Instant joinedAt, Instant leftAt) {
    public boolean current() {
      return leftAt == null;
    }
  }

  /** A team with its groups and members (past members too). */
  public record Listed(Team team, List<ResidentialGroup> groups, List<Member> members) {}

  public Optional<Team> find(long id) {
    return Optional.ofNullable(em.find(Team.class, id));
  }

  @Transactional
  public Team create(Ward ward, String name, List<Long> groupIds, Account by) {
    String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty() || clean.length() > 100) {
      throw new Refusal(
          400, "Tên tổ cần có từ 1 đến 100 ký tự (ví dụ: Tổ công nghệ số khu phố 3).");
    }
    boolean taken =
        em
            .createNamedQuery("Team.ofWard", Team.class)
            .setParameter("wardId", ward.id())
            .getResultList()
            .stream()
            .anyMatch(team -> team.name().equalsIgnoreCase(clean));
    if (taken) {
      throw new Refusal(409, "Phường, xã đã có tổ \"" + clean + "\".");
    }
    List<ResidentialGroup> groups = new ArrayList<>();
    for (Long groupId : groupIds == null ? List.<Long>of() : groupIds) {
      groups.add(households.group(ward, groupId));
    }
    Team team = new Team(ward.id(), clean, by.id(), Instant.now());
    em.persist(team);
    em.flush();
    for (ResidentialGroup group : groups) {
      em.createNativeQuery("INSERT IGNORE INTO team_group (team_id, group_id) VALUES (?, ?)")
          .setParameter(1, team.id())
          .setParameter(2, group.id())
          .executeUpdate();
    }
    return team;
  }

  /** Adds a trainer of the team's ward; a current member stays as they are. */
  @Transactional
  public void addTrainer(Team team, Account trainer, Account by) {
    if (!trainer.has(Role.TRAINER)) {
      throw new Refusal(
          400, "Chỉ thêm được tài khoản giảng viên; quản trị viên giao vai trò ở trang Quản lý.");
    }
    if (trainer.wardId() == null || trainer.wardId() != team.wardId()) {
      throw new Refusal(400, "Giảng viên này thuộc phường, xã khác.");
    }
    long current =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM team_member WHERE team_id = ? AND account_id = ?"
                            + " AND left_at IS NULL")
                    .setParameter(1, team.id())
                    .setParameter(2, trainer.id())
                    .getSingleResult())
            .longValue();
    if (current == 0) {
      em.createNativeQuery(
              "INSERT INTO team_member (team_id, account_id, joined_at, added_by)"
                  + " VALUES (?, ?, ?, ?)")
          .setParameter(1, team.id())
          .setParameter(2, trainer.id())
          .setParameter(3, Timestamp.from(Instant.now()))
          .setParameter(4, by.id())
          .executeUpdate();
    }
  }

  /** The trainer leaves the team; their membership and records stay. */
  @Transactional
  public void removeTrainer(Team team, long accountId) {
    em.createNativeQuery(
            "UPDATE team_member SET left_at = ? WHERE team_id = ? AND account_id = ?"
                + " AND left_at IS NULL")
        .setParameter(1, Timestamp.from(Instant.now()))
        .setParameter(2, team.id())
        .setParameter(3, accountId)
        .executeUpdate();
  }

  /** Pairs a trainer (as a student digital ambassador) with a household of their ward. */
  @Transactional
  public void pair(Account ambassador, Household household, Account by) {
    if (!ambassador.has(Role.TRAINER)
        || ambassador.wardId() == null
        || ambassador.wardId() != household.wardId()) {
      throw new Refusal(400, "Chỉ ghép được với giảng viên, đại sứ số của cùng phường, xã.");
    }
    em.createNativeQuery(
            "INSERT IGNORE INTO ambassador_household (account_id, household_id, paired_by,"
                + " paired_at) VALUES (?, ?, ?, ?)")
        .setParameter(1, ambassador.id())
        .setParameter(2, household.id())
        .setParameter(3, by.id())
        .setParameter(4, Timestamp.from(Instant.now()))
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  public List<Listed> ofWard(Ward ward) {
    List<Team> teams =
        em.createNamedQuery("Team.ofWard", Team.class)
            .setParameter("wardId", ward.id())
            .getResultList();
    Map<Long, ResidentialGroup> groupsById = new HashMap<>();
    households.groups(ward).forEach(group -> groupsById.put(group.id(), group));
    Map<Long, List<ResidentialGroup>> groups = new HashMap<>();
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT tg.team_id, tg.group_id FROM team_group tg JOIN team t"
                        + " ON t.id = tg.team_id WHERE t.ward_id = ?")
                .setParameter(1, ward.id())
                .getResultList()) {
      ResidentialGroup group = groupsById.get(((Number) row[1]).longValue());
      if (group != null) {
        groups.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(group);
      }
    }
    Map<Long, List<Member>> members = new HashMap<>();
    for (Object[] row :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT m.team_id, m.account_id, a.display_name, m.joined_at, m.left_at"
                        + " FROM team_member m JOIN team t ON t.id = m.team_id"
                        + " JOIN account a ON a.id = m.account_id WHERE t.ward_id = ?"
                        + " ORDER BY m.left_at IS NOT NULL, a.display_name, m.joined_at")
                .setParameter(1, ward.id())
                .getResultList()) {
      members
          .computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
          .add(
              new Member(
                  ((Number) row[1]).longValue(),
                  (String) row[2],
                  instant(row[3]),
                  row[4] == null ? null : instant(row[4])));
    }
    return teams.stream()
        .map(
            team ->
                new Listed(
                    team,
                    groups.getOrDefault(team.id(), List.of()),
                    members.getOrDefault(team.id(), List.of())))
        .toList();
  }

  /** The residential groups the trainer's current teams cover. */
  @SuppressWarnings("unchecked")
  public List<Long> coveredGroups(long trainerId) {
    List<Object> ids =
        em.createNativeQuery(
                "SELECT DISTINCT tg.group_id FROM team_group tg JOIN team_member m"
                    + " ON m.team_id = tg.team_id WHERE m.account_id = ? AND m.left_at IS NULL")
            .setParameter(1, trainerId)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  /** The households the trainer is paired with as a student ambassador. */
  @SuppressWarnings("unchecked")
  public List<Long> pairedHouseholds(long trainerId) {
    List<Object> ids =
        em.createNativeQuery("SELECT household_id FROM ambassador_household WHERE account_id = ?")
            .setParameter(1, trainerId)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  /** Every membership of the ward's teams: team, trainer, from, until. */
  @SuppressWarnings("unchecked")
  public List<Object[]> memberships(Ward ward) {
    return em.createNativeQuery(
            "SELECT m.team_id, t.name, m.account_id, m.joined_at, m.left_at FROM team_member m"
                + " JOIN team t ON t.id = m.team_id WHERE t.ward_id = ?")
        .setParameter(1, ward.id())
        .getResultList();
  }

  static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.LocalDateTime local) {
      return local.toInstant(java.time.ZoneOffset.UTC);
    }
    return (Instant) value;
  }
}
