package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.Teams;
import vn.hocso.community.entity.Team;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.WardAccess;

/** Trainers joining and leaving a team, as JSON. */
@Path("api/teams/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
@SecurityRequirement(name = "session")
public class TeamMemberApi {

  @Inject Teams teams;
  @Inject Accounts accounts;
  @Inject CurrentAccount current;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "addTeamMember", summary = "Add a trainer of the ward to a team")
  @APIResponse(responseCode = "204", description = "Added")
  public Response addTeamMember(@PathParam("id") long teamId, CommunityViews.TrainerRequest body) {
    Team team = teamForOfficer(teamId);
    teams.addTrainer(team, CommunityViews.trainer(accounts, body), current.required());
    return Response.noContent().build();
  }

  @DELETE
  @Path("{accountId}")
  @Operation(
      operationId = "removeTeamMember",
      summary = "A trainer leaves a team (past membership and records stay)")
  @APIResponse(responseCode = "204", description = "Left the team")
  public Response removeTeamMember(
      @PathParam("id") long teamId, @PathParam("accountId") long member) {
    teams.removeTrainer(teamForOfficer(teamId), member);
    return Response.noContent().build();
  }

  private Team teamForOfficer(long teamId) {
    Account officer = current.requireRole(Role.OFFICER, Role.ADMIN);
    return teams
        .find(teamId)
        .filter(
            team ->
                officer.has(Role.ADMIN)
                    || (officer.wardId() != null && officer.wardId() == team.wardId()))
        .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
  }
}
