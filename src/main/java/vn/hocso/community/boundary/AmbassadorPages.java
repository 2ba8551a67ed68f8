package vn.hocso.community.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.community.control.Teams;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.ward.entity.Ward;

/** Pairing a trainer with a household as its digital ambassador. */
@Path("phuong/{key}/ho-gia-dinh/{household}/dai-su")
@Produces(MediaType.TEXT_HTML)
public class AmbassadorPages {

  @Inject CurrentAccount current;
  @Inject Teams teams;
  @Inject Accounts accounts;
  @Inject Households households;
  @Inject WardAccess wardAccess;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response pairAmbassador(
      @PathParam("key") String key,
      @PathParam("household") long householdId,
      @FormParam("dang_nhap") String signInName) {
    Ward ward = wardAccess.forOfficer(key);
    var household =
        households
            .find(householdId)
            .filter(found -> found.wardId() == ward.id())
            .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
    Account ambassador =
        accounts
            .findBySignInName(signInName)
            .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
    teams.pair(ambassador, household, current.required());
    return Response.seeOther(
            URI.create("/phuong/" + ward.key() + "/ho-gia-dinh?to=" + household.groupId()))
        .build();
  }
}
