package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocso.content.entity.ContentProblem;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;

class ContentLoaderTest {

  @TempDir Path temp;
  ContentFixture content;
  final ContentLoader loader = new ContentLoader();

  @BeforeEach
  void validFolder() {
    content = new ContentFixture(temp);
  }

  /** The problems of a load, as the check prints them (paths relative to the content root). */
  private List<String> problems() {
    return loader.load(temp).problems().stream().map(problem -> problem.format(temp)).toList();
  }

  private void assertOnlyProblem(String expected) {
    assertEquals(List.of(expected), problems());
  }

  @Test
  void aValidFolderLoadsWithoutProblems() {
    ContentLoader.Result result = loader.load(temp);
    assertEquals(List.of(), result.problems());
    Module module = result.modules().get("thu").module();
    assertEquals("Học phần thử", module.title());
    assertEquals(80, module.passMark());
    assertEquals(List.of("co-ban"), module.criteria());
    assertEquals(List.of("mot", "hai"), module.lessons().stream().map(Lesson::id).toList());
    assertEquals(22, module.lessonMinutes());
    assertTrue(module.quizSource().contains("## Câu hỏi?"));
    assertEquals(List.of("thu"), result.programs().get("co-ban").program().moduleIds());
    assertEquals(12, module.version().length());
  }

