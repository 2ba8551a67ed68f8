package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;

/** Taking a quiz with plain HTML forms, as a browser with JavaScript off does. */
class QuizPagesIT {

  private static final Pattern FIELDSET = Pattern.compile("<fieldset class=\"question\"");
  private static final Pattern QUESTION_ID =
      Pattern.compile("name=\"cau-([0-9a-f]{10})\"|name=\"thu-tu-([0-9a-f]{10})-");

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  /** Starts an attempt with the form on the quiz page; returns the attempt's page address. */
  static String start(Browser resident, String moduleId) {
    HttpResponse<String> started =
        resident.postForm("/hoc-phan/" + moduleId + "/kiem-tra", List.of());
    assertEquals(303, started.statusCode(), started.body());
    String location = started.headers().firstValue("Location").orElseThrow();
    assertTrue(location.matches(".*/lam-bai/[0-9a-f]{32}"), location);
    return location.substring(location.indexOf("/lam-bai/"));
  }

  /** The question ids a form shows, in order. */
  static List<String> questionIds(String form) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = QUESTION_ID.matcher(form);
    while (matcher.find()) {
      String id = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Form fields answering every shown question right (or wrong). */
  static List<Map.Entry<String, String>> fields(Quiz quiz, List<String> shown, boolean right) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (String id : shown) {
      Question question = quiz.question(id).orElseThrow();
      List<String> answer = right ? QuizKey.correct(quiz).get(id) : QuizKey.wrong(question);
      if (question.type() == QuestionType.ORDERING) {
        for (int position = 0; position < answer.size(); position++) {
          fields.add(
              new SimpleEntry<>(
                  "thu-tu-" + id + "-" + answer.get(position), String.valueOf(position + 1)));
        }
      } else {
        answer.forEach(option -> fields.add(new SimpleEntry<>("cau-" + id, option)));
      }
    }
    return fields;
  }

  @Test
  void theModulePageLeadsToAQuizPageThatSaysWhatToExpect() {
    assertTrue(Http.get("/hoc-phan/vneid").body().contains("href=\"/hoc-phan/vneid/kiem-tra\""));
    String page = Http.get("/hoc-phan/vneid/kiem-tra").body();
    int draw = QuizKey.quiz("vneid").draw();
    assertTrue(page.contains("Bài có <strong>" + draw + " câu hỏi</strong>."), page);
    assertTrue(page.contains("<strong>80%</strong>"), page);
    assertTrue(page.contains("<form method=\"post\" action=\"/hoc-phan/vneid/kiem-tra\">"));
    assertEquals(404, Http.get("/hoc-phan/khong-co/kiem-tra").statusCode());
  }

  @Test
  void takingTheQuizWithFormsShowsTheScoreTheAnswersAndTheExplanations() {
    Browser resident = new Browser();
    Quiz quiz = QuizKey.quiz("vneid");
    String attempt = start(resident, "vneid");
    String form = resident.get(attempt).body();
    int draw = quiz.draw();
    assertEquals(draw, FIELDSET.matcher(form).results().count());
    List<String> shown = questionIds(form);
    assertEquals(draw, shown.size());
    for (Question question : quiz.questions()) {
      assertFalse(form.contains(question.explanationHtml()), "no explanation before submitting");
    }

    HttpResponse<String> submitted = resident.postForm(attempt, fields(quiz, shown, true));
    assertEquals(303, submitted.statusCode(), submitted.body());
    String result = resident.get(attempt).body();
    assertTrue(
        result.contains("Bác trả lời đúng <strong>" + draw + "/" + draw + "</strong> câu."),
        result);
    assertTrue(result.contains("Chúc mừng bác đã <strong>đạt</strong>"), result);
    assertEquals(draw, Pattern.compile("✓ Bác trả lời đúng.").matcher(result).results().count());
    Question first = quiz.question(shown.get(0)).orElseThrow();
    assertTrue(result.contains(first.explanationHtml()), "explanations shown after submitting");

    // The same form again is the same submission; another answer is refused.
    assertEquals(303, resident.postForm(attempt, fields(quiz, shown, true)).statusCode());
    HttpResponse<String> other = resident.postForm(attempt, fields(quiz, shown, false));
    assertEquals(409, other.statusCode());
    assertTrue(other.body().contains("Lượt làm bài này đã nộp rồi"), other.body());
    assertTrue(resident.get(attempt).body().contains("<strong>" + draw + "/" + draw + "</strong>"));

    // The quiz page now remembers the result.
    assertTrue(
        resident
            .get("/hoc-phan/vneid/kiem-tra")
            .body()
            .contains("Điểm cao nhất: <strong>" + draw + "/" + draw + "</strong> – đạt"));
  }

