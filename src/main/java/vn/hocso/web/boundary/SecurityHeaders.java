package vn.hocso.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.hocso.web.control.ContentSecurityPolicy;

/**
 * Headers every response of the app carries (mapped in web.xml, first of the filters). The policy
 * allows only the site's own styles, scripts and images, so even HTML that slipped past the
 * sanitizer could not run a script.
 */
public class SecurityHeaders extends HttpFilter {

  static final String CONTENT_SECURITY_POLICY = ContentSecurityPolicy.POLICY;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    // Every page and message of the site is Vietnamese.
    response.setHeader("Content-Language", "vi");
    chain.doFilter(request, response);
  }
}