  /** Modules loaded side by side give what one after the other gives, page for page. */
  @Test
  void modulesLoadedSideBySideAreTheSameAsOneAfterTheOther() throws Exception {
    Path shipped = Path.of(System.getProperty("shipped.content.dir", "content"));
    ContentLoader.Result alone = new ContentLoader().load(shipped);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      ContentLoader.Result together = new ContentLoader().load(shipped, Map.of(), pool);
      assertEquals(alone.modules().keySet(), together.modules().keySet());
      assertEquals(alone.problems(), together.problems());
      assertEquals(alone.warnings(), together.warnings());
      alone
          .modules()
          .forEach(
              (id, result) -> {
                Module one = result.module();
                Module other = together.modules().get(id).module();
                assertEquals(one.version(), other.version(), id);
                assertEquals(one.lessons(), other.lessons(), id);
                assertEquals(one.introHtml(), other.introHtml(), id);
                assertEquals(one.quiz(), other.quiz(), id);
              });
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The preview's one-lesson load gives the page and the problems the whole module's load gives.
   */
  @Test
  void oneLessonLoadsAsItsWholeModuleWould() throws Exception {
    Path shipped = Path.of(System.getProperty("shipped.content.dir", "content"));
    ContentLoader.Result all = new ContentLoader().load(shipped);
    for (ContentLoader.ModuleResult result : all.modules().values()) {
      Module module = result.module();
      for (Lesson lesson : module.lessons()) {
        List<ContentProblem> found = new java.util.ArrayList<>();
        Lesson alone =
            new ContentLoader()
                .loadOneLesson(
                    shipped.resolve("modules").resolve(module.id()),
                    module,
                    lesson.folder(),
                    found,
                    new java.util.ArrayList<>());
        assertEquals(List.of(), found, module.id() + "/" + lesson.folder());
        assertEquals(lesson, alone, module.id() + "/" + lesson.folder());
      }
    }

    // A weight another lesson has: the module would not load, and neither does the lesson alone.
    Module vneid = all.modules().get("vneid").module();
    Lesson first = vneid.lessons().get(0);
    Lesson second = vneid.lessons().get(1);
    Path copy = temp.resolve("vneid");
    try (var files = java.nio.file.Files.walk(shipped.resolve("modules/vneid"))) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(shipped.resolve("modules/vneid").relativize(file).toString());
        if (java.nio.file.Files.isDirectory(file)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(file, target);
        }
      }
    }
    Path secondFile = copy.resolve(second.folder()).resolve("index.md");
    String text = java.nio.file.Files.readString(secondFile);
    java.nio.file.Files.writeString(
        secondFile, text.replaceFirst("(?m)^weight: .*$", "weight: " + first.weight()));
    List<ContentProblem> found = new java.util.ArrayList<>();
    assertNull(
        new ContentLoader()
            .loadOneLesson(copy, vneid, second.folder(), found, new java.util.ArrayList<>()));
    String problems = found.toString();
    assertTrue(problems.contains("`weight: " + first.weight() + "` trùng"), problems);
  }

  @Test
  void theShippedContentHasNoProblemsAndEnoughOfEverything() {
    Path shipped = Path.of(System.getProperty("shipped.content.dir", "content"));
    ContentLoader.Result result = loader.load(shipped);
    assertEquals(List.of(), result.problems().stream().map(p -> p.format(shipped)).toList());
    assertTrue(result.modules().size() >= 6, "at least six modules");
    for (ContentLoader.ModuleResult each : result.modules().values()) {
      Module module = each.module();
      assertTrue(module.lessons().size() >= 3, module.id() + " has at least three lessons");
      module.lessons().forEach(lesson -> assertTrue(lesson.minutes() <= 15, lesson.id()));
      long questions = module.quizSource().lines().filter(line -> line.startsWith("## ")).count();
      assertTrue(questions >= 8, module.id() + " quiz has at least 8 questions");
    }
    for (String id :
        List.of(
            "vneid",
            "dich-vu-cong",
            "thue-dien-tu",
            "chu-ky-so",
            "an-toan-tren-mang",
            "tro-ly-ai")) {
      assertTrue(result.modules().containsKey(id), id);
    }
  }

  @Test
  void lessonHtmlIsRenderedSafelyWithCalloutsTablesImagesAndLessonLinks() {
    Module module = loader.load(temp).modules().get("thu").module();
    String html = module.lesson("mot").orElseThrow().html();
    assertTrue(html.contains("<div class=\"callout callout-caution\" role=\"note\">"), html);
    assertTrue(html.contains("<strong>Cảnh báo lừa đảo</strong>"), html);
    assertFalse(html.contains("[!CAUTION]"), html);
    assertTrue(html.contains("<div class=\"table-wrap\""), html);
    assertTrue(
        html.contains("src=\"/noi-dung/thu/" + module.version() + "/10-mot/nut.svg\""), html);
    assertTrue(html.contains("href=\"/hoc-phan/thu/hai\""), html);
    assertTrue(module.media().containsKey("10-mot/nut.svg"));
  }

  @Test
  void theVersionChangesWithAnyFileAndNotOtherwise() {
    String before = loader.load(temp).modules().get("thu").version();
    assertEquals(before, loader.load(temp).modules().get("thu").version());
    content.write("modules/thu/10-mot/nut.svg", ContentFixture.SVG.replace("10", "12"));
    assertNotEquals(before, loader.load(temp).modules().get("thu").version());
  }

  /** A module kept for its version is taken as kept, with its pictures read from the folder. */
  @Test
  void aKeptModuleOfTheSameVersionIsTakenInsteadOfRendering() {
    Module rendered = loader.load(temp).modules().get("thu").module();
    Module kept =
        new Module(
                rendered.id(),
                "Tên đã giữ",
                rendered.summary(),
                rendered.weight(),
                rendered.minutes(),
                rendered.passMark(),
                rendered.criteria(),
                rendered.introHtml(),
                rendered.version(),
                rendered.lessons(),
                rendered.quizSource(),
                rendered.quiz(),
                rendered.media())
            .withMedia(Map.of());
    List<String> asked = new java.util.ArrayList<>();
    ContentLoader.Rendered store =
        new ContentLoader.Rendered() {
          @Override
          public java.util.Optional<Module> module(String id, String version) {
            asked.add(id + "@" + version);
            return java.util.Optional.of(kept).filter(module -> module.version().equals(version));
          }

          @Override
          public boolean has(String id, String version) {
            return kept.version().equals(version);
          }
        };

    Module taken =
        new ContentLoader()
            .load(temp, Map.of(), null, java.util.Set.of(), store)
            .modules()
            .get("thu")
            .module();
    assertEquals("Tên đã giữ", taken.title());
    assertEquals(rendered.media().keySet(), taken.media().keySet());
    assertTrue(taken.media().keySet().stream().anyMatch(path -> path.endsWith(".svg")));
    assertEquals(List.of("thu@" + rendered.version()), asked);

    // Any file changed: the kept version no longer matches, and the module renders.
    content.write("modules/thu/10-mot/nut.svg", ContentFixture.SVG.replace("10", "12"));
    Module again =
        new ContentLoader()
            .load(temp, Map.of(), null, java.util.Set.of(), store)
            .modules()
            .get("thu")
            .module();
    assertEquals("Học phần thử", again.title());
    assertNotEquals(rendered.version(), again.version());
  }

  @Test
  void anUnchangedModuleIsReusedOnReload() {
    Module first = loader.load(temp).modules().get("thu").module();
    Module second = loader.load(temp, Map.of("thu", first)).modules().get("thu").module();
    assertSame(first, second);
  }

  @Test
  void malformedYamlIsReportedAtItsLine() {
    content.write(
        "modules/thu/20-hai/index.md",
        ContentFixture.LESSON_TWO.replace("title: \"Bài hai\"", "title: \"Bài\": hai"));
    assertOnlyProblem(
        "modules/thu/20-hai/index.md:2: YAML sai cú pháp ở phần đầu tệp: mapping values are not"
            + " allowed here");
  }

  @Test
  void missingFrontMatter() {
    content.write("modules/thu/20-hai/index.md", "Chỉ có nội dung.\n\n## Nguồn\n\n- Báo\n");
    assertOnlyProblem(
        "modules/thu/20-hai/index.md:1: thiếu phần đầu tệp (front matter): tệp phải bắt đầu bằng"
            + " một dòng ---");
  }

  @Test
  void unknownAndMissingKeys() {
    content.write(
        "modules/thu/20-hai/index.md",
        ContentFixture.LESSON_TWO.replace("minutes: 12", "minute: 12"));
    assertEquals(
        List.of(
            "modules/thu/20-hai/index.md:4: khóa lạ `minute`; các khóa dùng được: minutes,"
                + " summary, title, weight",
            "modules/thu/20-hai/index.md:1: thiếu khóa bắt buộc `minutes`"),
        problems());
  }

  @Test
  void valuesOfTheWrongTypeOrOutOfRange() {
    content.write(
        "modules/thu/20-hai/index.md",
        ContentFixture.LESSON_TWO
            .replace("weight: 20", "weight: hai mươi")
            .replace("minutes: 12", "minutes: 40"));
    assertEquals(
        List.of(
            "modules/thu/20-hai/index.md:3: `weight` phải là một số nguyên, không phải `hai mươi`",
            "modules/thu/20-hai/index.md:4: `minutes` phải từ 1 đến 15, không phải 40"),
        problems());
  }

  @Test
  void duplicateLessonWeight() {
    content.write(
        "modules/thu/20-hai/index.md",
        ContentFixture.LESSON_TWO.replace("weight: 20", "weight: 10"));
    assertOnlyProblem("modules/thu/20-hai/index.md:3: `weight: 10` trùng với bài `10-mot`");
  }

  @Test
  void duplicateLessonId() {
    content.write("modules/thu/30-mot/index.md", ContentFixture.LESSON_TWO.replace("20", "30"));
    assertOnlyProblem("modules/thu/30-mot/index.md:1: trùng mã bài học `mot` với 10-mot/index.md");
  }

  @Test
  void duplicateModuleWeight() {
    content.write("modules/thu-hai/_index.md", ContentFixture.MODULE_INDEX);
    content.write("modules/thu-hai/10-mot/index.md", ContentFixture.LESSON_TWO);
    content.write("modules/thu-hai/quiz.md", ContentFixture.QUIZ);
    assertOnlyProblem("modules/thu-hai/_index.md:4: `weight: 10` trùng với học phần `thu`");
  }

  @Test
  void emptyLesson() {
    content.write("modules/thu/20-hai/index.md", "---\ntitle: x\nweight: 20\nminutes: 5\n---\n\n");
    assertOnlyProblem("modules/thu/20-hai/index.md:1: bài học không có nội dung");
  }

  @Test
  void lessonWithoutSources() {
    content.write(
        "modules/thu/20-hai/index.md", ContentFixture.LESSON_TWO.replace("## Nguồn", "## Thêm"));
    assertOnlyProblem(
        "modules/thu/20-hai/index.md:11: thiếu mục `## Nguồn` ở cuối bài: hãy ghi tên các nguồn"
            + " bài dựa vào");
  }

  @Test
  void levelOneHeading() {
    content.lessonOneWith("# Tiêu đề lớn");
    assertOnlyProblem(
        "modules/thu/10-mot/index.md:23: không dùng tiêu đề `#` trong bài; tên bài lấy từ khóa"
            + " `title`, hãy dùng `##`");
  }

  @Test
  void scriptTag() {
    content.lessonOneWith("<script>alert(1)</script>");
    assertOnlyProblem(
        "modules/thu/10-mot/index.md:23: không được dùng HTML trong bài"
            + " (`<script>alert(1)</script>`)");
  }

  @Test
  void imageWithOnerror() {
    content.lessonOneWith("Xem <img src=x onerror=alert(1)> nhé");
    assertOnlyProblem(
        "modules/thu/10-mot/index.md:23: không được dùng HTML trong bài (`<img src=x"
            + " onerror=alert(1)>`)");
  }

  @Test
  void javascriptLink() {
    content.lessonOneWith("[bấm](javascript:alert(1))");
    assertOnlyProblem(
        "modules/thu/10-mot/index.md:23: liên kết không an toàn `javascript:alert(1)`: chỉ dùng"
            + " http, https, mailto hoặc tel");
  }

  @Test
  void entityEncodedJavascriptLink() {
    content.lessonOneWith("[bấm](&#106;avascript:alert(1))");
    assertOnlyProblem(
        "modules/thu/10-mot/index.md:23: liên kết không an toàn `&#106;avascript:alert(1)`: chỉ"
            + " dùng http, https, mailto hoặc tel");
  }

  @Test
  void percentEncodedAndMixedCaseSchemes() {
    content.lessonOneWith("[a](JaVaScRiPt:alert(1)) [b](java%0ascript:alert(1))");
    assertEquals(2, problems().size(), problems().toString());
  }

  @Test
  void dataAndVbscriptLinks() {
    content.lessonOneWith("[a](data:text/html;base64,PHNjcmlwdD4=) [b](vbscript:msgbox)");
    assertEquals(
        List.of(
            "modules/thu/10-mot/index.md:23: liên kết không an toàn"
                + " `data:text/html;base64,PHNjcmlwdD4=`: chỉ dùng http, https, mailto hoặc tel",
            "modules/thu/10-mot/index.md:23: liên kết không an toàn `vbscript:msgbox`: chỉ dùng"
                + " http, https, mailto hoặc tel"),
        problems());
  }

  @Test
  void imagePathEscapingTheModuleFolder() {
    content.lessonOneWith("![Mật khẩu](../../../etc/passwd)");
    assertOnlyProblem(
        "modules/thu/10-mot/index.md:23: đường dẫn hình `../../../etc/passwd` ra khỏi thư mục học"
            + " phần");
  }

  @Test
  void missingImageAndImageWithoutAltText() {
    content.lessonOneWith("![](nut.svg)\n\n![Một hình](khong-co.png)");
    assertEquals(
        List.of(
            "modules/thu/10-mot/index.md:23: hình `nut.svg` thiếu lời mô tả: viết ![mô tả"
                + " hình](tệp) để người khiếm thị và người mạng chậm biết hình nói gì",
            "modules/thu/10-mot/index.md:25: không tìm thấy hình `khong-co.png`"),
        problems());
  }

  @Test
  void remoteImage() {
    content.lessonOneWith("![Ảnh](https://example.org/a.png)");
    assertOnlyProblem(
        "modules/thu/10-mot/index.md:23: hình `https://example.org/a.png` ở trên mạng: hãy tải"
            + " hình về, đặt cạnh bài học");
  }

  @Test
  void unknownCallout() {
    content.lessonOneWith("> [!DANGER]\n> Nguy hiểm.");
    assertOnlyProblem(
        "modules/thu/10-mot/index.md:23: nhãn hộp lưu ý lạ `[!DANGER]`; dùng [!CAUTION],"
            + " [!WARNING], [!IMPORTANT], [!TIP] hoặc [!NOTE]");
  }

  @Test
  void nonUtf8File() {
    byte[] latin1 = "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);
    content.write("modules/thu/20-hai/index.md", latin1);
    assertOnlyProblem(
        "modules/thu/20-hai/index.md:2: tệp không phải mã hóa UTF-8 (byte 0xE9 không hợp lệ). Hãy"
            + " lưu lại tệp với mã hóa UTF-8.");
  }

  @Test
  void fiveMegabyteLesson() {
    String big = ContentFixture.LESSON_TWO + "a".repeat(5 * 1024 * 1024);
    content.write("modules/thu/20-hai/index.md", big);
    assertOnlyProblem(
        "modules/thu/20-hai/index.md:1: tệp quá lớn (5,0 MB); tối đa 1,0 MB. Hãy chia thành nhiều"
            + " bài.");
  }

  @Test
  void missingQuiz() {
    content.delete("modules/thu/quiz.md");
    assertOnlyProblem("modules/thu/quiz.md:1: thiếu tệp `quiz.md` (bài kiểm tra của học phần)");
  }

  @Test
  void criteriaNamingAnUnknownProgram() {
    content.write(
        "modules/thu/_index.md",
        ContentFixture.MODULE_INDEX.replace("[co-ban]", "[co-ban, khong-co]"));
    assertOnlyProblem(
        "modules/thu/_index.md:7: `criteria` nhắc tới chương trình `khong-co` không có trong thư"
            + " mục programs/");
  }

  @Test
  void moduleMinutesBelowItsLessons() {
    content.write(
        "modules/thu/_index.md", ContentFixture.MODULE_INDEX.replace("minutes: 60", "minutes: 20"));
    assertOnlyProblem(
        "modules/thu/_index.md:5: `minutes: 20` nhỏ hơn tổng thời gian các bài học (22 phút)");
  }

  @Test
  void invalidFolderName() {
    content.write("modules/Thu Moi/_index.md", ContentFixture.MODULE_INDEX);
    assertOnlyProblem(
        "modules/Thu Moi/_index.md:1: tên `Thu Moi` không dùng làm mã được: chỉ dùng chữ thường"
            + " không dấu, số và dấu gạch ngang (tối đa 64 ký tự), ví dụ an-toan-tren-mang");
  }

  @Test
  void aBrokenModuleYieldsNoModuleButOthersStillLoad() {
    content.write("modules/khac/_index.md", ContentFixture.MODULE_INDEX.replace("10", "20"));
    content.write("modules/khac/10-mot/index.md", ContentFixture.LESSON_TWO);
    content.write("modules/khac/quiz.md", ContentFixture.QUIZ);
    content.lessonOneWith("<script>x</script>");
    ContentLoader.Result result = loader.load(temp);
    assertNull(result.modules().get("thu").module());
    assertNotNull(result.modules().get("khac").module());
  }

  @Test
  void theCheckCommandPrintsProblemsAndFails() {
    content.lessonOneWith("<script>x</script>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = ContentCheck.check(temp, temp, new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(1, status);
    assertTrue(
        printed.startsWith(
            "modules/thu/10-mot/index.md:23: không được dùng HTML trong bài (`<script>x</script>`)"),
        printed);
  }

  static final String SKILL =
      """
      ---
      title: "Đã nộp hồ sơ"
      summary: "Thử."
      weight: 10
      reference: "Mã hồ sơ"
      ---

      Hướng dẫn cho người xác nhận.

      ## Danh sách kiểm tra

      - [ ] Tự đăng nhập
      - [ ] Thấy mã hồ sơ

      ## Nguồn

      - Nguồn thử
      """;

  @Test
  void aPracticalSkillHasItsChecklistAndAProgramMayRequireIt() {
    content.write("skills/ho-so.md", SKILL);
    content.write(
        "programs/co-ban.md",
        ContentFixture.PROGRAM.replace("weight: 10", "weight: 10\nskills: [ho-so]"));
    ContentLoader.Result result = loader.load(temp);
    assertEquals(List.of(), result.problems());
    var skill = result.skills().get("ho-so").skill();
    assertEquals(List.of("Tự đăng nhập", "Thấy mã hồ sơ"), skill.checklist());
    assertEquals("Mã hồ sơ", skill.referenceLabel());
    assertFalse(skill.withdrawn());
    assertFalse(skill.html().contains("Tự đăng nhập"), "the checklist is not in the guidance");
    assertTrue(skill.html().contains("Hướng dẫn cho người xác nhận"));
    assertEquals(List.of("ho-so"), result.programs().get("co-ban").program().skillIds());
  }

  @Test
  void aSkillWithoutAChecklistOrWithATickedItemIsReported() {
    content.write("skills/thieu.md", SKILL.replace("## Danh sách kiểm tra", "## Khác"));
    content.write("skills/da-tick.md", SKILL.replace("- [ ] Thấy mã hồ sơ", "- [x] Thấy mã hồ sơ"));
    content.write("skills/rut.md", SKILL.replace("weight: 10", "weight: 10\nwithdrawn: maybe"));
    List<String> problems = problems();
    assertTrue(
        problems.contains(
            "skills/thieu.md:1: thiếu mục \"## Danh sách kiểm tra\" với các dòng \"- [ ] …\""),
        problems.toString());
    assertTrue(
        problems.contains(
            "skills/da-tick.md:13: trong \"Danh sách kiểm tra\" mỗi dòng là một mục \"- [ ] …\" chưa đánh dấu"),
        problems.toString());
    assertTrue(
        problems.contains(
            "skills/rut.md:5: `withdrawn` phải là true hoặc false, không phải `maybe`"),
        problems.toString());
  }

  @Test
  void aProgramNamingAnUnknownSkillIsReported() {
    content.write(
        "programs/co-ban.md",
        ContentFixture.PROGRAM.replace("weight: 10", "weight: 10\nskills: [khong-co]"));
    assertOnlyProblem(
        "programs/co-ban.md:5: `skills` nhắc đến kỹ năng `khong-co` nhưng không có tệp skills/khong-co.md");
  }

  @Test
  void theCheckCommandSummarizesACleanFolder() {
    content.write(
        "modules/thu/quiz.md",
        ContentFixture.QUIZ
            .replace("## Câu hỏi?\n", "## Câu hỏi?\n\nBài học: mot\n")
            .replace("- [ ] Sai", "- [ ] Sai rồi"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = ContentCheck.check(temp, temp, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(0, status);
    assertEquals(
        "Nội dung hợp lệ: 1 học phần, 2 bài học, 1 chương trình, 0 kỹ năng thực hành trong "
            + temp
            + ".\n",
        out.toString(StandardCharsets.UTF_8));
  }

  /** A lesson without a picture, and a third callout, are warnings with their lines. */
  @Test
  void aLessonWithoutPictureOrWithManyCalloutsIsAWarning() {
    content.write(
        "modules/thu/10-mot/index.md",
        ContentFixture.LESSON_ONE
            .replace("![Hình minh họa: nút Đăng nhập](nut.svg)", "Không có hình.")
            .replace("Xem tiếp", "> [!TIP]\n> Mẹo một.\n\n> [!NOTE]\n> Ghi nhớ hai.\n\nXem tiếp"));
    ContentLoader.Result result = loader.load(temp);
    assertEquals(List.of(), result.problems());
    assertEquals(
        List.of(
            "modules/thu/10-mot/index.md:1: bài học chưa có hình nào; mỗi bài nên có ít nhất một"
                + " hình cho người đọc thấy màn hình trông thế nào",
            "modules/thu/10-mot/index.md:24: bài học có hơn 2 hộp lưu ý; nhiều hộp quá thì người"
                + " đọc bỏ qua cả điều quan trọng, hãy viết phần còn lại thành câu thường"),
        result.warnings().stream()
            .map(warning -> warning.format(temp))
            .filter(warning -> warning.startsWith("modules/thu/10-mot/"))
            .toList());
  }

  /** Warnings are printed as such, and the folder is still valid. */
  @Test
  void theCheckCommandPrintsWarningsAndStillSucceeds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = ContentCheck.check(temp, temp, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(0, status);
    assertEquals(
        "modules/thu/quiz.md:5: cảnh báo: câu hỏi chưa ghi `Bài học:` (bài học mà câu hỏi kiểm"
            + " tra); khi trả lời sai, người học không được dẫn về bài để đọc lại\n"
            + "modules/thu/quiz.md:5: cảnh báo: đáp án đúng là lựa chọn dài nhất ở 1 trên 1 câu"
            + " một đáp án (dòng 5): người học đoán được mà không cần đọc; hãy viết lựa chọn sai"
            + " dài ngang lựa chọn đúng\n"
            + "Nội dung hợp lệ: 1 học phần, 2 bài học, 1 chương trình, 0 kỹ năng thực hành trong "
            + temp
            + "; 2 cảnh báo ở trên.\n",
        out.toString(StandardCharsets.UTF_8));
  }
}
