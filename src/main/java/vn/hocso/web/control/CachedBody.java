package vn.hocso.web.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import vn.hocso.platform.control.Digests;

/**
 * A response body rendered once and served many times: its bytes, the same bytes gzipped, and a
 * strong entity tag derived from them.
 */
public record CachedBody(String contentType, byte[] identity, byte[] gzip, String hash) {

  public static CachedBody html(String html) {
    return of("text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public static CachedBody of(String contentType, byte[] bytes) {
    return new CachedBody(contentType, bytes, gzip(bytes), hash(bytes));
  }

  /** The entity tag of one encoding of the body. */
  public String etag(boolean gzipped) {
    return "\"" + hash + (gzipped ? "-gz" : "") + "\"";
  }

  public static String hash(byte[] bytes) {
    return Digests.sha256Hex(bytes).substring(0, 20);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
