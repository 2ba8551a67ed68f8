package vn.hocso.content.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hocso.content.entity.ContentProblem;
import vn.hocso.content.entity.Option;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;

/** quiz.md as trainers write it: every question type, and every mistake the check reports. */
class QuizParserTest {

  static final String FULL_QUIZ =
      """
      ---
      draw: 5
      attempts_per_day: 3
      minutes_between_attempts: 10
      open_hours: 2
      counts: last
      ---

      Bài kiểm tra thử.

      ## Ai được làm mức 2?

      - [ ] Tự làm tại nhà
      - [x] Đến cơ quan Công an

      > Phải đến cơ quan Công an.

      ## Những việc nào an toàn?

      Loại: nhiều đáp án

      - [x] Tải ứng dụng từ kho ứng dụng
      - [x] Gọi lại số mình đã lưu
      - [ ] Đọc mã OTP cho người gọi

      > Không đọc OTP cho ai.

      ## Công an gọi điện hướng dẫn cài VNeID.

      Loại: đúng sai

      - [ ] Đúng
      - [x] Sai

      > Công an không gọi điện hướng dẫn.

      ## Sắp xếp các bước nộp hồ sơ

      Loại: sắp xếp

      1. Đăng nhập
      2. Chọn thủ tục
      3. Nộp hồ sơ

      > Đăng nhập trước.

      ## Nút nào là nút Đăng nhập?

      Loại: chọn hình

      ![Hình minh họa: màn hình có hai nút](nut.svg)

      - [x] ![Nút màu đỏ](nut.svg)
      - [ ] ![Nút màu xám](khac.svg)

      > Nút màu đỏ.
      """;

  @TempDir Path temp;
  ContentFixture content;
  final ContentLoader loader = new ContentLoader();

  @BeforeEach
  void folder() {
    content = new ContentFixture(temp);
    content.write("modules/thu/nut.svg", ContentFixture.SVG);
    content.write("modules/thu/khac.svg", ContentFixture.SVG);
  }

  private List<String> problemsWithQuiz(String quiz) {
    content.write("modules/thu/quiz.md", quiz);
    return loader.load(temp).problems().stream().map(problem -> problem.format(temp)).toList();
  }

  private void assertOnlyProblem(String quiz, String expected) {
    assertEquals(List.of(expected), problemsWithQuiz(quiz));
  }

  @Test
  void everyQuestionTypeAndThePolicyAreRead() {
    assertEquals(List.of(), problemsWithQuiz(FULL_QUIZ));
    Quiz quiz = loader.load(temp).modules().get("thu").module().quiz();
    assertEquals(5, quiz.draw());
    assertEquals(3, quiz.policy().attemptsPerDay());
    assertEquals(10, quiz.policy().minutesBetween());
    assertEquals(2, quiz.policy().openHours());
    assertFalse(quiz.policy().countsBest());
    assertTrue(quiz.introHtml().contains("Bài kiểm tra thử."));
    assertEquals(
        List.of(
            QuestionType.SINGLE,
            QuestionType.MULTIPLE,
            QuestionType.TRUE_FALSE,
            QuestionType.ORDERING,
            QuestionType.IMAGE),
        quiz.questions().stream().map(Question::type).toList());

    Question single = quiz.questions().get(0);
    assertEquals("Ai được làm mức 2?", single.text());
    assertEquals(List.of(false, true), single.options().stream().map(Option::correct).toList());
    assertEquals("Đến cơ quan Công an", single.options().get(1).html());
    assertEquals("<p>Phải đến cơ quan Công an.</p>", single.explanationHtml());

    Question ordering = quiz.questions().get(3);
    assertEquals(
        List.of("Đăng nhập", "Chọn thủ tục", "Nộp hồ sơ"),
        ordering.options().stream().map(Option::text).toList());

    Question image = quiz.questions().get(4);
    assertTrue(image.html().contains("<img src=\"/noi-dung/thu/"), image.html());
    assertTrue(image.options().get(0).html().startsWith("<img src=\"/noi-dung/thu/"));
    assertTrue(image.options().get(0).html().contains("alt=\"Nút màu đỏ\""));
  }

