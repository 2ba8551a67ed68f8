package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Dates;
import vn.hocso.progress.control.Progress;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.control.WardProgress;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.SignInRequired;

/**
 * A ward's dashboard for its officer (and admins): the targets as numerator, denominator,
 * percentage and target; completions per month and module; residential groups behind. And the same
 * figures as a summary to print, sign and stamp.
 */
@Path("phuong/{key}")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

  @Inject CurrentAccount current;
  @Inject WardAccess access;
  @Inject WardProgress progress;
  @Inject ContentCatalog catalog;
  @Inject Navigation navigation;

  // ---- Dashboard and printable summary

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response dashboard(@PathParam("key") String key) {
    Ward ward = access.forOfficer(key);
    return Response.ok(navigation.page("ward-dashboard", wardModel(ward))).build();
  }

  @GET
  @SignInRequired
  @Path("in")
  @Operation(hidden = true)
  public Response printable(@PathParam("key") String key) {
    Ward ward = access.forOfficer(key);
    return Response.ok(navigation.page("ward-print", wardModel(ward))).build();
  }

  private Map<String, Object> wardModel(Ward ward) {
    Progress figures = progress.of(ward, Dates.today());
    Map<String, Object> model = new HashMap<>();
    model.put("ward", ward);
    model.put("date", Dates.vietnamese(figures.date()));
    model.put("figures", PageFigures.rows(figures));
    model.put("bars", PageFigures.bars(figures.months()));
    model.put("monthTotal", figures.months().stream().mapToLong(Progress.Count::count).sum());
    model.put("modules", figures.modules());
    model.put("programs", figures.programs());
    model.put("moduleCompletions", PageFigures.number(figures.moduleCompletions()));
    model.put("assistedCompletions", PageFigures.number(figures.assistedCompletions()));
    model.put("groups", PageFigures.groups(figures.groups()));
    model.put(
        "behind",
        PageFigures.groups(
            figures.groups().stream().filter(Progress.GroupFigures::behind).toList()));
    model.put("hasTarget", figures.adults().denominator() != null);
    model.put("catalogModules", catalog.current().modules());
    model.put("catalogPrograms", catalog.current().programs());
    model.put("isAdmin", current.required().has(Role.ADMIN));
    model.put("adminView", current.required().has(Role.ADMIN));
    model.put("wide", true);
    return model;
  }
}
