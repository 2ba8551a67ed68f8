package vn.hocso.learner.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;

/**
 * "Tài khoản", the one link of the pages everyone shares: it sends each person where they belong.
 */
@Path("tai-khoan")
@Produces(MediaType.TEXT_HTML)
public class AccountHomePage {

  @Inject CurrentAccount current;
  @Inject Navigation navigation;

  /**
   * "Tài khoản", the one link of the pages everyone shares: a guest goes to sign in, anyone signed
   * in to the main page of their role. Never cached: it depends on who asks.
   */
  @GET
  @Operation(hidden = true)
  public Response account() {
    String next = current.get().map(navigation::home).orElse("/dang-nhap");
    return Response.seeOther(URI.create(next)).header("Cache-Control", "no-store").build();
  }
}
