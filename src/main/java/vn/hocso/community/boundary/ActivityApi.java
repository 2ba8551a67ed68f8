package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.ActivityReports;
import vn.hocso.community.control.Attestations;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.community.control.Teams;
import vn.hocso.community.control.TrainerActivity;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.ReportLog;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.Downloads;

/** What each team and trainer of a ward did, month by month, as JSON, CSV or XLSX. */
@Path("api/wards/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
@SecurityRequirement(name = "session")
public class ActivityApi {

  @Inject ResidentAccess residents;
  @Inject Attestations attestations;
  @Inject Teams teams;
  @Inject TrainerActivity activity;
  @Inject ActivityReports activityReports;
  @Inject ReportLog reportLog;
  @Inject Households households;
  @Inject WardAccess wardAccess;
  @Inject Wards wards;
  @Inject CurrentAccount current;

  // ---- Activity of teams and trainers (ward officer)

  @GET
  @Path("activity")
  @Operation(
      operationId = "activityOf",
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
  @Path("activity.csv")
  @Produces(Downloads.CSV)
  @Operation(operationId = "activityCsv", summary = "The activity as CSV (UTF-8 with BOM)")
  @APIResponse(
      responseCode = "200",
      description = "The activity as CSV (UTF-8 with BOM)",
      content = @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING)))
  public Response activityCsv(
      @PathParam("code") String code,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return activityFile(code, from, to, false);
  }

  @GET
  @Path("activity.xlsx")
  @Produces(Downloads.XLSX)
  @Operation(operationId = "activityXlsx", summary = "The activity as XLSX")
  @APIResponse(
      responseCode = "200",
      description = "The activity as XLSX",
      content =
          @Content(
              mediaType = Downloads.XLSX,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
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
    return Downloads.of(
        body, !xlsx, "hoat-dong-" + Downloads.safeName(ward.key()) + (xlsx ? ".xlsx" : ".csv"));
  }
}
