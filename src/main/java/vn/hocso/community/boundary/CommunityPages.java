package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.community.control.Attestations;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.community.control.Teams;
import vn.hocso.community.control.TrainerActivity;
import vn.hocso.community.control.WorkList;
import vn.hocso.community.entity.Attestation;
import vn.hocso.community.entity.Team;
import vn.hocso.completion.control.Completions;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Skill;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.ward.control.Dates;
import vn.hocso.ward.control.Households;
import vn.hocso.ward.control.WardAccess;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.Refusal;

/**
 * Pages of the door-to-door work: a trainer's work list, registering a resident on the trainer's
 * device, a resident's card (quizzes taken together, skills attested), and the ward officer's teams
 * and activity pages. Server rendered; they work with JavaScript off.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class CommunityPages {

  @Inject CurrentAccount current;
  @Inject ResidentAccess residents;
  @Inject Attestations attestations;
  @Inject Teams teams;
  @Inject WorkList workList;
  @Inject TrainerActivity activity;
  @Inject Accounts accounts;
  @Inject Attempts attempts;
  @Inject Completions completions;
  @Inject Households households;
  @Inject WardAccess wardAccess;
  @Inject Wards wards;
  @Inject ContentCatalog catalog;
  @Inject Navigation navigation;

  // ---- The trainer's work list

  @GET
  @Path("ho-tro")
  @Operation(hidden = true)
  public Response home() {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Account trainer = residents.trainer();
    Map<String, Object> model = new HashMap<>();
    model.put("trainer", trainer);
    model.put("households", workList.forTrainer(trainer.id()));
    return Response.ok(navigation.page("assist-home", model)).build();
  }

  // ---- Assisted registration

  @GET
  @Path("ho-tro/dang-ky")
  @Operation(hidden = true)
  public Response registerForm() {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Account trainer = residents.trainer();
    return Response.ok(registerPage(trainer, new HashMap<>())).build();
  }

  private String registerPage(Account trainer, Map<String, Object> model) {
    Ward ward = wards.find(trainer.wardId()).orElseThrow();
    model.put("ward", ward);
    model.put("groups", households.groups(ward));
    model.putIfAbsent("error", null);
    Map<String, Object> empty = new HashMap<>();
    empty.put("name", "");
    empty.put("birthYear", "");
    empty.put("signInName", "");
    empty.put("address", "");
    empty.put("group", null);
    empty.put("consent", false);
    model.putIfAbsent("entered", empty);
    return navigation.page("assist-register", model);
  }

  @POST
  @Path("ho-tro/dang-ky")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response register(
      @FormParam("ten") String name,
      @FormParam("nam_sinh") String birthYear,
      @FormParam("dang_nhap") String signInName,
      @FormParam("mat_khau") String password,
      @FormParam("mat_khau_lai") String passwordAgain,
      @FormParam("dong_y") String consent,
      @FormParam("to") String group,
      @FormParam("dia_chi") String address) {
    Account trainer = residents.trainer();
    Long groupId = group == null || !group.matches("[0-9]{1,18}") ? null : Long.valueOf(group);
    try {
      if (password == null || !password.equals(passwordAgain)) {
        throw new Refusal(400, "Hai lần nhập mật khẩu chưa giống nhau.");
      }
      Integer year = null;
      if (birthYear != null && birthYear.strip().matches("[0-9]{4}")) {
        year = Integer.valueOf(birthYear.strip());
      }
      Account resident =
          residents.enrol(
              trainer,
              new Accounts.Registration(
                  name, year, trainer.wardId(), signInName, password, null, consent != null),
              groupId,
              address);
      return Response.seeOther(URI.create("/ho-tro/nguoi-dan/" + resident.id())).build();
    } catch (Refusal refusal) {
      // Everything typed stays, the consent and the group included; never the password.
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      Map<String, Object> entered = new HashMap<>();
      entered.put("name", orEmpty(name));
      entered.put("birthYear", orEmpty(birthYear));
      entered.put("signInName", orEmpty(signInName));
      entered.put("address", orEmpty(address));
      entered.put("group", groupId);
      entered.put("consent", consent != null);
      model.put("entered", entered);
      return Response.status(refusal.status()).entity(registerPage(trainer, model)).build();
    }
  }

  // ---- A resident's card

  @GET
  @Path("ho-tro/nguoi-dan/{id}")
  @Operation(hidden = true)
  public Response resident(@PathParam("id") long residentId, @QueryParam("da_luu") String saved) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    Map<String, Object> model = new HashMap<>();
    model.put("message", saved == null ? null : "Đã lưu.");
    return Response.ok(residentPage(trainer, resident, model)).build();
  }

  private String residentPage(Account trainer, Account resident, Map<String, Object> model) {
    Curriculum curriculum = catalog.current();
    Set<String> done = new HashSet<>();
    completions.forAccount(resident.id()).forEach(c -> done.add(c.subjectId()));
    List<Map<String, Object>> modules = new ArrayList<>();
    for (Module module : curriculum.modules()) {
      modules.add(
          Map.of("id", module.id(), "title", module.title(), "done", done.contains(module.id())));
    }
    List<Attestation> held = attestations.ofResident(resident.id());
    Set<String> active = new HashSet<>();
    held.stream().filter(a -> !a.isWithdrawn()).forEach(a -> active.add(a.skillId()));
    List<Map<String, Object>> skills = new ArrayList<>();
    for (Skill skill : curriculum.skills()) {
      if (!skill.withdrawn()) {
        skills.add(Map.of("skill", skill, "held", active.contains(skill.id())));
      }
    }
    model.put("trainer", trainer);
    model.put("resident", resident);
    model.put("household", households.of(resident).orElse(null));
    model.put("modules", modules);
    model.put("skills", skills);
    model.put(
        "attestations",
        held.stream()
            .map(
                a ->
                    Map.of(
                        "a",
                        a,
                        "on",
                        Dates.vietnamese(a.attestedOn()),
                        "mine",
                        a.trainerId() == trainer.id()))
            .toList());
    model.put("today", LocalDate.now(Dates.VIETNAM_ZONE).toString());
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    Map<String, Object> none = new HashMap<>();
    none.put("skill", "");
    none.put("items", List.of());
    none.put("day", "");
    none.put("reference", "");
    model.putIfAbsent("attempted", none);
    model.putIfAbsent("withdrawing", Map.of("id", -1L, "reason", ""));
    return navigation.page("assist-resident", model);
  }

  @POST
  @Path("ho-tro/nguoi-dan/{id}/kiem-tra/{module}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response startQuiz(@PathParam("id") long residentId, @PathParam("module") String module) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    Attempts.Sheet sheet = attempts.startAssisted(module, trainer.id(), resident.id());
    return Response.seeOther(URI.create("/lam-bai/" + sheet.attempt().id())).build();
  }

  @POST
  @Path("ho-tro/nguoi-dan/{id}/xac-nhan")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response attest(
      @PathParam("id") long residentId,
      @FormParam("ky_nang") String skillId,
      @FormParam("ngay") String day,
      @FormParam("muc") List<String> items,
      @FormParam("tham_chieu") String reference) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    try {
      List<Integer> confirmed = new ArrayList<>();
      for (String item : items == null ? List.<String>of() : items) {
        if (item.matches("[0-9]{1,2}")) {
          confirmed.add(Integer.valueOf(item));
        }
      }
      LocalDate on = Dates.parse(day, "Ngày thấy người dân làm");
      attestations.attest(
          trainer, resident.id(), new Attestations.Entry(skillId, on, confirmed, reference));
      return Response.seeOther(URI.create("/ho-tro/nguoi-dan/" + resident.id() + "?da_luu=1"))
          .build();
    } catch (Refusal refusal) {
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      Map<String, Object> attempted = new HashMap<>();
      attempted.put("skill", orEmpty(skillId));
      attempted.put(
          "items",
          items == null
              ? List.of()
              : items.stream()
                  .filter(item -> item.matches("[0-9]{1,2}"))
                  .map(Integer::valueOf)
                  .toList());
      attempted.put("day", orEmpty(day));
      attempted.put("reference", orEmpty(reference));
      model.put("attempted", attempted);
      return Response.status(refusal.status())
          .entity(residentPage(trainer, resident, model))
          .build();
    }
  }

  @POST
  @Path("ho-tro/xac-nhan/{id}/rut-lai")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response withdraw(@PathParam("id") long attestationId, @FormParam("ly_do") String reason) {
    Account by = residents.trainer();
    Attestation attestation =
        attestations
            .find(attestationId)
            .orElseThrow(() -> new Refusal(404, "Không tìm thấy xác nhận này."));
    Account resident = residents.resident(by, attestation.residentId());
    try {
      attestations.withdraw(by, attestationId, reason);
      return Response.seeOther(URI.create("/ho-tro/nguoi-dan/" + resident.id() + "?da_luu=1"))
          .build();
    } catch (Refusal refusal) {
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      model.put("withdrawing", Map.of("id", attestationId, "reason", orEmpty(reason)));
      return Response.status(refusal.status()).entity(residentPage(by, resident, model)).build();
    }
  }

  // ---- The ward officer's teams and activity

  @GET
  @Path("phuong/{key}/to-cong-nghe")
  @Operation(hidden = true)
  public Response teamsPage(@PathParam("key") String key) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Ward ward = wardAccess.forOfficer(key);
    return Response.ok(teamsPage(ward, new HashMap<>())).build();
  }

  private String teamsPage(Ward ward, Map<String, Object> model) {
    model.put("ward", ward);
    model.put("teams", teams.ofWard(ward));
    model.put("groups", households.groups(ward));
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    Map<String, Object> entered = new HashMap<>();
    entered.put("name", "");
    entered.put("groups", List.of());
    entered.put("team", null);
    entered.put("signInName", "");
    @SuppressWarnings("unchecked")
    Map<String, Object> given = (Map<String, Object>) model.get("entered");
    if (given != null) {
      entered.putAll(given);
    }
    model.put("entered", entered);
    model.put("adminView", current.required().role() == Role.ADMIN);
    model.put("wide", true);
    return navigation.page("ward-teams", model);
  }

  @POST
  @Path("phuong/{key}/to-cong-nghe")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response createTeam(
      @PathParam("key") String key,
      @FormParam("ten") String name,
      @FormParam("to") List<String> groups) {
    Ward ward = wardAccess.forOfficer(key);
    try {
      List<Long> ids = new ArrayList<>();
      for (String group : groups == null ? List.<String>of() : groups) {
        if (group.matches("[0-9]{1,18}")) {
          ids.add(Long.valueOf(group));
        }
      }
      teams.create(ward, name, ids, current.required());
      return Response.seeOther(URI.create("/phuong/" + ward.key() + "/to-cong-nghe")).build();
    } catch (Refusal refusal) {
      Map<String, Object> entered = new HashMap<>();
      entered.put("name", orEmpty(name));
      entered.put(
          "groups",
          groups == null
              ? List.of()
              : groups.stream().filter(g -> g.matches("[0-9]{1,18}")).map(Long::valueOf).toList());
      return refusedTeams(ward, refusal, entered);
    }
  }

  @POST
  @Path("phuong/{key}/to-cong-nghe/{team}/thanh-vien")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response addMember(
      @PathParam("key") String key,
      @PathParam("team") long teamId,
      @FormParam("dang_nhap") String signInName) {
    Ward ward = wardAccess.forOfficer(key);
    Team team = teamOf(ward, teamId);
    try {
      Account trainer =
          accounts
              .findBySignInName(signInName)
              .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
      teams.addTrainer(team, trainer, current.required());
      return Response.seeOther(URI.create("/phuong/" + ward.key() + "/to-cong-nghe")).build();
    } catch (Refusal refusal) {
      Map<String, Object> entered = new HashMap<>();
      entered.put("team", team.id());
      entered.put("signInName", orEmpty(signInName));
      return refusedTeams(ward, refusal, entered);
    }
  }

  @POST
  @Path("phuong/{key}/to-cong-nghe/{team}/roi-to/{account}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response removeMember(
      @PathParam("key") String key,
      @PathParam("team") long teamId,
      @PathParam("account") long accountId,
      @FormParam("xac_nhan") String confirmed) {
    Ward ward = wardAccess.forOfficer(key);
    Team team = teamOf(ward, teamId);
    if (!"1".equals(confirmed)) {
      // One tap asks first; the second, on the page that names who leaves which team, does it.
      Map<String, Object> model = new HashMap<>();
      model.put("ward", ward);
      model.put("team", team);
      model.put(
          "member",
          accounts
              .find(accountId)
              .map(Account::displayName)
              .orElseThrow(() -> new Refusal(404, "Không tìm thấy thành viên này.")));
      model.put("accountId", accountId);
      return Response.ok(navigation.page("ward-team-leave", model)).build();
    }
    teams.removeTrainer(team, accountId);
    return Response.seeOther(URI.create("/phuong/" + ward.key() + "/to-cong-nghe")).build();
  }

  @POST
  @Path("phuong/{key}/ho-gia-dinh/{household}/dai-su")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response pairAmbassador(
      @PathParam("key") String key,
      @PathParam("household") long householdId,
      @FormParam("dang_nhap") String signInName) {
    Ward ward = wardAccess.forOfficer(key);
    var household =
        households
            .find(householdId)
            .filter(found -> found.wardId() == ward.id())
            .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
    Account ambassador =
        accounts
            .findBySignInName(signInName)
            .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
    teams.pair(ambassador, household, current.required());
    return Response.seeOther(
            URI.create("/phuong/" + ward.key() + "/ho-gia-dinh?to=" + household.groupId()))
        .build();
  }

  private Team teamOf(Ward ward, long teamId) {
    return teams
        .find(teamId)
        .filter(team -> team.wardId() == ward.id())
        .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
  }

  private Response refusedTeams(Ward ward, Refusal refusal, Map<String, Object> entered) {
    Map<String, Object> model = new HashMap<>();
    model.put("error", refusal.getMessage());
    model.put("entered", entered);
    return Response.status(refusal.status()).entity(teamsPage(ward, model)).build();
  }

  @GET
  @Path("phuong/{key}/hoat-dong")
  @Operation(hidden = true)
  public Response activityPage(@PathParam("key") String key) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Ward ward = wardAccess.forOfficer(key);
    Map<String, Object> model = new HashMap<>();
    List<TrainerActivity.Row> rows = activity.of(ward, null, null);
    model.put("ward", ward);
    model.put("teamRows", rows.stream().filter(r -> r.kind().equals("team")).toList());
    model.put("trainerRows", rows.stream().filter(r -> r.kind().equals("trainer")).toList());
    model.put("adminView", current.required().role() == Role.ADMIN);
    model.put("wide", true);
    return Response.ok(navigation.page("ward-activity", model)).build();
  }

  private static Response signIn() {
    return Response.seeOther(URI.create("/dang-nhap")).build();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
