package vn.hocso.web.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.hocso.platform.control.DatabaseFailures;
import vn.hocso.web.control.ErrorPages;

/**
 * The error page web.xml names for errors the servlet container raises before the app sees the
 * request (an address with ".." in it, for example): answered like the app's own errors. A plain
 * servlet: it writes the status and body the container's error dispatch expects, nothing more.
 */
@WebServlet("/loi/*")
public class ContainerErrors extends HttpServlet {

  @Inject ErrorPages pages;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer number && number >= 400 ? number : 404;
    String path = original == null ? "" : original.toString();
    pages.write(
        exception instanceof Throwable failure && DatabaseFailures.isUnavailable(failure)
            ? pages.unavailable(path)
            : pages.respond(status, null, path),
        response);
  }
}
