package vn.hocso.web.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;

/**
 * Answers a GET with a {@link CachedBody}: gzip when the client accepts it, 304 when the client
 * already holds the same bytes.
 */
public final class HttpCaching {

  /** Pages: the browser may keep them but asks each time whether they changed (a tiny 304). */
  public static final String REVALIDATE = "public, no-cache";

  /** Files whose address changes with their content. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private HttpCaching() {}

  /** The same answer as {@link #respond}, written straight to a servlet response. */
  public static void write(
      CachedBody body,
      HttpServletRequest request,
      HttpServletResponse response,
      String cacheControl)
      throws IOException {
    boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    response.setHeader(HttpHeaders.ETAG, body.etag(gzip));
    response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
    response.setHeader(HttpHeaders.VARY, "Accept-Encoding");
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && matches(ifNoneMatch, body)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    byte[] bytes = gzip ? body.gzip() : body.identity();
    if (gzip) {
      response.setHeader("Content-Encoding", "gzip");
    }
    response.setContentType(body.contentType());
    response.setContentLength(bytes.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(bytes);
    }
  }

  public static Response respond(CachedBody body, HttpHeaders headers, String cacheControl) {
    boolean gzip = acceptsGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
    String etag = body.etag(gzip);
    String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    Response.ResponseBuilder response;
    if (ifNoneMatch != null && matches(ifNoneMatch, body)) {
      response = Response.notModified();
    } else {
      response = Response.ok(gzip ? body.gzip() : body.identity(), body.contentType());
      if (gzip) {
        response.header("Content-Encoding", "gzip");
      }
    }
    return response
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .header(HttpHeaders.VARY, "Accept-Encoding")
        .build();
  }

  /** Whether an If-None-Match header names either encoding of the body. */
  public static boolean matches(String ifNoneMatch, CachedBody body) {
    if (ifNoneMatch.strip().equals("*")) {
      return true;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String candidate = tag.strip();
      if (candidate.startsWith("W/")) {
        candidate = candidate.substring(2);
      }
      if (candidate.equals(body.etag(true)) || candidate.equals(body.etag(false))) {
        return true;
      }
    }
    return false;
  }

  public static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.strip().split(";");
      String coding = pieces[0].strip();
      if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
        boolean refused = false;
        for (int i = 1; i < pieces.length; i++) {
          String parameter = pieces[i].strip();
          if (parameter.startsWith("q=")) {
            try {
              refused = Double.parseDouble(parameter.substring(2)) == 0.0;
            } catch (NumberFormatException e) {
              refused = true;
            }
          }
        }
        if (!refused) {
          return true;
        }
      }
    }
    return false;
  }
}
