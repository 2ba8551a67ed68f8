package vn.hocso.content.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.web.control.CachedBody;
import vn.hocso.web.control.HttpCaching;
import vn.hocso.web.control.PageCache;

/**
 * Serves pages {@link HomePage} and {@link ModulePages} have already rendered for the current
 * content, straight from memory, before the request reaches JAX-RS. Everything else (and a page not
 * rendered yet) goes on to JAX-RS unchanged. Lesson pages are the most requested responses of the
 * site: this keeps them as cheap as a static file. Mapped in web.xml, after the security headers.
 */
public class CachedPages extends HttpFilter {

  @Inject ContentCatalog catalog;
  @Inject PageCache cache;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = request.getMethod();
    if (("GET".equals(method) || "HEAD".equals(method)) && request.getQueryString() == null) {
      CachedBody page = cache.peek(catalog.current().generation(), request.getRequestURI());
      if (page != null) {
        HttpCaching.write(page, request, response, HttpCaching.REVALIDATE);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
