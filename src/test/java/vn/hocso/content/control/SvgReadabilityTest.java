package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smallest text of a picture, as a 360 px phone shows it. */
class SvgReadabilityTest {

  @TempDir Path temp;

  private SvgReadability.Smallest smallest(String svg, double width) throws IOException {
    Path file = temp.resolve("hinh.svg");
    Files.writeString(file, svg);
    return SvgReadability.smallestText(file, width).orElseThrow();
  }

  @Test
  void aDrawingWiderThanTheColumnShrinksItsText() throws IOException {
    // Drawn 640 wide, shown 328 wide: 20 units of font are 10.25 px on the screen.
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400">
          <text x="10" y="30" font-size="28">Tiêu đề</text>
          <text x="10" y="60"
                font-size="20">Chữ nhỏ</text>
        </svg>
        """;
    SvgReadability.Smallest found = smallest(svg, SvgReadability.LESSON_WIDTH);
    assertEquals(20 * 328 / 640.0, found.px(), 0.001);
    assertEquals(4, found.line());
  }

  @Test
  void aDrawingIsNeverShownWiderThanItsOwnWidth() throws IOException {
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" viewBox=\"0 0 320 200\">"
            + "<text font-size=\"30\">Nút</text></svg>";
    assertEquals(15, smallest(svg, SvgReadability.LESSON_WIDTH).px(), 0.001);
  }

  @Test
  void sizesAreInheritedAndReadFromStyleAndTheBrowserDefaultIsSixteen() throws IOException {
    String svg =
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 328 300">
          <g font-size="18"><text>Nhóm <tspan style="fill:red; font-size: 12px">nhỏ</tspan></text></g>
          <text>Mặc định</text>
        </svg>
        """;
    assertEquals(12, smallest(svg, SvgReadability.LESSON_WIDTH).px(), 0.001);
    String plain =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 328 300\"><text>A</text></svg>";
    assertEquals(16, smallest(plain, SvgReadability.LESSON_WIDTH).px(), 0.001);
  }

  @Test
  void aPictureOptionIsNarrowerThanALessonPicture() throws IOException {
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 240\">"
            + "<text font-size=\"18\">Cài đặt</text></svg>";
    assertTrue(smallest(svg, SvgReadability.LESSON_WIDTH).px() >= SvgReadability.MIN_TEXT_PX);
    assertTrue(smallest(svg, SvgReadability.OPTION_WIDTH).px() < SvgReadability.MIN_TEXT_PX);
  }

  @Test
  void aPictureWithoutTextHasNothingToMeasure() throws IOException {
    Path file = temp.resolve("khong-chu.svg");
    Files.writeString(file, ContentFixture.SVG);
    assertTrue(SvgReadability.smallestText(file, 328).isEmpty());
  }

  /** check-content names the picture, the line of its smallest text and its size on the phone. */
  @Test
  void checkContentWarnsAboutSmallTextAndLoadsTheModule() {
    ContentFixture content = new ContentFixture(temp);
    content.write(
        "modules/thu/10-mot/nut.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\">\n"
            + "<text font-size=\"16\">Nhỏ quá</text></svg>");
    ContentLoader.Result result = new ContentLoader().load(temp);
    assertEquals(List.of(), result.problems());
    assertTrue(result.modules().get("thu").ok());
    List<String> warnings =
        result.warnings().stream()
            .map(warning -> warning.format(temp))
            .filter(warning -> warning.contains("nut.svg"))
            .toList();
    assertEquals(
        List.of(
            "modules/thu/10-mot/nut.svg:2: chữ nhỏ nhất của hình chỉ cao 8.2 px trên điện thoại"
                + " rộng 360 px (hình hiện rộng tối đa 328 px); cần ít nhất 14 px: tăng cỡ chữ"
                + " hoặc bớt chữ trong hình"),
        warnings);
  }
}