  @Test
  void wrongAnswersAndUnansweredQuestionsFailWithAnEncouragingWord() {
    Browser resident = new Browser();
    Quiz quiz = QuizKey.quiz("an-toan-tren-mang");
    String attempt = start(resident, "an-toan-tren-mang");
    List<String> shown = questionIds(resident.get(attempt).body());
    List<Map.Entry<String, String>> fields = fields(quiz, shown.subList(0, 3), false);
    // An ordering answer with a repeated position is no order at all: wrong, not an error.
    fields.add(new SimpleEntry<>("thu-tu-" + shown.get(3) + "-x", "1"));
    assertEquals(303, resident.postForm(attempt, fields).statusCode());
    String result = resident.get(attempt).body();
    assertTrue(
        result.contains("Bác trả lời đúng <strong>0/" + quiz.draw() + "</strong> câu."), result);
    assertTrue(result.contains("Lần này bác <strong>chưa đạt</strong>"), result);
    assertTrue(result.contains("Bác chưa trả lời câu này."), result);
  }

  /** A wrong answer's explanation leads back to the lesson the question tests; a right one not. */
  @Test
  void aWrongAnswerLeadsBackToItsLesson() {
    Browser resident = new Browser();
    Quiz quiz = QuizKey.quiz("vneid");
    String attempt = start(resident, "vneid");
    List<String> shown = questionIds(resident.get(attempt).body());
    List<Map.Entry<String, String>> fields = fields(quiz, shown.subList(0, 4), false);
    fields.addAll(fields(quiz, shown.subList(4, shown.size()), true));
    assertEquals(303, resident.postForm(attempt, fields).statusCode());
    String result = resident.get(attempt).body();
    List<String> links =
        Pattern.compile("<a href=\"(/hoc-phan/vneid/[a-z0-9-]+)\">Đọc lại bài: ")
            .matcher(result)
            .results()
            .map(found -> found.group(1))
            .toList();
    List<String> expected =
        shown.subList(0, 4).stream()
            .map(id -> "/hoc-phan/vneid/" + quiz.question(id).orElseThrow().lessonId())
            .toList();
    assertEquals(expected, links, "one link per wrong answer, to its own lesson");
    for (String link : links) {
      assertEquals(200, Http.get(link).statusCode(), link);
    }
  }

  @Test
  void anotherBrowserCannotSeeOrAnswerTheAttempt() {
    Browser resident = new Browser();
    String attempt = start(resident, "thue-dien-tu");
    Browser stranger = new Browser();
    HttpResponse<String> seen = stranger.get(attempt);
    assertEquals(403, seen.statusCode());
    assertTrue(seen.body().contains("Lượt làm bài này không phải của bác."), seen.body());
    assertEquals(403, stranger.postForm(attempt, List.of()).statusCode());
    assertEquals(404, resident.get("/lam-bai/00000000000000000000000000000000").statusCode());
  }

