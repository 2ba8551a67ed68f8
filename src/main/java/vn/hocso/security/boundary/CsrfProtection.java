package vn.hocso.security.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import vn.hocso.security.control.CsrfTokens;
import vn.hocso.web.control.ErrorPages;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that does not repeat the caller's
 * CSRF token. A page with a form gets the token through the request attribute {@link
 * CsrfTokens#REQUEST_ATTRIBUTE}: printing it issues the cookie, so pages without forms (the cached
 * lessons) set no cookie. Mapped in web.xml after the security headers.
 */
public class CsrfProtection extends HttpFilter {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Inject ErrorPages pages;

  /** The caller's token, issued (with its cookie) the first time a form needs it. */
  public static final class Token {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private String value;

    Token(HttpServletRequest request, HttpServletResponse response, String existing) {
      this.request = request;
      this.response = response;
      this.value = existing;
    }

    @Override
    public synchronized String toString() {
      if (value == null) {
        value = CsrfTokens.newToken();
        Cookie cookie = new Cookie(CsrfTokens.COOKIE, value);
        cookie.setPath("/");
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        response.addCookie(cookie);
      }
      return value;
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String cookie = cookie(request);
    if (!CsrfTokens.isWellFormed(cookie)) {
      cookie = null;
    }
    request.setAttribute(CsrfTokens.REQUEST_ATTRIBUTE, new Token(request, response, cookie));
    HttpServletRequest passed = request;
    if (!SAFE.contains(request.getMethod())) {
      String repeated = request.getHeader(CsrfTokens.HEADER);
      if (repeated == null && isForm(request)) {
        FormBody form = FormBody.read(request);
        if (form == null) {
          refuse(request, response, 413, "Biểu mẫu gửi lên quá lớn.");
          return;
        }
        repeated = form.getParameter(CsrfTokens.FIELD);
        passed = form;
      } else if (repeated == null && isMultipart(request)) {
        // A file upload form cannot repeat the token in a header and its body is the upload's:
        // the form's action carries it in the query string (?_csrf=…) instead.
        repeated = queryParameter(request, CsrfTokens.FIELD);
      }
      if (!CsrfTokens.matches(cookie, repeated)) {
        refuse(
            request,
            response,
            403,
            "Trang này đã cũ nên chưa gửi được. Bác hãy tải lại trang rồi làm lại nhé.");
        return;
      }
    }
    chain.doFilter(passed, response);
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    pages.write(pages.respond(status, message, request.getRequestURI()), response);
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase().startsWith("multipart/form-data");
  }

  private static String queryParameter(HttpServletRequest request, String name) {
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        try {
          return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return null;
        }
      }
    }
    return null;
  }

  private static String cookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (cookie.getName().equals(CsrfTokens.COOKIE)) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }
}
