package vn.hocso.community.boundary;

import static vn.hocso.web.control.FormValues.orEmpty;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.community.control.Teams;
import vn.hocso.community.control.TrainerActivity;
import vn.hocso.community.entity.Team;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.SignInRequired;

/**
 * A ward's community digital teams, for its officer: creating teams, adding trainers, asking before
 * one leaves.
 */
@Path("phuong/{key}/to-cong-nghe")
@Produces(MediaType.TEXT_HTML)
public class TeamPages {

  @Inject CurrentAccount current;
  @Inject Teams teams;
  @Inject TrainerActivity activity;
  @Inject Accounts accounts;
  @Inject Households households;
  @Inject WardAccess wardAccess;
  @Inject Navigation navigation;

  // ---- The ward officer's teams and activity

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response teamsPage(@PathParam("key") String key) {
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
    model.put("adminView", current.required().has(Role.ADMIN));
    model.put("wide", true);
    return navigation.page("ward-teams", model);
  }

  @POST
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
  @Path("{team}/thanh-vien")
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
  @Path("{team}/roi-to/{account}")
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
}
