package vn.hocso.progress.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.Navigation;
import vn.hocso.progress.control.Reconciliation;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.control.WardCsv;
import vn.hocso.ward.control.WardImport;
import vn.hocso.ward.control.Wards;
import vn.hocso.web.control.SignInRequired;

/**
 * The admins' ward list: importing the official list of wards from CSV, and reconciling the
 * counters with a recount from the records.
 */
@Path("quan-ly/phuong")
@Produces(MediaType.TEXT_HTML)
public class WardAdminPages {

  @Inject WardAccess access;
  @Inject WardImport wardImport;
  @Inject Reconciliation reconciliation;
  @Inject Wards wards;
  @Inject Navigation navigation;

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response wardAdmin() {
    access.admin();
    return Response.ok(wardAdminPage(new HashMap<>())).build();
  }

  private String wardAdminPage(Map<String, Object> model) {
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    model.putIfAbsent("problems", List.of());
    model.putIfAbsent("report", null);
    model.put("wardCount", wards.all().size());
    return navigation.page("ward-admin", model);
  }

  @POST
  @Path("nhap")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(hidden = true)
  public Response importWards(@FormParam("tep") EntityPart file) throws IOException {
    access.admin();
    Map<String, Object> model = new HashMap<>();
    byte[] bytes;
    if (file == null) {
      bytes = new byte[0];
    } else {
      try (InputStream in = file.getContent()) {
        bytes = in.readNBytes(WardCsv.MAX_BYTES + 1);
      }
    }
    if (bytes.length == 0) {
      model.put("error", "Bác hãy chọn tệp CSV danh sách phường, xã.");
      return Response.status(400).entity(wardAdminPage(model)).build();
    }
    if (bytes.length > WardCsv.MAX_BYTES) {
      model.put("error", "Tệp lớn quá 20 MB; hãy chia nhỏ tệp.");
      return Response.status(413).entity(wardAdminPage(model)).build();
    }
    WardCsv.Result parsed = WardCsv.parse(bytes);
    if (!parsed.ok()) {
      model.put("error", parsed.refusal());
      model.put("problems", parsed.problems());
      return Response.status(400).entity(wardAdminPage(model)).build();
    }
    WardImport.Outcome outcome = wardImport.apply(parsed.rows());
    model.put(
        "message",
        "Đã nhập: "
            + outcome.created()
            + " phường, xã mới; "
            + outcome.updated()
            + " cập nhật; "
            + outcome.unchanged()
            + " không đổi"
            + (outcome.codesGiven() > 0
                ? "; " + outcome.codesGiven() + " phường, xã có sẵn được gắn mã."
                : "."));
    return Response.ok(wardAdminPage(model)).build();
  }

  @POST
  @Path("doi-soat")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response reconcile(@FormParam("sua") String fix) {
    access.admin();
    Map<String, Object> model = new HashMap<>();
    model.put("report", reconciliation.run("1".equals(fix)));
    return Response.ok(wardAdminPage(model)).build();
  }
}