  @Test
  void idsAreStableAndSayNothingAboutCorrectness() {
    content.write("modules/thu/quiz.md", FULL_QUIZ);
    Quiz first = loader.load(temp).modules().get("thu").module().quiz();
    content.write("modules/thu/quiz.md", FULL_QUIZ.replace("Nút màu đỏ.", "Nút đỏ."));
    Quiz second = loader.load(temp).modules().get("thu").module().quiz();
    assertEquals(first.questions().get(0).id(), second.questions().get(0).id());
    assertEquals(
        first.questions().get(0).options().get(1).id(),
        second.questions().get(0).options().get(1).id());
    for (Question question : first.questions()) {
      assertTrue(question.id().matches("[0-9a-f]{10}"));
      question.options().forEach(option -> assertTrue(option.id().matches("[0-9a-f]{8}")));
    }
  }

  @Test
  void questionWithoutACorrectOption() {
    assertOnlyProblem(
        "## Câu?\n\n- [ ] A\n- [ ] B\n\n> Vì.\n",
        "modules/thu/quiz.md:1: câu hỏi không có đáp án đúng: đánh dấu `- [x]` cho đáp án đúng");
  }

  @Test
  void singleChoiceWithTwoCorrectOptions() {
    assertOnlyProblem(
        "\n## Câu?\n\n- [x] A\n- [x] B\n\n> Vì.\n",
        "modules/thu/quiz.md:2: câu một đáp án nhưng có 2 đáp án đúng; nếu đúng là nhiều đáp án,"
            + " thêm dòng `Loại: nhiều đáp án`");
  }

  @Test
  void duplicateOptions() {
    assertOnlyProblem(
        "## Câu?\n\n- [x] A\n- [ ] B\n- [ ] A\n\n> Vì.\n",
        "modules/thu/quiz.md:5: lựa chọn `A` lặp lại lựa chọn ở dòng 3");
  }

  @Test
  void orderingWithFewerThanThreeSteps() {
    assertOnlyProblem(
        "## Sắp xếp\n\nLoại: sắp xếp\n\n1. Một\n2. Hai\n\n> Vì.\n",
        "modules/thu/quiz.md:1: câu sắp xếp cần ít nhất 3 bước, câu này có 2");
  }

  @Test
  void drawAbovePoolSize() {
    assertOnlyProblem(
        "---\ndraw: 3\n---\n\n## Câu?\n\n- [x] A\n- [ ] B\n\n> Vì.\n",
        "modules/thu/quiz.md:2: `draw: 3` lớn hơn số câu hỏi trong tệp (1)");
  }

  @Test
  void passMarkOutsideOneToHundred() {
    content.write(
        "modules/thu/_index.md",
        ContentFixture.MODULE_INDEX.replace("pass_mark: 80", "pass_mark: 120"));
    assertEquals(
        List.of("modules/thu/_index.md:6: `pass_mark` phải từ 1 đến 100, không phải 120"),
        loader.load(temp).problems().stream().map(problem -> problem.format(temp)).toList());
  }

  @Test
  void missingExplanation() {
    assertOnlyProblem(
        "## Câu?\n\n- [x] A\n- [ ] B\n",
        "modules/thu/quiz.md:1: câu hỏi thiếu lời giải thích: thêm một đoạn bắt đầu bằng > sau"
            + " các lựa chọn");
  }

  @Test
  void missingImage() {
    assertOnlyProblem(
        "## Câu?\n\n![Màn hình](khong-co.png)\n\n- [x] A\n- [ ] B\n\n> Vì.\n",
        "modules/thu/quiz.md:3: không tìm thấy hình `khong-co.png`");
  }

