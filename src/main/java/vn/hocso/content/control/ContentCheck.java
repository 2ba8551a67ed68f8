package vn.hocso.content.control;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import vn.hocso.content.entity.ContentProblem;

/**
 * The {@code check-content} command: checks a content folder exactly as the server loads it and
 * prints one {@code path:line: message} per problem.
 *
 * <p>{@code mvn -q compile exec:java@check-content [-Dcontent.dir=DIR]}
 */
public final class ContentCheck {

  private ContentCheck() {}

  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "content");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int status = check(root, Path.of("").toAbsolutePath(), out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Checks {@code root}, printing problems with paths relative to {@code shownFrom}.
   *
   * @return 0 for a clean folder, 1 when there are problems
   */
  public static int check(Path root, Path shownFrom, PrintStream out) {
    ContentLoader.Result result = new ContentLoader().load(root);
    List<ContentProblem> problems = result.problems();
    for (ContentProblem problem : problems) {
      out.println(problem.format(shownFrom));
    }
    List<ContentProblem> warnings = result.warnings();
    for (ContentProblem warning : warnings) {
      out.println(
          new ContentProblem(warning.file(), warning.line(), "cảnh báo: " + warning.message())
              .format(shownFrom));
    }
    if (!problems.isEmpty()) {
      out.println(problems.size() + " lỗi trong " + root + ".");
      return 1;
    }
    long lessons =
        result.modules().values().stream()
            .mapToLong(module -> module.module().lessons().size())
            .sum();
    out.println(
        "Nội dung hợp lệ: "
            + result.modules().size()
            + " học phần, "
            + lessons
            + " bài học, "
            + result.programs().size()
            + " chương trình, "
            + result.skills().size()
            + " kỹ năng thực hành trong "
            + root
            + (warnings.isEmpty() ? "" : "; " + warnings.size() + " cảnh báo ở trên")
            + ".");
    return 0;
  }
}
