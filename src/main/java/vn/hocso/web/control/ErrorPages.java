package vn.hocso.web.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vn.hocso.platform.control.DatabaseFailures;

/**
 * Error answers a reader understands: a Vietnamese page for people, {@code {"error": "…"}} for
 * clients of the API under /api.
 */
@ApplicationScoped
public class ErrorPages {

  private static final jakarta.json.spi.JsonProvider JSON =
      jakarta.json.spi.JsonProvider.provider();

  /**
   * The request attribute saying the database could not be reached before the request got to its
   * page (while its session was read): {@code web.boundary.DatabaseOutage} answers it with 503.
   */
  public static final String DATABASE_UNAVAILABLE = ErrorPages.class.getName() + ".unavailable";

  @Inject Templates templates;

  /**
   * @param message a Vietnamese message for this case, or null for the general one of the status
   * @param path the request path, to tell API clients from people
   */
  public Response respond(int status, String message, String path) {
    String text = message == null || message.isBlank() ? explanation(status) : message;
    String relative = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
    Response.ResponseBuilder response = Response.status(status);
    if (status == 503) {
      // Browsers, the offline queue and load balancers know to send it again shortly.
      response.header("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS);
    }
    if (relative.equals("api") || relative.startsWith("api/")) {
      return response
          .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(Map.of("error", text))
          .build();
    }
    String html = templates.render("error", Map.of("heading", heading(status), "message", text));
    return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
  }

  /** The answer to a request that failed for want of the database: 503 with Retry-After. */
  public Response unavailable(String path) {
    return respond(503, DatabaseFailures.BUSY, path);
  }

  /** Writes a response made by {@link #respond} to a servlet response: status, headers, body. */
  public void write(Response page, HttpServletResponse response) throws IOException {
    byte[] body = body(page).getBytes(StandardCharsets.UTF_8);
    response.setStatus(page.getStatus());
    Object retryAfter = page.getHeaders().getFirst("Retry-After");
    if (retryAfter != null) {
      response.setHeader("Retry-After", retryAfter.toString());
    }
    response.setContentType(page.getMediaType().toString());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The body of a response made by {@link #respond}, as text. */
  public String body(Response response) {
    Object entity = response.getEntity();
    if (entity instanceof Map<?, ?> map) {
      return JSON.createObjectBuilder()
          .add("error", String.valueOf(map.get("error")))
          .build()
          .toString();
    }
    return String.valueOf(entity);
  }

  private static String heading(int status) {
    return switch (status) {
      case 404 -> "Không tìm thấy trang";
      case 400, 422 -> "Yêu cầu chưa đúng";
      case 403 -> "Bác không có quyền xem trang này";
      case 405 -> "Không làm được việc này ở đây";
      case 429 -> "Xin chờ một chút";
      case 503 -> "Máy chủ đang bận";
      default -> status >= 500 ? "Có lỗi xảy ra" : "Không làm được việc này";
    };
  }

  private static String explanation(int status) {
    return switch (status) {
      case 404 ->
          "Trang bác tìm không có, hoặc đã được đổi địa chỉ. Bác hãy về trang chủ để chọn bài học.";
      case 400, 422 -> "Địa chỉ hoặc thông tin gửi lên chưa đúng. Bác hãy về trang chủ và thử lại.";
      case 403 -> "Trang này dành cho người có quyền khác. Bác hãy về trang chủ.";
      case 405 -> "Địa chỉ này không dùng cho việc bác vừa làm.";
      case 429 -> "Bác đã thử nhiều lần quá. Xin chờ một lát rồi thử lại.";
      default ->
          status >= 500
              ? "Máy chủ đang gặp sự cố. Bác hãy thử lại sau ít phút."
              : "Bác hãy quay lại và thử lại.";
    };
  }
}
