package vn.hocso.progress.boundary;

import static vn.hocso.web.control.FormValues.blankToNull;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.platform.control.Dates;
import vn.hocso.progress.control.Progress;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.control.WardProgress;

/** Every ward's figures side by side, for admins, as JSON. */
@Path("api/reports/rollup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
@SecurityRequirement(name = "session")
public class RollupApi {

  @Inject WardAccess access;
  @Inject WardProgress progress;

  @GET
  @Operation(
      operationId = "rollup",
      summary = "Every ward side by side (admins); optionally one province")
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
}