  @Test
  void unknownQuestionType() {
    assertOnlyProblem(
        "## Câu?\n\nLoại: điền chữ\n\n- [x] A\n- [ ] B\n\n> Vì.\n",
        "modules/thu/quiz.md:3: loại câu hỏi lạ `điền chữ`; dùng: một đáp án, nhiều đáp án, đúng"
            + " sai, sắp xếp, chọn hình");
  }

  @Test
  void trueFalseNeedsExactlyDungAndSai() {
    assertOnlyProblem(
        "## Câu.\n\nLoại: đúng sai\n\n- [x] Có\n- [ ] Không\n\n> Vì.\n",
        "modules/thu/quiz.md:1: câu đúng sai có đúng hai lựa chọn: `Đúng` và `Sai`");
  }

  @Test
  void optionsWithoutCheckboxes() {
    assertEquals(
        List.of(
            "modules/thu/quiz.md:3: lựa chọn phải viết `- [ ]` (sai) hoặc `- [x]` (đúng)",
            "modules/thu/quiz.md:4: lựa chọn phải viết `- [ ]` (sai) hoặc `- [x]` (đúng)",
            "modules/thu/quiz.md:1: câu hỏi không có đáp án đúng: đánh dấu `- [x]` cho đáp án đúng"),
        problemsWithQuiz("## Câu?\n\n- A\n- B\n\n> Vì.\n"));
  }

  @Test
  void imageChoiceWithATextOption() {
    assertOnlyProblem(
        "## Nút nào?\n\nLoại: chọn hình\n\n- [x] ![Nút đỏ](nut.svg)\n- [ ] Nút xám\n\n> Vì.\n",
        "modules/thu/quiz.md:6: mỗi lựa chọn của câu chọn hình là một hình: - [ ] ![mô tả"
            + " hình](ten-tep.svg)");
  }

  @Test
  void noQuestionsAtAll() {
    assertOnlyProblem(
        "Chưa có câu nào.\n",
        "modules/thu/quiz.md:1: bài kiểm tra chưa có câu hỏi nào (mỗi câu là một tiêu đề ##)");
  }

  @Test
  void sameQuestionTwice() {
    String question = "## Câu?\n\n- [x] A\n- [ ] B\n\n> Vì.\n\n";
    assertOnlyProblem(
        question + question, "modules/thu/quiz.md:8: câu hỏi này trùng với câu ở dòng 1");
  }

  @Test
  void somethingAfterTheExplanation() {
    assertOnlyProblem(
        "## Câu?\n\n- [x] A\n- [ ] B\n\n> Vì.\n\nThêm một đoạn.\n",
        "modules/thu/quiz.md:8: nội dung thừa sau lời giải thích; câu hỏi tiếp theo phải bắt đầu"
            + " bằng ##");
  }

  private List<String> warningsWithQuiz(String quiz) {
    content.write("modules/thu/quiz.md", quiz);
    return loader.load(temp).warnings().stream().map(problem -> problem.format(temp)).toList();
  }

  @Test
  void eachQuestionNamesTheLessonItTests() {
    String quiz =
        """
        ## Ai được làm mức 2?

        Bài học: mot

        - [ ] Tự làm tại nhà
        - [x] Đến cơ quan Công an

        > Phải đến cơ quan Công an.

        ## Những việc nào an toàn?

        Bài học: hai
        Loại: nhiều đáp án

        - [x] Tải ứng dụng từ kho
        - [x] Gọi lại số đã lưu
        - [ ] Đọc mã OTP cho người gọi

        > Không đọc OTP cho ai.

        ## Công an gọi điện hướng dẫn cài VNeID.

        Loại: đúng sai

        Bài học: mot

        - [ ] Đúng
        - [x] Sai

        > Công an không gọi điện hướng dẫn.
        """;
    assertEquals(List.of(), problemsWithQuiz(quiz));
    assertEquals(
        List.of(),
        warningsWithQuiz(quiz).stream().filter(warning -> warning.contains("Bài học")).toList());
    Quiz parsed = loader.load(temp).modules().get("thu").module().quiz();
    assertEquals(
        List.of("mot", "hai", "mot"), parsed.questions().stream().map(Question::lessonId).toList());
    assertEquals(
        List.of(QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE),
        parsed.questions().stream().map(Question::type).toList());
  }

