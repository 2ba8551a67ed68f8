package vn.hocso.ward.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.ward.control.Dates;
import vn.hocso.ward.control.Households;
import vn.hocso.ward.control.Progress;
import vn.hocso.ward.control.Reconciliation;
import vn.hocso.ward.control.WardAccess;
import vn.hocso.ward.control.WardCsv;
import vn.hocso.ward.control.WardImport;
import vn.hocso.ward.control.WardProgress;
import vn.hocso.ward.control.WardTargets;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Household;
import vn.hocso.ward.entity.ResidentialGroup;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.Refusal;

/**
 * Wards as JSON: progress, targets, residential groups and households, the ward list import, the
 * roll-up and the counter reconciliation. A ward officer reaches only their own ward (403 for any
 * other code); admins reach all.
 */
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
public class WardApi {

  /** Largest ward list file accepted. */
  static final int MAX_IMPORT_BYTES = 20 * 1024 * 1024;

  @Inject WardAccess access;
  @Inject WardProgress progress;
  @Inject WardTargets targets;
  @Inject Households households;
  @Inject WardImport wardImport;
  @Inject Reconciliation reconciliation;
  @Inject Accounts accounts;
  @Inject CurrentAccount current;
  @Inject Wards wards;

  @GET
  @Path("wards/{code}/progress")
  @Operation(
      summary = "A ward's progress toward its targets",
      description = "Read from per-ward counters. For the ward's officer and admins.")
  @APIResponse(responseCode = "403", description = "Another ward (or no such code) for an officer")
  @APIResponse(responseCode = "404", description = "No ward with this code (admins)")
  public WardViews.ProgressView progress(
      @PathParam("code") String code, @QueryParam("date") String date) {
    Ward ward = access.forOfficer(code);
    LocalDate on = Dates.parse(date, "Ngày");
    return WardViews.ProgressView.of(ward, progress.of(ward, on == null ? Dates.today() : on));
  }

  @GET
  @Path("wards/{code}/targets")
  @Operation(summary = "A ward's denominators and targets, newest first (history kept)")
  public List<WardViews.TargetView> targetHistory(@PathParam("code") String code) {
    Ward ward = access.forOfficer(code);
    return targets.history(ward).stream().map(WardViews.TargetView::of).toList();
  }

  @POST
  @Path("wards/{code}/targets")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a ward's denominators and targets from a date on")
  @APIResponse(responseCode = "201", description = "Recorded")
  @APIResponse(
      responseCode = "400",
      description = "A denominator of 0 or less, a target outside 0–100 %, no date")
  public Response setTargets(@PathParam("code") String code, WardViews.TargetRequest body) {
    Ward ward = access.forOfficer(code);
    if (body == null) {
      throw new Refusal(400, "Thiếu mẫu số và mục tiêu.");
    }
    Account officer = current.required();
    WardViews.TargetView view =
        WardViews.TargetView.of(
            targets.set(
                ward,
                new WardTargets.Entry(
                    body.appliesFrom(),
                    body.adults(),
                    body.households(),
                    body.adultsTargetPercent(),
                    body.onlineTargetPercent(),
                    body.familyTargetPercent()),
                officer));
    return Response.status(201).entity(view).build();
  }

  @GET
  @Path("wards/{code}/groups")
  @Operation(summary = "A ward's residential groups (tổ dân phố, khu phố, thôn)")
  public List<WardViews.GroupView> groups(@PathParam("code") String code) {
    Ward ward = access.forStaff(code);
    return households.groups(ward).stream().map(WardViews.GroupView::of).toList();
  }

  @POST
  @Path("wards/{code}/groups")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a residential group (ward officer, trainer of the ward, admin)")
  @APIResponse(responseCode = "201", description = "Added")
  @APIResponse(responseCode = "409", description = "The ward already has a group of that name")
  public Response addGroup(@PathParam("code") String code, WardViews.GroupRequest body) {
    Ward ward = access.forStaff(code);
    ResidentialGroup group = households.createGroup(ward, body == null ? null : body.name());
    return Response.status(201).entity(WardViews.GroupView.of(group)).build();
  }

  @GET
  @Path("wards/{code}/households")
  @Operation(summary = "The households of one residential group, with their members' names")
  public List<WardViews.HouseholdView> householdsOf(
      @PathParam("code") String code, @QueryParam("group") Long groupId) {
    Ward ward = access.forStaff(code);
    ResidentialGroup group = households.group(ward, groupId);
    return households.ofGroup(group).stream()
        .map(
            listed ->
                new WardViews.HouseholdView(
                    listed.id(),
                    listed.groupId(),
                    listed.address(),
                    listed.onlineFiler(),
                    listed.digitalFamily(),
                    listed.members()))
        .toList();
  }

  @POST
  @Path("wards/{code}/households")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a household (ward officer, trainer of the ward, admin)")
  @APIResponse(responseCode = "201", description = "Added")
  @APIResponse(responseCode = "409", description = "The group already has a household there")
  public Response addHousehold(@PathParam("code") String code, WardViews.HouseholdRequest body) {
    Ward ward = access.forStaff(code);
    if (body == null) {
      throw new Refusal(400, "Thiếu tổ dân phố và địa chỉ.");
    }
    Household household =
        households.create(ward, body.groupId(), body.address(), current.required());
    return Response.status(201).entity(WardViews.HouseholdView.of(household)).build();
  }

