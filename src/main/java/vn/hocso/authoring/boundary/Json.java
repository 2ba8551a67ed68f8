package vn.hocso.authoring.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import vn.hocso.platform.control.Refusal;

/** Reads a JSON request body of bounded size into a record, with a clear refusal when it is not. */
final class Json {

  /** A Markdown file is at most 1 MB; its JSON may escape some of it. */
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  private static final Jsonb JSONB = JsonbBuilder.create();

  private Json() {}

  /** The body as {@code type}; an empty body gives a record of nulls. */
  static <T> T read(InputStream body, Class<T> type, String shape) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new Refusal(413, "Nội dung dài quá: mỗi tệp tối đa 1 MB.");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      return JSONB.fromJson(text.isBlank() ? "{}" : text, type);
    } catch (JsonbException | IllegalArgumentException e) {
      throw new Refusal(400, "Nội dung gửi lên không phải JSON dạng " + shape + ".");
    }
  }
}
