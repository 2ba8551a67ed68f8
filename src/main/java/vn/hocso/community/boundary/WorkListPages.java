package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.community.control.WorkList;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.progress.control.Households;
import vn.hocso.web.control.SignInRequired;

/**
 * A trainer's work list: the households of the residential groups their team covers and those they
 * are paired with as digital ambassador, nearest to "Gia đình số" first.
 */
@Path("ho-tro")
@Produces(MediaType.TEXT_HTML)
public class WorkListPages {

  @Inject ResidentAccess residents;
  @Inject WorkList workList;
  @Inject Households households;
  @Inject Navigation navigation;

  // ---- The trainer's work list

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response home() {
    Account trainer = residents.trainer();
    Map<String, Object> model = new HashMap<>();
    model.put("trainer", trainer);
    model.put("households", workList.forTrainer(trainer.id()));
    return Response.ok(navigation.page("assist-home", model)).build();
  }
}
