package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.community.control.TrainerActivity;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Role;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.SignInRequired;

/** What each team and trainer of a ward did, month by month. */
@Path("phuong/{key}/hoat-dong")
@Produces(MediaType.TEXT_HTML)
public class ActivityPages {

  @Inject CurrentAccount current;
  @Inject TrainerActivity activity;
  @Inject WardAccess wardAccess;
  @Inject Navigation navigation;

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response activityPage(@PathParam("key") String key) {
    Ward ward = wardAccess.forOfficer(key);
    Map<String, Object> model = new HashMap<>();
    List<TrainerActivity.Row> rows = activity.of(ward, null, null);
    model.put("ward", ward);
    model.put("teamRows", rows.stream().filter(r -> r.kind().equals("team")).toList());
    model.put("trainerRows", rows.stream().filter(r -> r.kind().equals("trainer")).toList());
    model.put("adminView", current.required().has(Role.ADMIN));
    model.put("wide", true);
    return Response.ok(navigation.page("ward-activity", model)).build();
  }
}
