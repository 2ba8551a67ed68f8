package vn.hocso.ward.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.WardChoice;

/** The ward list, as the registration form offers it: open to anyone. */
@Path("api/wards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
public class WardListApi {

  @Inject Wards wards;

  @GET
  @Operation(operationId = "listWards", summary = "The wards a learner can choose from")
  @APIResponse(
      responseCode = "200",
      description = "The wards, by name",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = WardChoice.class, type = SchemaType.ARRAY)))
  @APIResponse(responseCode = "406", description = "The Accept header excludes application/json")
  public List<WardChoice> wards() {
    return wards.all().stream().map(WardChoice::of).toList();
  }
}