  @Test
  void aLessonTheModuleDoesNotHaveIsAProblem() {
    assertOnlyProblem(
        "## Câu?\n\nBài học: ba\n\n- [x] A\n- [ ] B\n\n> Vì.\n",
        "modules/thu/quiz.md:3: `Bài học: ba` không có trong học phần; các bài học: mot, hai");
  }

  @Test
  void aKeyGivenTwiceOrEmptyIsAProblem() {
    assertOnlyProblem(
        "## Câu?\n\nBài học: mot\nBài học: hai\n\n- [x] A\n- [ ] B\n\n> Vì.\n",
        "modules/thu/quiz.md:4: câu hỏi ghi `Bài học:` hai lần");
    assertOnlyProblem(
        "## Câu?\n\nBài học:\n\n- [x] A\n- [ ] B\n\n> Vì.\n",
        "modules/thu/quiz.md:3: `Bài học:` để trống; ghi mã bài học mà câu hỏi kiểm tra");
  }

  @Test
  void aQuestionWithoutItsLessonIsAWarningAndStillLoads() {
    String quiz = "## Câu?\n\n- [x] A\n- [ ] B\n\n> Vì.\n";
    assertEquals(List.of(), problemsWithQuiz(quiz));
    assertEquals(
        List.of(
            "modules/thu/quiz.md:1: câu hỏi chưa ghi `Bài học:` (bài học mà câu hỏi kiểm tra);"
                + " khi trả lời sai, người học không được dẫn về bài để đọc lại"),
        warningsWithQuiz(quiz));
    assertEquals(
        null, loader.load(temp).modules().get("thu").module().quiz().questions().get(0).lessonId());
  }

  /** A quiz stored before the key existed, re-read to score an old attempt, reads as before. */
  @Test
  void aQuizWithoutLessonKeysReadsWithoutLessonsToCheck() {
    List<ContentProblem> problems = new java.util.ArrayList<>();
    List<ContentProblem> warnings = new java.util.ArrayList<>();
    Quiz quiz =
        new QuizParser(new MarkdownRenderer())
            .parse(
                FULL_QUIZ,
                new MarkdownRenderer.Scope(
                    temp.resolve("modules/thu/quiz.md"),
                    temp.resolve("modules/thu"),
                    "thu",
                    "v1",
                    java.util.Map.of()),
                problems,
                warnings);
    assertEquals(List.of(), problems);
    assertTrue(
        warnings.stream().noneMatch(warning -> warning.message().contains("Bài học")),
        warnings.toString());
    assertEquals(5, quiz.questions().size());
  }

  private static String single(String question, String right, String wrong) {
    return "## "
        + question
        + "\n\nBài học: mot\n\n- [x] "
        + right
        + "\n- [ ] "
        + wrong
        + "\n\n> Vì.\n\n";
  }

  @Test
  void aRightAnswerThatIsTheLongestInMostQuestionsIsAWarning() {
    String giveaway =
        single("Một?", "Đáp án đúng rất dài", "Ngắn")
            + single("Hai?", "Đáp án đúng rất dài", "Ngắn")
            + single("Ba?", "Ngắn", "Đáp án sai rất dài");
    assertEquals(List.of(), problemsWithQuiz(giveaway));
    assertEquals(
        List.of(
            "modules/thu/quiz.md:1: đáp án đúng là lựa chọn dài nhất ở 2 trên 3 câu một đáp án"
                + " (dòng 1, 10): người học đoán được mà không cần đọc; hãy viết lựa chọn sai dài"
                + " ngang lựa chọn đúng"),
        warningsWithQuiz(giveaway));
    String half =
        single("Một?", "Đáp án đúng rất dài", "Ngắn") + single("Hai?", "Ngắn", "Đáp án sai dài");
    assertEquals(List.of(), warningsWithQuiz(half), "half is not more than half");
  }
}
