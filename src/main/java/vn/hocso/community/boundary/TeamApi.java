package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.Teams;
import vn.hocso.community.entity.Team;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;

/** A ward's community digital teams, as JSON. */
@Path("api/wards/{code}/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
@SecurityRequirement(name = "session")
public class TeamApi {

  @Inject Teams teams;
  @Inject WardAccess wardAccess;
  @Inject Wards wards;
  @Inject CurrentAccount current;

  @Schema(description = "A new team")
  public record TeamRequest(String name, List<Long> groupIds) {}

  @Schema(description = "A team")
  public record TeamView(long id, String name, List<Long> groupIds, List<Teams.Member> members) {}

  // ---- Teams and ambassadors (ward officer)

  @GET
  @Operation(
      operationId = "teamsOf",
      summary = "A ward's community digital teams, with groups and members (past too)")
  public List<TeamView> teamsOf(@PathParam("code") String code) {
    Ward ward = wardAccess.forOfficer(code);
    return teams.ofWard(ward).stream()
        .map(
            listed ->
                new TeamView(
                    listed.team().id(),
                    listed.team().name(),
                    listed.groups().stream().map(group -> group.id()).toList(),
                    listed.members()))
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createTeam",
      summary = "Create a community digital team covering residential groups")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TeamView.class)))
  public Response createTeam(@PathParam("code") String code, TeamRequest body) {
    Ward ward = wardAccess.forOfficer(code);
    Team team =
        teams.create(
            ward,
            body == null ? null : body.name(),
            body == null ? List.of() : body.groupIds(),
            current.required());
    return Response.status(201)
        .entity(new TeamView(team.id(), team.name(), body.groupIds(), List.of()))
        .build();
  }
}
