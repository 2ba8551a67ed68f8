package vn.hocso.ward.boundary;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.ward.control.Dates;
import vn.hocso.ward.control.ReportFilter;
import vn.hocso.ward.control.ReportFilters;
import vn.hocso.ward.control.ReportLog;
import vn.hocso.ward.control.WardAccess;
import vn.hocso.ward.control.WardProgress;
import vn.hocso.ward.control.WardReports;
import vn.hocso.ward.entity.Ward;

/**
 * Report files: a ward's completions (CSV, XLSX) and the roll-up of every ward. Streamed: the
 * download starts before the query ends and memory does not grow with the rows. Every download is
 * logged by {@link ReportLog}.
 */
@Path("api")
@Tag(name = "Reports", description = "Completion reports to download")
public class ReportApi {

  static final String CSV = "text/csv; charset=UTF-8";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject WardAccess access;
  @Inject CurrentAccount current;
  @Inject ReportFilters filters;
  @Inject WardReports reports;
  @Inject WardProgress progress;
  @Inject ReportLog log;

  @GET
  @Path("wards/{code}/report.csv")
  @Produces(CSV)
  @Operation(
      summary = "A ward's completions as CSV (UTF-8 with BOM, for Excel)",
      description =
          "Masked name, birth year, residential group, module or program, content version,"
              + " score, date, verification code. For the ward's officer and admins.")
  @APIResponse(responseCode = "400", description = "A bad date, range, module or group")
  @APIResponse(responseCode = "403", description = "Another ward")
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
  @Path("wards/{code}/report.xlsx")
  @Produces(XLSX)
  @Operation(
      summary = "A ward's report as XLSX: a summary sheet with the targets, then the details",
      description = "Same filters as the CSV. Details beyond one sheet continue on the next.")
  @APIResponse(responseCode = "400", description = "A bad date, range, module or group")
  @APIResponse(responseCode = "403", description = "Another ward")
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
    return download(
        body, format, "bao-cao-" + safeName(ward.key()) + "-" + today + "." + extension);
  }

  @GET
  @Path("reports/rollup.csv")
  @Produces(CSV)
  @Operation(summary = "Every ward's figures, one row per ward, as CSV (admins)")
  public Response rollupCsv(@QueryParam("province") String province) {
    return rollup(province, WardReports.Format.CSV);
  }

  @GET
  @Path("reports/rollup.xlsx")
  @Produces(XLSX)
  @Operation(summary = "Every ward's figures, one row per ward, as XLSX (admins)")
  public Response rollupXlsx(@QueryParam("province") String province) {
    return rollup(province, WardReports.Format.XLSX);
  }

  private Response rollup(String province, WardReports.Format format) {
    Account admin = access.admin();
    String provinceCode = WardApi.blankToNull(province);
    LocalDate today = Dates.today();
    List<WardProgress.WardRow> rows = progress.rollup(today, provinceCode);
    String extension = format == WardReports.Format.CSV ? "csv" : "xlsx";
    StreamingOutput body =
        out -> {
          Instant started = Instant.now();
          long written = -1;
          try {
            written = reports.rollup(rows, format, out);
          } finally {
            log.record(
                admin.id(),
                null,
                "rollup." + extension,
                provinceCode == null ? "all" : "province=" + safeName(provinceCode),
                Math.max(written, 0),
                written >= 0,
                started);
          }
        };
    return download(
        body,
        format,
        "tong-hop"
            + (provinceCode == null ? "" : "-" + safeName(provinceCode))
            + "-"
            + today
            + "."
            + extension);
  }

  private static Response download(StreamingOutput body, WardReports.Format format, String file) {
    return Response.ok(body, format == WardReports.Format.CSV ? CSV : XLSX)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  private static String safeName(String text) {
    return text.replaceAll("[^A-Za-z0-9-]", "_");
  }
}
