package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.ActivityReports;
import vn.hocso.community.control.Attestations;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.community.control.Teams;
import vn.hocso.community.control.TrainerActivity;
import vn.hocso.community.control.WorkList;
import vn.hocso.community.entity.Attestation;
import vn.hocso.community.entity.Team;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.quiz.boundary.AttemptApi;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.ward.control.Dates;
import vn.hocso.ward.control.Households;
import vn.hocso.ward.control.ReportLog;
import vn.hocso.ward.control.WardAccess;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Household;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.Refusal;

/**
 * Community digital teams as JSON: teams and ambassadors (ward officer), assisted enrollment and
 * attestations (trainers of the ward), a trainer's work list, and per-team and per-trainer activity
 * (ward officer).
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
public class CommunityApi {

  @Inject ResidentAccess residents;
  @Inject Attestations attestations;
  @Inject Teams teams;
  @Inject WorkList workList;
  @Inject TrainerActivity activity;
  @Inject ActivityReports activityReports;
  @Inject ReportLog reportLog;
  @Inject Accounts accounts;
  @Inject Attempts attempts;
  @Inject Households households;
  @Inject WardAccess wardAccess;
  @Inject Wards wards;
  @Inject CurrentAccount current;

  @Context UriInfo uri;

  @Schema(description = "A resident a trainer registers on their own device, with consent")
  public record AssistedRegistration(
      String displayName,
      Integer birthYear,
      @Schema(description = "The resident's mobile number or CCCD") String signInName,
      String password,
      String contactPhone,
      @Schema(description = "The resident agreed, in front of the trainer, to the data policy")
          Boolean consent,
      @Schema(description = "Optional: the resident's household") Long groupId,
      String address) {}

  @Schema(description = "A registered resident")
  public record ResidentView(long id, String displayName, Integer birthYear, Long registeredBy) {}

  @Schema(description = "A practical skill seen in person")
  public record AttestationRequest(
      String skillId,
      @Schema(description = "The day it was seen; today when absent; never in the future")
          LocalDate attestedOn,
      @Schema(description = "Indexes (from 0) of the checklist items confirmed: all are required")
          List<Integer> confirmed,
      @Schema(description = "Optional reference, e.g. the dossier code; never shown publicly")
          String reference) {}

  @Schema(description = "An attestation")
  public record AttestationView(
      long id,
      long residentId,
      String skillId,
      String skillTitle,
      long trainerId,
      LocalDate attestedOn,
      Instant recordedAt,
      boolean withdrawn,
      Instant withdrawnAt,
      String withdrawReason) {
    static AttestationView of(Attestation a) {
      return new AttestationView(
          a.id(),
          a.residentId(),
          a.skillId(),
          a.skillTitle(),
          a.trainerId(),
          a.attestedOn(),
          a.recordedAt(),
          a.isWithdrawn(),
          a.withdrawnAt(),
          a.withdrawReason());
    }
  }

  @Schema(description = "Why an attestation is withdrawn")
  public record Withdrawal(String reason) {}

  @Schema(description = "A module to take with the resident")
  public record AssistedAttempt(String moduleId) {}

  @Schema(description = "A new team")
  public record TeamRequest(String name, List<Long> groupIds) {}

  @Schema(description = "A team")
  public record TeamView(long id, String name, List<Long> groupIds, List<Teams.Member> members) {}

  @Schema(description = "A trainer to add, by their sign-in phone or CCCD")
  public record TrainerRequest(String signInName) {}

  // ---- Assisted enrollment

  @POST
  @Path("assisted-registrations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register a resident on the trainer's device (assisted enrollment)",
      description =
          "The account is the resident's, in the trainer's ward; it records the consent given and"
              + " who registered it. The trainer stays signed in.")
  @APIResponse(responseCode = "201", description = "Registered")
  public Response registerResident(AssistedRegistration body) {
    Account trainer = residents.trainer();
    if (body == null) {
      throw new Refusal(400, "Thiếu thông tin đăng ký.");
    }
    Account resident =
        residents.enrol(
            trainer,
            new Accounts.Registration(
                body.displayName(),
                body.birthYear(),
                trainer.wardId(),
                body.signInName(),
                body.password(),
                body.contactPhone(),
                Boolean.TRUE.equals(body.consent())),
            body.groupId(),
            body.address());
    return Response.status(201)
        .entity(
            new ResidentView(
                resident.id(), resident.displayName(), resident.birthYear(), trainer.id()))
        .build();
  }

  @POST
  @Path("residents/{id}/attempts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start a quiz for a resident on the trainer's device",
      description =
          "The resident's attempt, marked as assisted by the trainer; the trainer's session"
              + " submits it (POST /api/attempts/{attemptId}/submission).")
  @APIResponse(responseCode = "201", description = "Started")
  @APIResponse(responseCode = "403", description = "A resident of another ward")
  public Response startForResident(@PathParam("id") long residentId, AssistedAttempt body) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    if (body == null || body.moduleId() == null) {
      throw new Refusal(400, "Bác hãy chọn học phần.");
    }
    Attempts.Sheet sheet = attempts.startAssisted(body.moduleId(), trainer.id(), resident.id());
    return Response.created(
            uri.getBaseUriBuilder().path("api/attempts/" + sheet.attempt().id()).build())
        .entity(
            new AttemptApi.StartedAttempt(
                sheet.attempt().id(), sheet.attempt().version(), AttemptApi.questions(sheet)))
        .build();
  }

  // ---- Attestations

  @POST
  @Path("residents/{id}/attestations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Attest a practical skill seen in person")
  @APIResponse(responseCode = "201", description = "Recorded")
  @APIResponse(
      responseCode = "400",
      description = "Unknown or withdrawn skill, a future day, checklist not fully confirmed")
  @APIResponse(
      responseCode = "403",
      description = "A resident of another ward, or the trainer themselves")
  @APIResponse(responseCode = "409", description = "The resident already holds it")
  public Response attest(@PathParam("id") long residentId, AttestationRequest body) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    if (body == null) {
      throw new Refusal(400, "Thiếu nội dung xác nhận.");
    }
    Attestation attestation =
        attestations.attest(
            trainer,
            resident.id(),
            new Attestations.Entry(
                body.skillId(), body.attestedOn(), body.confirmed(), body.reference()));
    return Response.status(201).entity(AttestationView.of(attestation)).build();
  }

  @GET
  @Path("residents/{id}/attestations")
  @Operation(summary = "A resident's attestations, withdrawn ones included")
  public List<AttestationView> attestationsOf(@PathParam("id") long residentId) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    return attestations.ofResident(resident.id()).stream().map(AttestationView::of).toList();
  }

  @POST
  @Path("attestations/{id}/withdrawal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Withdraw an attestation, with a reason (kept)",
      description =
          "By the trainer who made it or the ward officer. Withdrawing twice changes nothing.")
  @APIResponse(responseCode = "403", description = "Another trainer's attestation")
  public AttestationView withdraw(@PathParam("id") long id, Withdrawal body) {
    Account by = residents.trainer();
    return AttestationView.of(attestations.withdraw(by, id, body == null ? null : body.reason()));
  }

  @GET
  @Path("me/work-list")
  @Operation(summary = "The signed-in trainer's households, what each member and household lacks")
  public List<WorkList.HouseholdStatus> myWorkList() {
    return workList.forTrainer(residents.trainer().id());
  }

  // ---- Teams and ambassadors (ward officer)

  @GET
  @Path("wards/{code}/teams")
  @Operation(summary = "A ward's community digital teams, with groups and members (past too)")
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
  @Path("wards/{code}/teams")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a community digital team covering residential groups")
  @APIResponse(responseCode = "201", description = "Created")
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

  @POST
  @Path("teams/{id}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a trainer of the ward to a team")
  public Response addMember(@PathParam("id") long teamId, TrainerRequest body) {
    Team team = teamForOfficer(teamId);
    teams.addTrainer(team, account(body), current.required());
    return Response.noContent().build();
  }

  @DELETE
  @Path("teams/{id}/members/{accountId}")
  @Operation(summary = "A trainer leaves a team (past membership and records stay)")
  public Response removeMember(@PathParam("id") long teamId, @PathParam("accountId") long member) {
    teams.removeTrainer(teamForOfficer(teamId), member);
    return Response.noContent().build();
  }

  @POST
  @Path("households/{id}/ambassadors")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Pair a trainer (student digital ambassador) with a household")
  public Response pairAmbassador(@PathParam("id") long householdId, TrainerRequest body) {
    Account officer = current.requireRole(Role.OFFICER, Role.ADMIN);
    Household household =
        households
            .find(householdId)
            .filter(
                found ->
                    officer.role() == Role.ADMIN
                        || (officer.wardId() != null && officer.wardId() == found.wardId()))
            .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
    teams.pair(account(body), household, officer);
    return Response.noContent().build();
  }

  private Team teamForOfficer(long teamId) {
    Account officer = current.requireRole(Role.OFFICER, Role.ADMIN);
    return teams
        .find(teamId)
        .filter(
            team ->
                officer.role() == Role.ADMIN
                    || (officer.wardId() != null && officer.wardId() == team.wardId()))
        .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
  }

  private Account account(TrainerRequest body) {
    return accounts
        .findBySignInName(body == null ? null : body.signInName())
        .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
  }

  // ---- Activity of teams and trainers (ward officer)

  @GET
  @Path("wards/{code}/activity")
  @Operation(
      summary =
          "Per team and per trainer and month: households visited, residents enrolled,"
              + " attestations, assisted completions")
  public List<TrainerActivity.Row> activityOf(
      @PathParam("code") String code,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Ward ward = wardAccess.forOfficer(code);
    return activity.of(ward, Dates.parse(from, "Ngày bắt đầu"), Dates.parse(to, "Ngày kết thúc"));
  }

  @GET
  @Path("wards/{code}/activity.csv")
  @Produces("text/csv; charset=UTF-8")
  @Operation(summary = "The activity as CSV (UTF-8 with BOM)")
  public Response activityCsv(
      @PathParam("code") String code,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return activityFile(code, from, to, false);
  }

  @GET
  @Path("wards/{code}/activity.xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  @Operation(summary = "The activity as XLSX")
  public Response activityXlsx(
      @PathParam("code") String code,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return activityFile(code, from, to, true);
  }

  private Response activityFile(String code, String from, String to, boolean xlsx) {
    Ward ward = wardAccess.forOfficer(code);
    Account who = current.required();
    LocalDate start = Dates.parse(from, "Ngày bắt đầu");
    LocalDate end = Dates.parse(to, "Ngày kết thúc");
    if (start != null && end != null && end.isBefore(start)) {
      throw new Refusal(400, "Ngày kết thúc ở trước ngày bắt đầu.");
    }
    List<TrainerActivity.Row> rows = activity.of(ward, start, end);
    String filters =
        (start == null ? "" : "from=" + start + " ") + (end == null ? "" : "to=" + end);
    StreamingOutput body =
        out -> {
          Instant started = Instant.now();
          boolean done = false;
          try {
            activityReports.write(rows, xlsx, out);
            done = true;
          } finally {
            reportLog.record(
                who.id(),
                ward.id(),
                xlsx ? "activity.xlsx" : "activity.csv",
                filters.isBlank() ? "all" : filters.strip(),
                rows.size(),
                done,
                started);
          }
        };
    return Response.ok(
            body,
            xlsx
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"hoat-dong-"
                + ward.key().replaceAll("[^A-Za-z0-9-]", "_")
                + (xlsx ? ".xlsx" : ".csv")
                + "\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
