package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hocso.progress.control.Reconciliation;
import vn.hocso.progress.control.WardAccess;

/** The ward counters recounted from the records, drift reported and fixed on request (admins). */
@Path("api/admin/reconcile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Ward progress, targets, households, imports")
@SecurityRequirement(name = "session")
public class ReconcileApi {

  @Inject WardAccess access;
  @Inject Reconciliation reconciliation;

  @POST
  @Operation(
      operationId = "reconcile",
      summary = "Recompute the ward counters from the records and report drift (admins)",
      description = "With fix=true, also corrects what drifted.")
  public Reconciliation.Report reconcile(@QueryParam("fix") boolean fix) {
    access.admin();
    return reconciliation.run(fix);
  }
}
