package vn.hocso.content.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.hocso.content.entity.ContentProblem;

/** Reads a content file as strict UTF-8 text, refusing files that are too large or not UTF-8. */
public final class SourceText {

  private SourceText() {}

  /**
   * The file's text with line endings normalized to {@code \n} and a leading byte order mark
   * removed, or empty after adding a problem.
   */
  static Optional<String> read(Path file, long maxBytes, List<ContentProblem> problems) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        problems.add(
            new ContentProblem(
                file,
                1,
                "tệp quá lớn ("
                    + megabytes(size)
                    + "); tối đa "
                    + megabytes(maxBytes)
                    + ". Hãy chia thành nhiều bài."));
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(new ContentProblem(file, 1, "không đọc được tệp (" + e.getMessage() + ")"));
      return Optional.empty();
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      problems.add(
          new ContentProblem(
              file,
              lineAt(bytes, offset),
              String.format(
                  Locale.ROOT,
                  "tệp không phải mã hóa UTF-8 (byte 0x%02X không hợp lệ). Hãy lưu lại tệp với"
                      + " mã hóa UTF-8.",
                  bytes[offset] & 0xff)));
      return Optional.empty();
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return Optional.of(text.replace("\r\n", "\n").replace('\r', '\n'));
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** A size as Vietnamese readers write it: "12,0 MB". */
  public static String megabytes(long bytes) {
    return String.format(Locale.forLanguageTag("vi"), "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
