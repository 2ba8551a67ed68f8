package vn.hocso.web.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hocso.web.control.Templates;

/**
 * Maps every error to what its reader understands: a Vietnamese page for people, {@code {"error":
 * "…"}} for API clients. Unexpected failures are logged; their details never reach the client.
 */
@Provider
public class ErrorResponses implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  @Context UriInfo uri;

  @Inject Templates templates;

  @Override
  public Response toResponse(Throwable failure) {
    int status;
    String message;
    if (failure instanceof WebApplicationException web) {
      status = web.getResponse().getStatus();
      message = failure.getMessage();
    } else {
      LOG.log(Level.SEVERE, "Unexpected failure on " + uri.getPath(), failure);
      status = 500;
      message = null;
    }
    if (status == 304) {
      return ((WebApplicationException) failure).getResponse();
    }
    String heading = heading(status);
    String text = isVietnameseMessage(message) ? message : explanation(status);
    if (uri.getPath().startsWith("api/") || uri.getPath().equals("api")) {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(Map.of("error", text))
          .build();
    }
    String html = templates.render("error", Map.of("heading", heading, "message", text));
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html)
        .build();
  }

  /** Messages written for people are Vietnamese; JAX-RS's own ("HTTP 404 Not Found") are not. */
  private static boolean isVietnameseMessage(String message) {
    return message != null && !message.startsWith("HTTP ") && !message.isBlank();
  }

  private static String heading(int status) {
    return switch (status) {
      case 404 -> "Không tìm thấy trang";
      case 400, 422 -> "Yêu cầu chưa đúng";
      case 403 -> "Bác không có quyền xem trang này";
      case 405 -> "Không làm được việc này ở đây";
      case 429 -> "Xin chờ một chút";
      default -> status >= 500 ? "Có lỗi xảy ra" : "Không làm được việc này";
    };
  }

  private static String explanation(int status) {
    return switch (status) {
      case 404 ->
          "Trang bác tìm không có, hoặc đã được đổi địa chỉ. Bác hãy về trang chủ để chọn bài học.";
      case 400, 422 -> "Thông tin gửi lên chưa đúng. Bác hãy thử lại.";
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
