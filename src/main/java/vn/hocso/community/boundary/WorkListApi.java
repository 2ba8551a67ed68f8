package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.community.control.WorkList;
import vn.hocso.progress.control.Households;

/** The signed-in trainer's work list, as JSON. */
@Path("api/me/work-list")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Community", description = "Teams, assisted enrollment, practical-skill attestations")
@SecurityRequirement(name = "session")
public class WorkListApi {

  @Inject ResidentAccess residents;
  @Inject WorkList workList;
  @Inject Households households;

  @GET
  @Operation(
      operationId = "myWorkList",
      summary = "The signed-in trainer's households, what each member and household lacks")
  public List<WorkList.HouseholdStatus> myWorkList() {
    return workList.forTrainer(residents.trainer().id());
  }
}
