package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SvgSafetyTest {

  private static List<SvgSafety.Problem> problems(String svg) {
    return SvgSafety.problems(svg.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefusedAt(int line, String expected, String svg) {
    List<SvgSafety.Problem> problems = problems(svg);
    assertTrue(!problems.isEmpty(), "refused: " + svg);
    assertEquals(line, problems.get(0).line(), problems.toString());
    assertTrue(problems.get(0).message().contains(expected), problems.toString());
  }

  private static final String OPEN =
      "<svg xmlns=\"http://www.w3.org/2000/svg\"\n"
          + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 100 100\">\n";

  @Test
  void everyShippedPictureIsOnlyAPicture() throws IOException {
    Path shipped = Path.of(System.getProperty("shipped.content.dir", "content"));
    try (Stream<Path> files = Files.walk(shipped)) {
      List<Path> svgs = files.filter(path -> path.toString().endsWith(".svg")).toList();
      assertTrue(svgs.size() >= 40, "shipped pictures: " + svgs.size());
      for (Path svg : svgs) {
        assertEquals(List.of(), SvgSafety.problems(Files.readAllBytes(svg)), svg.toString());
      }
    }
  }

  @Test
  void aPictureWithGradientsAndInnerLinksIsAccepted() {
    assertEquals(
        List.of(),
        problems(
            OPEN
                + "<defs><linearGradient id=\"g\"><stop offset=\"0\"/></linearGradient></defs>\n"
                + "<style>.a { fill: url(#g); }</style>\n"
                + "<rect class=\"a\" fill=\"url(#g)\" width=\"10\" height=\"10\"/>\n"
                + "<use href=\"#g\"/><use xlink:href=\"#g\"/>\n"
                + "<text font-size=\"20\">Chào &amp; mừng</text>\n</svg>"));
  }

  @Test
  void scriptsEventsAndForeignObjectsAreRefusedAtTheirLine() {
    assertRefusedAt(4, "<script>", OPEN + "<rect/>\n<script>alert(1)</script>\n</svg>");
    assertRefusedAt(4, "onload", OPEN + "<g>\n<rect onload=\"alert(1)\"/></g></svg>");
    assertRefusedAt(4, "onclick", OPEN + "<g>\n<rect onclick=\"x()\"/></g></svg>");
    assertRefusedAt(
        4, "<foreignObject>", OPEN + "<g>\n<foreignObject><p>HTML</p></foreignObject></g></svg>");
    assertRefusedAt(
        4, "hoạt ảnh", OPEN + "<a>\n<set attributeName=\"href\" to=\"javascript:x()\"/></a></svg>");
  }

  @Test
  void referencesOutsideThePictureAreRefused() {
    assertRefusedAt(
        4, "http://", OPEN + "<g/>\n<image href=\"http://example.invalid/a.png\"/></svg>");
    assertRefusedAt(4, "javascript:", OPEN + "<g/>\n<a xlink:href=\"javascript:alert(1)\"/></svg>");
    assertRefusedAt(4, "url(", OPEN + "<g/>\n<rect fill=\"url(http://x.invalid/#g)\"/></svg>");
    assertRefusedAt(
        4, "@import", OPEN + "<g/>\n<style>@import 'http://x.invalid/a.css';</style></svg>");
    assertRefusedAt(
        4, "url(", OPEN + "<g/>\n<rect style=\"fill: url('http://x.invalid/p')\"/></svg>");
  }

  /** An external entity is never read: the DOCTYPE that declares it is refused. */
  @Test
  void doctypesAndEntitiesAreRefused() {
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>";
    List<SvgSafety.Problem> problems = problems(xxe);
    assertTrue(!problems.isEmpty(), "refused");
    assertTrue(problems.stream().noneMatch(problem -> problem.message().contains("root:")));
    assertTrue(problems.get(0).message().contains("DOCTYPE"), problems.toString());
    assertTrue(problems.get(0).line() <= 2, problems.toString());
  }

  @Test
  void brokenXmlAndOtherDocumentsAreRefused() {
    assertRefusedAt(4, "XML sai", OPEN + "<g>\n<rect></g></svg>");
    assertRefusedAt(1, "<svg>", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
  }
}
