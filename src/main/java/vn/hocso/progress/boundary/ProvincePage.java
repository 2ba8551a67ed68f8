package vn.hocso.progress.boundary;

import static vn.hocso.web.control.FormValues.blankToNull;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.Navigation;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.VietnameseOrder;
import vn.hocso.progress.control.Reconciliation;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.control.WardProgress;
import vn.hocso.ward.control.Wards;
import vn.hocso.web.control.SignInRequired;

/** Every ward side by side, for admins: sortable by each target, filtered by province. */
@Path("tinh")
@Produces(MediaType.TEXT_HTML)
public class ProvincePage {

  @Inject WardAccess access;
  @Inject WardProgress progress;
  @Inject Reconciliation reconciliation;
  @Inject Wards wards;
  @Inject Navigation navigation;

  // ---- Admins: every ward side by side, import, reconciliation

  /** The columns the roll-up page sorts by; names in the order of the Vietnamese alphabet. */
  private static final Map<String, Comparator<WardProgress.WardRow>> SORTS =
      Map.of(
          "ten", Comparator.comparing(row -> row.ward().name(), VietnameseOrder.NAMES),
          "ma", Comparator.comparing(row -> row.ward().key()),
          "nguoi_lon",
              Comparator.comparing(row -> percentOrMinus(row.progress().adults().percent())),
          "truc_tuyen",
              Comparator.comparing(row -> percentOrMinus(row.progress().online().percent())),
          "gia_dinh_so",
              Comparator.comparing(row -> percentOrMinus(row.progress().family().percent())),
          "hoan_thanh", Comparator.comparingLong(row -> row.progress().moduleCompletions()));

  private static BigDecimal percentOrMinus(BigDecimal percent) {
    return percent == null ? BigDecimal.valueOf(-1) : percent;
  }

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response province(
      @QueryParam("sap_xep") String sort,
      @QueryParam("chieu") String direction,
      @QueryParam("tinh") String provinceCode) {
    access.admin();
    String by = sort != null && SORTS.containsKey(sort) ? sort : "ten";
    boolean descending = "giam".equals(direction);
    String province = blankToNull(provinceCode);
    List<WardProgress.WardRow> rows =
        new java.util.ArrayList<>(progress.rollup(Dates.today(), province));
    Comparator<WardProgress.WardRow> order =
        SORTS.get(by).thenComparing(row -> row.ward().name(), VietnameseOrder.NAMES);
    rows.sort(descending ? order.reversed() : order);
    Map<String, Object> model = new HashMap<>();
    model.put(
        "rows",
        rows.stream()
            .map(
                row ->
                    Map.of(
                        "ward", row.ward(),
                        "figures", PageFigures.rows(row.progress()),
                        "completions", PageFigures.number(row.progress().moduleCompletions())))
            .toList());
    model.put("sort", by);
    model.put("descending", descending);
    model.put("province", province == null ? "" : province);
    model.put(
        "provinces",
        wards.all().stream()
            .filter(w -> w.provinceCode() != null)
            .map(w -> Map.of("code", w.provinceCode(), "name", w.provinceName()))
            .distinct()
            .sorted(Comparator.comparing(p -> p.get("name"), VietnameseOrder.NAMES))
            .toList());
    model.put("date", Dates.vietnamese(Dates.today()));
    model.put("wide", true);
    return Response.ok(navigation.page("province", model)).build();
  }
}