  @Test
  void aTamperedFormIsRefusedWithAVietnameseMessage() {
    Browser resident = new Browser();
    String attempt = start(resident, "chu-ky-so");
    String form = resident.get(attempt).body();
    // A question answered by choosing (an ordering question's steps are other fields).
    String chosen =
        questionIds(form).stream()
            .filter(id -> form.contains("name=\"cau-" + id + "\""))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> tampered =
        resident.postForm(
            attempt, List.of(new SimpleEntry<>("cau-" + chosen, "<script>alert(1)</script>")));
    assertEquals(400, tampered.statusCode());
    assertTrue(
        tampered.body().contains("Bài nộp có lựa chọn không thuộc câu hỏi của nó."),
        tampered.body());
    assertFalse(tampered.body().contains("<script>alert"));
    assertTrue(resident.get(attempt).body().contains("<form method=\"post\""), "still open");
  }

  @Test
  void theAttemptPolicyLimitsAttemptsPerDayAndSpacesThem() throws Exception {
    Path module = TestContent.ROOT.resolve("modules/thu-gioi-han");
    try {
      write(
          module.resolve("_index.md"),
          "---\ntitle: Giới hạn\nsummary: Thử giới hạn.\nweight: 950\nminutes: 10\npass_mark: 50\n"
              + "criteria: []\n---\n");
      write(
          module.resolve("10-bai/index.md"),
          "---\ntitle: Bài\nweight: 10\nminutes: 5\n---\n\nNội dung.\n\n## Nguồn\n\n- Báo\n");
      write(module.resolve("quiz.md"), quiz("attempts_per_day: 2"));
      awaitPage("/hoc-phan/thu-gioi-han/kiem-tra", "Mỗi ngày làm được 2 lượt.");

      Browser resident = new Browser();
      start(resident, "thu-gioi-han");
      start(resident, "thu-gioi-han");
      HttpResponse<String> third = resident.postForm("/hoc-phan/thu-gioi-han/kiem-tra", List.of());
      assertEquals(429, third.statusCode());
      assertTrue(third.body().contains("Hôm nay bác đã làm 2 lượt bài kiểm tra này"), third.body());
      HttpResponse<String> api = resident.postJson("/api/modules/thu-gioi-han/attempts", "");
      assertEquals(429, api.statusCode());

      // Starts that arrive together are checked in one transaction, each after the ones before
      // it: of six at once, two are allowed.
      Browser hurried = new Browser();
      assertEquals(201, hurried.postJson("/api/modules/thu-gioi-han/attempts", "").statusCode());
      List<java.util.concurrent.Callable<HttpResponse<String>>> starts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        starts.add(() -> hurried.postJson("/api/modules/thu-gioi-han/attempts", ""));
      }
      List<Integer> statuses =
          QuizApiIT.atOnce(starts).stream().map(HttpResponse::statusCode).sorted().toList();
      assertEquals(List.of(201, 429, 429, 429, 429, 429), statuses);

      write(module.resolve("quiz.md"), quiz("minutes_between_attempts: 30"));
      awaitPage("/hoc-phan/thu-gioi-han/kiem-tra", "Giữa hai lượt, bác chờ 30 phút.");
      Browser other = new Browser();
      start(other, "thu-gioi-han");
      HttpResponse<String> tooSoon = other.postForm("/hoc-phan/thu-gioi-han/kiem-tra", List.of());
      assertEquals(429, tooSoon.statusCode());
      assertTrue(
          tooSoon.body().contains("Bác nghỉ một chút nhé: khoảng 30 phút nữa"), tooSoon.body());
    } finally {
      TestContent.deleteTree(module);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (Http.get("/hoc-phan/thu-gioi-han").statusCode() != 404
          && System.nanoTime() < deadline) {
        Http.sleep(50);
      }
    }
  }

  private static String quiz(String policy) {
    return "---\n" + policy + "\n---\n\n## Câu?\n\n- [x] Có\n- [ ] Không\n\n> Vì thế.\n";
  }

  private static void write(Path file, String text) throws IOException {
    TestContent.write(file, text);
  }

  private static void awaitPage(String path, String text) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> page = Http.get(path);
      if (page.statusCode() == 200 && page.body().contains(text)) {
        return;
      }
      Http.sleep(50);
    }
    throw new AssertionError(path + " never showed: " + text);
  }
}
