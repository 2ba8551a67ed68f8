package vn.hocso.progress.boundary;

import static vn.hocso.web.control.FormValues.id;
import static vn.hocso.web.control.FormValues.orEmpty;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.ReportFilters;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.SignInRequired;

/**
 * The ward officer's report form: a wrong filter shows the form again with the problem, a right one
 * hands over the file the report API streams.
 */
@Path("phuong/{key}/bao-cao")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

  @Inject CurrentAccount current;
  @Inject WardAccess access;
  @Inject ReportFilters reportFilters;
  @Inject Households households;
  @Inject Wards wards;
  @Inject ContentCatalog catalog;
  @Inject Navigation navigation;

  // ---- Reports to download

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response reportForm(@PathParam("key") String key) {
    Ward ward = access.forOfficer(key);
    return Response.ok(reportPage(ward, new HashMap<>())).build();
  }

  /**
   * The report form's answer: the file (from the report API, which streams it) or, when a filter is
   * wrong, the form again with what was entered and the problem.
   */
  @GET
  @SignInRequired
  @Path("tai")
  @Operation(hidden = true)
  public Response downloadReport(
      @PathParam("key") String key,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("module") String module,
      @QueryParam("group") String group,
      @QueryParam("dinh_dang") String format) {
    Ward ward = access.forOfficer(key);
    try {
      reportFilters.parse(ward, from, to, module, null, group);
      UriBuilder file =
          UriBuilder.fromPath(
              "/api/wards/{key}/report." + ("xlsx".equals(format) ? "xlsx" : "csv"));
      for (String[] parameter :
          new String[][] {{"from", from}, {"to", to}, {"module", module}, {"group", group}}) {
        if (parameter[1] != null && !parameter[1].isBlank()) {
          file.queryParam(parameter[0], parameter[1].strip());
        }
      }
      return Response.seeOther(file.build(ward.key())).build();
    } catch (Refusal refusal) {
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      model.put(
          "entered",
          Map.of(
              "from", orEmpty(from),
              "to", orEmpty(to),
              "module", orEmpty(module),
              "group", orEmpty(group),
              "format", "xlsx".equals(format) ? "xlsx" : "csv"));
      return Response.status(refusal.status()).entity(reportPage(ward, model)).build();
    }
  }

  private String reportPage(Ward ward, Map<String, Object> model) {
    model.put("ward", ward);
    model.put("modules", catalog.current().modules());
    model.put("groups", households.groups(ward));
    model.putIfAbsent(
        "entered", Map.of("from", "", "to", "", "module", "", "group", "", "format", "csv"));
    model.putIfAbsent("error", null);
    @SuppressWarnings("unchecked")
    Map<String, String> entered = (Map<String, String>) model.get("entered");
    model.put("selectedGroup", id(entered.get("group")));
    model.put("adminView", current.required().has(Role.ADMIN));
    return navigation.page("ward-report", model);
  }
}
