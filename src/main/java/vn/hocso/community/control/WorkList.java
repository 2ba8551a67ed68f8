package vn.hocso.community.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Program;
import vn.hocso.platform.control.Sql;
import vn.hocso.progress.control.TargetDefinitions;

/**
 * A trainer's work list: the households of the residential groups their teams cover and of the
 * households they are paired with as an ambassador, each member's missing basic-program modules,
 * and what the household still lacks to be "Gia đình số" — closest to done first, so the next visit
 * is obvious.
 */
@ApplicationScoped
public class WorkList {

  /** Households one work list shows at most. */
  static final int LIMIT = 500;

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject Teams teams;
  @Inject TargetDefinitions targets;
  @Inject ContentCatalog catalog;

  /** A member of a household and what they still lack for the basic program. */
  public record MemberStatus(
      long accountId,
      String name,
      Integer birthYear,
      List<String> basicMissing,
      List<String> skills) {}

  /** A household and what it still lacks for "Gia đình số". */
  public record HouseholdStatus(
      long id,
      String address,
      String group,
      boolean onlineFiler,
      boolean digitalFamily,
      boolean paired,
      List<MemberStatus> members,
      List<String> familyMissing) {
    public int missing() {
      return familyMissing.size()
          + members.stream().mapToInt(member -> member.basicMissing().size()).sum();
    }
  }

  @SuppressWarnings("unchecked")
  public List<HouseholdStatus> forTrainer(long trainerId) {
    Set<Long> householdIds = new LinkedHashSet<>();
    List<Long> groups = teams.coveredGroups(trainerId);
    if (!groups.isEmpty()) {
      jakarta.persistence.Query query =
          em.createNativeQuery(
              "SELECT id FROM household WHERE group_id IN ("
                  + Sql.placeholders(groups.size())
                  + ") ORDER BY id LIMIT "
                  + LIMIT);
      for (int i = 0; i < groups.size(); i++) {
        query.setParameter(i + 1, groups.get(i));
      }
      for (Object id : (List<Object>) query.getResultList()) {
        householdIds.add(((Number) id).longValue());
      }
    }
    Set<Long> paired = new HashSet<>(teams.pairedHouseholds(trainerId));
    householdIds.addAll(paired);
    if (householdIds.isEmpty()) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>(householdIds);
    String in = Sql.placeholders(ids.size());
    Map<Long, Object[]> households = new HashMap<>();
    for (Object[] row :
        rows(
            "SELECT h.id, h.address, g.name, h.online_filer, h.digital_family FROM household h"
                + " JOIN residential_group g ON g.id = h.group_id WHERE h.id IN ("
                + in
                + ")",
            ids)) {
      households.put(((Number) row[0]).longValue(), row);
    }
    Map<Long, List<Object[]>> members = new HashMap<>();
    List<Long> memberIds = new ArrayList<>();
    for (Object[] row :
        rows(
            "SELECT household_id, id, display_name, birth_year FROM account WHERE household_id IN ("
                + in
                + ") ORDER BY display_name",
            ids)) {
      members.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(row);
      memberIds.add(((Number) row[1]).longValue());
    }
    Map<Long, Set<String>> modulesDone = new HashMap<>();
    Map<Long, Set<String>> skillsHeld = new HashMap<>();
    if (!memberIds.isEmpty()) {
      String accounts = Sql.placeholders(memberIds.size());
      for (Object[] row :
          rows(
              "SELECT account_id, subject_id FROM completion WHERE subject_type = 'module'"
                  + " AND account_id IN ("
                  + accounts
                  + ")",
              memberIds)) {
        modulesDone
            .computeIfAbsent(((Number) row[0]).longValue(), id -> new HashSet<>())
            .add((String) row[1]);
      }
      for (Object[] row :
          rows(
              "SELECT resident_id, skill_id FROM attestation WHERE withdrawn_at IS NULL"
                  + " AND resident_id IN ("
                  + accounts
                  + ")",
              memberIds)) {
        skillsHeld
            .computeIfAbsent(((Number) row[0]).longValue(), id -> new HashSet<>())
            .add((String) row[1]);
      }
    }
    Curriculum curriculum = catalog.current();
    List<String> basic =
        curriculum.program(targets.basicProgram()).map(Program::moduleIds).orElse(List.of());
    List<HouseholdStatus> list = new ArrayList<>();
    for (Long id : ids) {
      Object[] household = households.get(id);
      if (household == null) {
        continue;
      }
      List<MemberStatus> statuses = new ArrayList<>();
      Set<String> householdModules = new HashSet<>();
      Set<String> householdSkills = new HashSet<>();
      for (Object[] member : members.getOrDefault(id, List.of())) {
        long accountId = ((Number) member[1]).longValue();
        Set<String> done = modulesDone.getOrDefault(accountId, Set.of());
        Set<String> held = skillsHeld.getOrDefault(accountId, Set.of());
        householdModules.addAll(done);
        householdSkills.addAll(held);
        statuses.add(
            new MemberStatus(
                accountId,
                (String) member[2],
                member[3] == null ? null : ((Number) member[3]).intValue(),
                basic.stream()
                    .filter(module -> !done.contains(module))
                    .map(module -> moduleTitle(curriculum, module))
                    .toList(),
                held.stream().map(skill -> skillTitle(curriculum, skill)).sorted().toList()));
      }
      List<String> familyMissing = new ArrayList<>();
      targets.familyModules().stream()
          .filter(module -> !householdModules.contains(module))
          .map(module -> moduleTitle(curriculum, module))
          .forEach(familyMissing::add);
      targets.familySkills().stream()
          .filter(skill -> !householdSkills.contains(skill))
          .map(skill -> skillTitle(curriculum, skill))
          .forEach(familyMissing::add);
      list.add(
          new HouseholdStatus(
              id,
              (String) household[1],
              (String) household[2],
              Sql.truth(household[3]),
              Sql.truth(household[4]),
              paired.contains(id),
              statuses,
              familyMissing));
    }
    // Households almost there first; "Gia đình số" households (nothing missing) last.
    list.sort(
        Comparator.comparing((HouseholdStatus h) -> h.missing() == 0)
            .thenComparing(HouseholdStatus::missing)
            .thenComparing(HouseholdStatus::group)
            .thenComparing(HouseholdStatus::address));
    return list;
  }

  private static String moduleTitle(Curriculum curriculum, String id) {
    return curriculum.module(id).map(module -> module.title()).orElse(id);
  }

  private static String skillTitle(Curriculum curriculum, String id) {
    return curriculum.skill(id).map(skill -> skill.title()).orElse(id);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, List<Long> parameters) {
    jakarta.persistence.Query query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return query.getResultList();
  }
}
