package vn.hocso.web.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.hocso.platform.control.Refusal;
import vn.hocso.web.control.ErrorPages;

/** A {@link Refusal}: its status and its message, as a page or as JSON. */
@Provider
public class RefusalResponses implements ExceptionMapper<Refusal> {

  @Context UriInfo uri;
  @Inject ErrorPages pages;

  @Override
  public Response toResponse(Refusal refusal) {
    return pages.respond(refusal.status(), refusal.getMessage(), uri.getPath());
  }
}
