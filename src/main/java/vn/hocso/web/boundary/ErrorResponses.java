package vn.hocso.web.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hocso.platform.control.DatabaseFailures;
import vn.hocso.web.control.ErrorPages;

/**
 * Maps every other error to a page or a JSON body with the general Vietnamese message of its status
 * ({@link RefusalResponses} shows the app's own messages). A failure for want of the database is
 * 503 with Retry-After; other unexpected failures are logged and their details never reach the
 * client.
 */
@Provider
public class ErrorResponses implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  @Context UriInfo uri;

  @Inject ErrorPages pages;

  @Override
  public Response toResponse(Throwable failure) {
    if (failure instanceof WebApplicationException web) {
      Response response = web.getResponse();
      if (response.getStatus() < 400) {
        return response;
      }
      // JAX-RS's own messages ("HTTP 404 Not Found", "RESTEASY003210: …") are not for people.
      return pages.respond(response.getStatus(), null, uri.getPath());
    }
    if (DatabaseFailures.isUnavailable(failure)) {
      LOG.log(
          Level.WARNING,
          "The database is unavailable: {0} answered 503 ({1})",
          new Object[] {uri.getPath(), failure.toString()});
      return pages.unavailable(uri.getPath());
    }
    LOG.log(Level.SEVERE, "Unexpected failure on " + uri.getPath(), failure);
    return pages.respond(500, null, uri.getPath());
  }
}
