package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocso.content.entity.ContentProblem;

/** Whatever a lesson contains, the HTML that comes out cannot run a script. */
class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private String render(String markdown, List<ContentProblem> problems) {
    return renderer.render(
        markdown, MarkdownRenderer.Scope.standalone(Path.of("bai.md")), false, problems);
  }

  @Test
  void aLessonsSourcesAreRenderedApartToBeFolded() {
    List<ContentProblem> problems = new ArrayList<>();
    MarkdownRenderer.RenderedLesson lesson =
        renderer.renderLesson(
            "Bài học.\n\n## Làm thế này\n\n1. Bước một\n\n## Nguồn\n\n- Báo A\n- Báo B\n",
            MarkdownRenderer.Scope.standalone(Path.of("bai.md")),
            problems);
    assertEquals(List.of(), problems);
    assertTrue(lesson.html().contains("<h2>Làm thế này</h2>"), lesson.html());
    assertFalse(lesson.html().contains("Nguồn"), lesson.html());
    assertFalse(lesson.html().contains("Báo A"), lesson.html());
    assertTrue(lesson.sourcesHtml().startsWith("<ul>"), lesson.sourcesHtml());
    assertTrue(lesson.sourcesHtml().contains("<li>Báo A</li>"), lesson.sourcesHtml());
    assertTrue(lesson.sourcesHtml().contains("<li>Báo B</li>"), lesson.sourcesHtml());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "Xem <img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript&#58;alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://example.org\"></iframe>",
        "[x]: javascript:alert(1)\n\n[bấm][x]",
        "<div onclick=\"alert(1)\">x</div>",
      })
  void dangerousMarkupNeverReachesThePage(String markdown) {
    List<ContentProblem> problems = new ArrayList<>();
    String html = render(markdown, problems).toLowerCase(Locale.ROOT);
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("<iframe"), html);
    assertFalse(html.contains("<svg"), html);
    assertFalse(html.contains("<a href=\"javascript:"), html);
    assertFalse(html.contains("<a href=\"vbscript:"), html);
    assertFalse(html.contains("<a href=\"data:"), html);
    assertFalse(html.contains("<a href=\"&#"), html);
    assertFalse(html.contains("onerror="), html);
    assertFalse(html.contains("onclick="), html);
    assertFalse(problems.isEmpty(), "the check reports " + markdown);
  }

  @Test
  void ordinaryMarkdownRendersAsExpected() {
    List<ContentProblem> problems = new ArrayList<>();
    String html =
        render(
            "## Bước\n\n1. Mở **VNeID**.\n2. Bấm *Đăng nhập*.\n\n"
                + "[Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn)",
            problems);
    assertEquals(List.of(), problems);
    assertTrue(html.contains("<h2>Bước</h2>"), html);
    assertTrue(html.contains("<ol><li>Mở <strong>VNeID</strong>.</li>"), html);
    assertTrue(html.contains("<a href=\"https://dichvucong.gov.vn\">"), html);
  }

  @Test
  void sanitizeKeepsTheClassesOfCalloutsAndTables() {
    String html =
        MarkdownRenderer.sanitize(
            "<div class=\"callout callout-tip\" role=\"note\"><p class=\"callout-title\">x</p></div>"
                + "<div class=\"evil\" style=\"position:fixed\">y</div>");
    assertTrue(html.contains("class=\"callout callout-tip\""), html);
    assertFalse(html.contains("evil"), html);
    assertFalse(html.contains("style="), html);
  }
}
