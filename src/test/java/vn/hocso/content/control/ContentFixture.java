package vn.hocso.content.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small, valid content folder in a temporary directory, for tests to break one file at a time.
 */
final class ContentFixture {

  static final String MODULE_INDEX =
      """
      ---
      title: "Học phần thử"
      summary: "Một học phần nhỏ để thử."
      weight: 10
      minutes: 60
      pass_mark: 80
      criteria: [co-ban]
      ---

      Giới thiệu học phần.
      """;

  static final String LESSON_ONE =
      """
      ---
      title: "Bài một"
      weight: 10
      minutes: 10
      ---

      ## Việc cần làm

      1. Mở ứng dụng.
      2. Bấm nút **Đăng nhập**.

      ![Hình minh họa: nút Đăng nhập](nut.svg)

      > [!CAUTION]
      > Không đưa mã OTP cho ai.

      | Mức | Ở đâu |
      |---|---|
      | 1 | Tại nhà |

      Xem tiếp [bài hai](../20-hai/index.md).

      ## Nguồn

      - Báo Thử: Một bài báo (1/2025)
      """;

  static final String LESSON_TWO =
      """
      ---
      title: "Bài hai"
      weight: 20
      minutes: 12
      ---

      Nội dung bài hai.

      ## Nguồn

      - Báo Thử
      """;

  static final String PROGRAM =
      """
      ---
      title: "Cơ bản"
      summary: "Chương trình thử."
      weight: 10
      ---
      """;

  static final String QUIZ =
      """
      ---
      draw: 1
      ---

      ## Câu hỏi?

      - [x] Đúng
      - [ ] Sai

      > Giải thích.
      """;

  static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\""
          + " height=\"10\"/></svg>";

  final Path root;

  ContentFixture(Path root) {
    this.root = root;
    write("programs/co-ban.md", PROGRAM);
    write("modules/thu/_index.md", MODULE_INDEX);
    write("modules/thu/10-mot/index.md", LESSON_ONE);
    write("modules/thu/10-mot/nut.svg", SVG);
    write(
        "modules/thu/20-hai/index.md",
        LESSON_TWO.replace(
            "Nội dung bài hai.", "Nội dung bài hai.\n\n![Hình minh họa: hai](hai.svg)"));
    write("modules/thu/20-hai/hai.svg", SVG);
    write("modules/thu/quiz.md", QUIZ);
  }

  Path path(String relative) {
    return root.resolve(relative);
  }

  ContentFixture write(String relative, String text) {
    return write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  ContentFixture write(String relative, byte[] bytes) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lesson one with {@code extra} Markdown added before its Nguồn section. */
  ContentFixture lessonOneWith(String extra) {
    return write(
        "modules/thu/10-mot/index.md", LESSON_ONE.replace("## Nguồn", extra + "\n\n## Nguồn"));
  }

  void delete(String relative) {
    try {
      Files.delete(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
