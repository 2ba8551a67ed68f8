package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Dates;
import vn.hocso.progress.control.ReportFilter;
import vn.hocso.progress.control.ReportFilters;
import vn.hocso.progress.control.ReportLog;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.control.WardProgress;
import vn.hocso.progress.control.WardReports;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.Downloads;

/** A ward's completion report to download, as CSV or XLSX, streamed as the rows are read. */
@Path("api/wards/{code}")
@Tag(name = "Reports", description = "Completion reports to download")
@SecurityRequirement(name = "session")
public class WardReportApi {

  @Inject WardAccess access;
  @Inject CurrentAccount current;
  @Inject ReportFilters filters;
  @Inject WardReports reports;
  @Inject WardProgress progress;
  @Inject ReportLog log;

  @GET
  @Path("report.csv")
  @Produces(Downloads.CSV)
  @Operation(
      operationId = "wardCsv",
      summary = "A ward's completions as CSV (UTF-8 with BOM, for Excel)",
      description =
          "Masked name, birth year, residential group, module or program, content version,"
              + " score, date, verification code. For the ward's officer and admins.")
  @APIResponse(responseCode = "400", description = "A bad date, range, module or group")
  @APIResponse(responseCode = "403", description = "Another ward")
  @APIResponse(
      responseCode = "200",
      description = "The report as CSV (UTF-8 with BOM)",
      content = @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING)))
  public Response wardCsv(
      @PathParam("code") String code,
      @Parameter(description = "First day, e.g. 2026-01-01") @QueryParam("from") String from,
      @Parameter(description = "Last day (inclusive)") @QueryParam("to") String to,
      @Parameter(description = "A module id") @QueryParam("module") String module,
      @Parameter(description = "A program id") @QueryParam("program") String program,
      @Parameter(description = "A residential group id") @QueryParam("group") String group) {
    return ward(code, from, to, module, program, group, WardReports.Format.CSV);
  }

  @GET
  @Path("report.xlsx")
  @Produces(Downloads.XLSX)
  @Operation(
      operationId = "wardXlsx",
      summary = "A ward's report as XLSX: a summary sheet with the targets, then the details",
      description = "Same filters as the CSV. Details beyond one sheet continue on the next.")
  @APIResponse(responseCode = "400", description = "A bad date, range, module or group")
  @APIResponse(responseCode = "403", description = "Another ward")
  @APIResponse(
      responseCode = "200",
      description = "The report as XLSX",
      content =
          @Content(
              mediaType = Downloads.XLSX,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response wardXlsx(
      @PathParam("code") String code,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("module") String module,
      @QueryParam("program") String program,
      @QueryParam("group") String group) {
    return ward(code, from, to, module, program, group, WardReports.Format.XLSX);
  }

  private Response ward(
      String code,
      String from,
      String to,
      String module,
      String program,
      String group,
      WardReports.Format format) {
    Ward ward = access.forOfficer(code);
    Account who = current.required();
    ReportFilter filter = filters.parse(ward, from, to, module, program, group);
    LocalDate today = Dates.today();
    WardReports.Summary summary =
        new WardReports.Summary(
            ward,
            progress.of(ward, today),
            filter.describeVietnamese(filters.subjectTitle(filter)));
    String extension = format == WardReports.Format.CSV ? "csv" : "xlsx";
    String report = "ward." + extension;
    StreamingOutput body =
        out -> {
          Instant started = Instant.now();
          long rows = -1;
          try {
            rows = reports.ward(summary, filter, format, out);
          } finally {
            log.record(
                who.id(),
                ward.id(),
                report,
                filter.describe(),
                Math.max(rows, 0),
                rows >= 0,
                started);
          }
        };
    return Downloads.of(
        body,
        format == WardReports.Format.CSV,
        "bao-cao-" + Downloads.safeName(ward.key()) + "-" + today + "." + extension);
  }
}
