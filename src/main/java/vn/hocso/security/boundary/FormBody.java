package vn.hocso.security.boundary;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form post read once, so that a filter can look at one field (the CSRF token) and JAX-RS can
 * still read the whole form, as parameters or as the body.
 */
final class FormBody extends HttpServletRequestWrapper {

  /** Forms of this site are small; a larger body is not read into memory. */
  static final int MAX_BYTES = 64 * 1024;

  private final byte[] body;
  private final Map<String, String[]> parameters;

  private FormBody(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
    Map<String, List<String>> fields = new LinkedHashMap<>();
    String query = request.getQueryString();
    parse(query == null ? "" : query, fields);
    parse(new String(body, StandardCharsets.ISO_8859_1), fields);
    Map<String, String[]> map = new LinkedHashMap<>();
    fields.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
    this.parameters = Collections.unmodifiableMap(map);
  }

  /** The request with its form body read, or null if the body is over {@link #MAX_BYTES}. */
  static FormBody read(HttpServletRequest request) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = request.getInputStream()) {
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        bytes.write(buffer, 0, read);
        if (bytes.size() > MAX_BYTES) {
          return null;
        }
      }
    }
    return new FormBody(request, bytes.toByteArray());
  }

  private static void parse(String encoded, Map<String, List<String>> into) {
    if (encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        into.computeIfAbsent(
                URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // A broken %-escape: the field is left out, as a browser never sends one.
      }
    }
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    return parameters.get(name);
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        // The whole body is in memory: it is available now, and then all read.
        try {
          listener.onDataAvailable();
          listener.onAllDataRead();
        } catch (IOException e) {
          listener.onError(e);
        }
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}
