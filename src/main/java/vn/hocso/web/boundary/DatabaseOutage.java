package vn.hocso.web.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.hocso.web.control.ErrorPages;

/**
 * Answers 503 with Retry-After a request whose session could not be read because the database is
 * away ({@link ErrorPages#DATABASE_UNAVAILABLE}): it would otherwise go on as if signed out, or be
 * refused. Mapped in web.xml after the cached pages, which need no database and are still served.
 */
public class DatabaseOutage extends HttpFilter {

  @Inject ErrorPages pages;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(ErrorPages.DATABASE_UNAVAILABLE) != null) {
      pages.write(pages.unavailable(request.getRequestURI()), response);
      return;
    }
    chain.doFilter(request, response);
  }
}
