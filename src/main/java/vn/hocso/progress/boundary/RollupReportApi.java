package vn.hocso.progress.boundary;

import static vn.hocso.web.control.FormValues.blankToNull;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Dates;
import vn.hocso.progress.control.ReportLog;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.control.WardProgress;
import vn.hocso.progress.control.WardReports;
import vn.hocso.web.control.Downloads;

/** Every ward's figures to download, one row per ward, as CSV or XLSX (admins). */
@Path("api/reports")
@Tag(name = "Reports", description = "Completion reports to download")
@SecurityRequirement(name = "session")
public class RollupReportApi {

  @Inject WardAccess access;
  @Inject WardReports reports;
  @Inject WardProgress progress;
  @Inject ReportLog log;

  @GET
  @Path("rollup.csv")
  @Produces(Downloads.CSV)
  @Operation(
      operationId = "rollupCsv",
      summary = "Every ward's figures, one row per ward, as CSV (admins)")
  @APIResponse(
      responseCode = "200",
      description = "The roll-up as CSV (UTF-8 with BOM)",
      content = @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING)))
  public Response rollupCsv(@QueryParam("province") String province) {
    return rollup(province, WardReports.Format.CSV);
  }

  @GET
  @Path("rollup.xlsx")
  @Produces(Downloads.XLSX)
  @Operation(
      operationId = "rollupXlsx",
      summary = "Every ward's figures, one row per ward, as XLSX (admins)")
  @APIResponse(
      responseCode = "200",
      description = "The roll-up as XLSX",
      content =
          @Content(
              mediaType = Downloads.XLSX,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response rollupXlsx(@QueryParam("province") String province) {
    return rollup(province, WardReports.Format.XLSX);
  }

  private Response rollup(String province, WardReports.Format format) {
    Account admin = access.admin();
    String provinceCode = blankToNull(province);
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
                provinceCode == null ? "all" : "province=" + Downloads.safeName(provinceCode),
                Math.max(written, 0),
                written >= 0,
                started);
          }
        };
    return Downloads.of(
        body,
        format == WardReports.Format.CSV,
        "tong-hop"
            + (provinceCode == null ? "" : "-" + Downloads.safeName(provinceCode))
            + "-"
            + today
            + "."
            + extension);
  }
}
