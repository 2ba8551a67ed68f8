package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.control.WardProgress;
import vn.hocso.progress.control.WardTargets;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;

/** A ward's progress toward its targets, and its denominators and targets, as JSON. */
@Path("api/wards/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
@SecurityRequirement(name = "session")
public class WardProgressApi {

  @Inject WardAccess access;
  @Inject WardProgress progress;
  @Inject WardTargets targets;
  @Inject Households households;
  @Inject CurrentAccount current;
  @Inject Wards wards;

  @GET
  @Path("progress")
  @Operation(
      operationId = "progress",
      summary = "A ward's progress toward its targets",
      description = "Read from per-ward counters. For the ward's officer and admins.")
  @APIResponse(responseCode = "403", description = "Another ward (or no such code) for an officer")
  @APIResponse(responseCode = "404", description = "No ward with this code (admins)")
  @APIResponse(
      responseCode = "200",
      description = "The ward's figures on that day",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = WardViews.ProgressView.class)))
  public WardViews.ProgressView progress(
      @PathParam("code") String code, @QueryParam("date") String date) {
    Ward ward = access.forOfficer(code);
    LocalDate on = Dates.parse(date, "Ngày");
    return WardViews.ProgressView.of(ward, progress.of(ward, on == null ? Dates.today() : on));
  }

  @GET
  @Path("targets")
  @Operation(
      operationId = "targetHistory",
      summary = "A ward's denominators and targets, newest first (history kept)")
  public List<WardViews.TargetView> targetHistory(@PathParam("code") String code) {
    Ward ward = access.forOfficer(code);
    return targets.history(ward).stream().map(WardViews.TargetView::of).toList();
  }

  @POST
  @Path("targets")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setTargets",
      summary = "Set a ward's denominators and targets from a date on")
  @APIResponse(
      responseCode = "400",
      description = "A denominator of 0 or less, a target outside 0–100 %, no date")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = WardViews.TargetView.class)))
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
}