  @POST
  @Path("households/{id}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a learner of the ward to a household",
      description = "A learner belongs to at most one household: this moves them from another.")
  @APIResponse(responseCode = "200", description = "Added (or already a member)")
  @APIResponse(responseCode = "403", description = "A household of another ward")
  @APIResponse(responseCode = "404", description = "No account with this phone or CCCD")
  public WardViews.HouseholdView addMember(@PathParam("id") long id, WardViews.MemberRequest body) {
    Household household = householdForStaff(id);
    Account learner =
        accounts
            .findBySignInName(body == null ? null : body.signInName())
            .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
    households.link(household, learner);
    return WardViews.HouseholdView.of(households.find(id).orElseThrow());
  }

  private Household householdForStaff(long id) {
    // Staff of another ward get 403 whether or not the id exists.
    Household household = households.find(id).orElse(null);
    if (household == null) {
      Account staff = current.requireRole(Role.OFFICER, Role.TRAINER, Role.ADMIN);
      throw staff.role() == Role.ADMIN
          ? new Refusal(404, "Không có hộ gia đình này.")
          : new Refusal(403, WardAccess.OTHER_WARD);
    }
    access.forStaff(household.wardId());
    return household;
  }

  @GET
  @Path("me/household")
  @Operation(summary = "The signed-in learner's household")
  @APIResponse(responseCode = "404", description = "Not in a household yet")
  public WardViews.HouseholdView myHousehold() {
    Account learner = current.required();
    return households
        .of(learner)
        .map(WardViews.HouseholdView::of)
        .orElseThrow(() -> new Refusal(404, "Bác chưa cho biết mình ở hộ nào."));
  }

  @PUT
  @Path("me/household")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "State the signed-in learner's household",
      description =
          "The household at this address of the group (created if new); moves the"
              + " learner out of any other.")
  public WardViews.HouseholdView stateMyHousehold(WardViews.HouseholdRequest body) {
    Account learner = current.required();
    Ward ward = ownWard(learner);
    if (body == null) {
      throw new Refusal(400, "Thiếu tổ dân phố và địa chỉ.");
    }
    return WardViews.HouseholdView.of(
        households.stateOwn(ward, learner, body.groupId(), body.address()));
  }

  @GET
  @Path("me/groups")
  @Operation(summary = "The residential groups of the signed-in learner's ward")
  public List<WardViews.GroupView> myGroups() {
    Ward ward = ownWard(current.required());
    return households.groups(ward).stream().map(WardViews.GroupView::of).toList();
  }

  private Ward ownWard(Account learner) {
    if (learner.wardId() == null) {
      throw new Refusal(400, "Tài khoản của bác chưa có phường, xã.");
    }
    return wards.find(learner.wardId()).orElseThrow();
  }

  @GET
  @Path("reports/rollup")
  @Operation(summary = "Every ward side by side (admins); optionally one province")
  public List<WardViews.RollupRow> rollup(
      @QueryParam("province") String province, @QueryParam("date") String date) {
    access.admin();
    LocalDate on = Dates.parse(date, "Ngày");
    return progress.rollup(on == null ? Dates.today() : on, blankToNull(province)).stream()
        .map(
            row -> {
              Progress p = row.progress();
              return new WardViews.RollupRow(
                  WardViews.WardRef.of(row.ward()),
                  WardViews.FigureView.of(p.adults()),
                  WardViews.FigureView.of(p.online()),
                  WardViews.FigureView.of(p.family()),
                  p.moduleCompletions());
            })
        .toList();
  }

  @POST
  @Path("wards/import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Import the administrative unit list (admins)",
      description =
          "CSV in UTF-8 with the columns code, name, type (phường, xã, đặc khu), province_code,"
              + " province_name. Known codes are updated; a file with any bad line imports"
              + " nothing and the answer lists every bad line.")
  @APIResponse(responseCode = "200", description = "Imported: how many new, updated, unchanged")
  @APIResponse(responseCode = "400", description = "{error, problems: [{line, message}]}")
  public Response importWards(byte[] body) {
    access.admin();
    return importResponse(body);
  }

  Response importResponse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new Refusal(400, "Tệp trống.");
    }
    if (body.length > MAX_IMPORT_BYTES) {
      throw new Refusal(413, "Tệp lớn quá 20 MB; hãy chia nhỏ tệp.");
    }
    WardCsv.Result parsed = WardCsv.parse(body);
    if (!parsed.ok()) {
      return Response.status(400)
          .entity(new ImportProblems(importError(parsed), parsed.problems()))
          .build();
    }
    WardImport.Outcome outcome = wardImport.apply(parsed.rows());
    return Response.ok(
            new WardViews.ImportView(
                outcome.created(), outcome.updated(), outcome.unchanged(), outcome.codesGiven()))
        .build();
  }

  static String importError(WardCsv.Result parsed) {
    return "Tệp có "
        + parsed.problems().size()
        + " lỗi nên chưa nhập dòng nào. Sửa các dòng được liệt kê rồi nhập lại.";
  }

  /** A refused import: the message and every bad line. */
  public record ImportProblems(String error, List<WardCsv.Problem> problems) {}

  @POST
  @Path("admin/reconcile")
  @Operation(
      summary = "Recompute the ward counters from the records and report drift (admins)",
      description = "With fix=true, also corrects what drifted.")
  public Reconciliation.Report reconcile(@QueryParam("fix") boolean fix) {
    access.admin();
    return reconciliation.run(fix);
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
