package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.Quiz;

/** Quiz attempts over the JSON API: drawn on the server, scored once, never leaking the key. */
class QuizApiIT {

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  private static JsonObject start(Browser resident, String moduleId) {
    HttpResponse<String> started = resident.postJson("/api/modules/" + moduleId + "/attempts", "");
    assertEquals(201, started.statusCode(), started.body());
    return Browser.json(started);
  }

  private static HttpResponse<String> submit(Browser resident, JsonObject started, String body) {
    return resident.postJson(
        "/api/attempts/" + started.getString("attemptId") + "/submission", body);
  }

  private static String status(Browser resident, JsonObject started) {
    return Browser.json(resident.get("/api/attempts/" + started.getString("attemptId")))
        .getString("status");
  }

  @Test
  void anAttemptIdStartsWithTheTimeItWasStarted() {
    // The server runs on this machine, on this clock.
    Browser resident = new Browser();
    String previous = "";
    for (int i = 0; i < 2; i++) {
      long before = System.currentTimeMillis();
      HttpResponse<String> response = resident.postJson("/api/modules/vneid/attempts", "");
      long after = System.currentTimeMillis();
      assertEquals(201, response.statusCode());
      String id = Browser.json(response).getString("attemptId");
      long startedAt = Long.parseLong(id.substring(0, 12), 16);
      assertTrue(
          before <= startedAt && startedAt <= after, id + " not made in " + before + "–" + after);
      assertTrue(previous.compareTo(id) < 0, id + " sorts before the earlier " + previous);
      previous = id;
    }
  }

  @Test
  void anAttemptShowsQuestionsButNeverTheKey() {
    Browser resident = new Browser();
    HttpResponse<String> response = resident.postJson("/api/modules/vneid/attempts", "");
    assertEquals(201, response.statusCode());
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("hocso_khach="), cookie);
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    JsonObject started = Browser.json(response);
    assertTrue(
        response
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith("/api/attempts/" + started.getString("attemptId")));
    assertTrue(started.getString("attemptId").matches("[0-9a-f]{32}"));
    String version = Http.json(Http.get("/api/modules/vneid")).asJsonObject().getString("version");
    assertEquals(version, started.getString("version"));
    assertEquals(
        QuizKey.quiz("vneid").draw(),
        started.getJsonArray("questions").size(),
        "the quiz's draw, fewer than its pool");
    assertTrue(QuizKey.quiz("vneid").draw() < QuizKey.quiz("vneid").questions().size());
    Set<String> ids = new HashSet<>();
    for (JsonValue value : started.getJsonArray("questions")) {
      JsonObject question = value.asJsonObject();
      assertEquals(Set.of("id", "type", "text", "html", "options"), question.keySet());
      assertTrue(ids.add(question.getString("id")));
      for (JsonValue option : question.getJsonArray("options")) {
        assertEquals(Set.of("id", "html"), option.asJsonObject().keySet());
      }
    }
    String raw = response.body().toLowerCase();
    assertFalse(raw.contains("correct") || raw.contains("explanation") || raw.contains("[x]"));
    assertEquals("open", status(resident, started));
  }

  /**
   * Each attempt draws and shuffles anew on the server (the unit tests check the draw with a seeded
   * generator; this checks the generator the server uses), and the server shows an open attempt
   * again exactly as it drew it.
   */
  @Test
  void eachAttemptIsDrawnAndShuffledAnewAndShownAgainAsDrawn() {
    Browser resident = new Browser();
    Set<List<String>> questionOrders = new HashSet<>();
    Map<String, Set<List<String>>> optionOrders = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      JsonObject started = start(resident, "vneid");
      JsonArray questions = started.getJsonArray("questions");
      List<String> ids = new ArrayList<>();
      for (JsonValue value : questions) {
        JsonObject question = value.asJsonObject();
        ids.add(question.getString("id"));
        List<String> options =
            question.getJsonArray("options").stream()
                .map(option -> option.asJsonObject().getString("id"))
                .toList();
        if (options.size() >= 3) {
          optionOrders
              .computeIfAbsent(question.getString("id"), id -> new HashSet<>())
              .add(options);
        }
      }
      questionOrders.add(ids);
      JsonObject shownAgain =
          Browser.json(resident.get("/api/attempts/" + started.getString("attemptId")));
      assertEquals(questions, shownAgain.getJsonArray("questions"), "shown again as drawn");
    }
    assertTrue(questionOrders.size() > 1, "six attempts, one draw: " + questionOrders);
    assertTrue(
        optionOrders.values().stream().anyMatch(orders -> orders.size() > 1),
        "options never reshuffled: " + optionOrders);
  }

  @Test
  void rightAnswersScoreFullAndPass() {
    Browser resident = new Browser();
    Quiz quiz = QuizKey.quiz("vneid");
    JsonObject started = start(resident, "vneid");
    HttpResponse<String> submitted = submit(resident, started, QuizKey.rightAnswers(quiz, started));
    assertEquals(200, submitted.statusCode(), submitted.body());
    JsonObject result = Browser.json(submitted);
    assertEquals(quiz.draw(), result.getInt("score"));
    assertEquals(quiz.draw(), result.getInt("maxScore"));
    assertTrue(result.getBoolean("passed"));
    for (JsonValue value : result.getJsonArray("results")) {
      assertTrue(value.asJsonObject().getBoolean("correct"));
      assertTrue(value.asJsonObject().getString("explanationHtml").startsWith("<p>"));
    }
    JsonObject stored =
        Browser.json(resident.get("/api/attempts/" + started.getString("attemptId")));
    assertEquals("submitted", stored.getString("status"));
    assertEquals(result.toString(), stored.getJsonObject("result").toString());
    assertTrue(!stored.containsKey("questions") || stored.isNull("questions"), "no questions");
  }

  @Test
  void aMissingAnswerScoresAsWrong() {
    Browser resident = new Browser();
    JsonObject started = start(resident, "an-toan-tren-mang");
    HttpResponse<String> submitted = submit(resident, started, "{\"answers\": {}}");
    assertEquals(200, submitted.statusCode());
    JsonObject result = Browser.json(submitted);
    assertEquals(0, result.getInt("score"));
    assertFalse(result.getBoolean("passed"));
  }

  /**
   * More signed-in requests at once than the pool has connections (40): each must need only one.
   * The session lookup once kept its connection to the end of the request, so every signed-in
   * request that wrote held two, and 64 at once waited on each other until the pool timed out.
   */
  @Test
  void moreSignedInLearnersAtOnceThanPooledConnectionsAllGetTheirAttempt() throws Exception {
    Browser learner = new Browser();
    Residents.register(learner, "Mạc Văn Đông", Residents.newPhone(), Residents.HOA_CUONG);
    // 64 clients, each starting attempts one after the other for a while: sustained load keeps
    // more requests in the server at once than a single burst does.
    ExecutorService clients = Executors.newFixedThreadPool(64);
    List<Callable<List<Integer>>> starts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      starts.add(
          () -> {
            List<Integer> statuses = new ArrayList<>();
            for (int n = 0; n < 25; n++) {
              statuses.add(learner.postJson("/api/modules/vneid/attempts", "").statusCode());
            }
            return statuses;
          });
    }
    try {
      for (Future<List<Integer>> client : clients.invokeAll(starts)) {
        assertEquals(java.util.Collections.nCopies(25, 201), client.get());
      }
    } finally {
      clients.shutdown();
    }
  }

  @Test
  void theSameSubmissionSentManyTimesAtOnceIsScoredOnce() throws Exception {
    Browser resident = new Browser();
    Quiz quiz = QuizKey.quiz("dich-vu-cong");
    JsonObject started = start(resident, "dich-vu-cong");
    String body = QuizKey.rightAnswers(quiz, started);
    ExecutorService tabs = Executors.newFixedThreadPool(8);
    List<Callable<HttpResponse<String>>> submissions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      submissions.add(() -> submit(resident, started, body));
    }
    Set<String> bodies = new HashSet<>();
    for (Future<HttpResponse<String>> response : tabs.invokeAll(submissions)) {
      assertEquals(200, response.get().statusCode(), response.get().body());
      bodies.add(response.get().body());
    }
    tabs.shutdown();
    assertEquals(1, bodies.size(), "every tab sees the same stored result");

    // Other answers to the submitted attempt are refused; the stored result does not change.
    HttpResponse<String> other = submit(resident, started, "{\"answers\": {}}");
    assertEquals(409, other.statusCode());
    assertEquals(
        "Lượt làm bài này đã nộp rồi, mỗi lượt chỉ nộp một lần. Kết quả đã lưu không đổi.",
        Browser.json(other).getString("error"));
    HttpResponse<String> again = submit(resident, started, body);
    assertEquals(bodies.iterator().next(), again.body(), "a retry gets the same result");
    try (Connection db = Database.connect();
        PreparedStatement count =
            db.prepareStatement(
                "SELECT COUNT(*) FROM quiz_attempt WHERE id = ? AND submitted_at IS NOT NULL")) {
      count.setString(1, started.getString("attemptId"));
      var rows = count.executeQuery();
      rows.next();
      assertEquals(1, rows.getInt(1));
    }
  }

  /** Sends every request at the same moment, from a thread each; returns the answers in order. */
  static List<HttpResponse<String>> atOnce(List<Callable<HttpResponse<String>>> requests)
      throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(requests.size());
    java.util.concurrent.CyclicBarrier together =
        new java.util.concurrent.CyclicBarrier(requests.size());
    List<Callable<HttpResponse<String>>> lined = new ArrayList<>();
    for (Callable<HttpResponse<String>> request : requests) {
      lined.add(
          () -> {
            together.await();
            return request.call();
          });
    }
    try {
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : senders.invokeAll(lined)) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      senders.shutdown();
    }
  }

  private static String stored(String attemptId) throws Exception {
    try (Connection db = Database.connect();
        PreparedStatement read =
            db.prepareStatement(
                "SELECT CONCAT_WS('|', submitted_at, answers_hash, score) FROM quiz_attempt"
                    + " WHERE id = ?")) {
      read.setString(1, attemptId);
      var row = read.executeQuery();
      return row.next() ? row.getString(1) : null;
    }
  }

  /**
   * Submissions that arrive together are written in one transaction (a group commit): each still
   * gets its own answer, a refused one changes nothing, and none disturbs the others.
   */
  @Test
  void submissionsArrivingTogetherEachGetTheirOwnAnswer() throws Exception {
    Quiz quiz = QuizKey.quiz("vneid");
    List<Browser> residents = new ArrayList<>();
    List<JsonObject> attempts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Browser resident = new Browser();
      residents.add(resident);
      attempts.add(start(resident, "vneid"));
    }
    // 0–9 answer right; 10 twice with the same answers; 11 by someone else; 12 with an option
    // of another question; 13 expired; 14 already submitted, now with other answers; and an
    // attempt that does not exist.
    JsonObject duplicate = attempts.get(10);
    JsonObject foreign = attempts.get(11);
    JsonObject mixedUp = attempts.get(12);
    JsonObject expired = attempts.get(13);
    JsonObject resubmitted = attempts.get(14);
    try (Connection db = Database.connect();
        PreparedStatement expire =
            db.prepareStatement(
                "UPDATE quiz_attempt SET expires_at = started_at - INTERVAL 1 HOUR WHERE id = ?")) {
      expire.setString(1, expired.getString("attemptId"));
      assertEquals(1, expire.executeUpdate());
    }
    assertEquals(
        200,
        submit(residents.get(14), resubmitted, QuizKey.rightAnswers(quiz, resubmitted))
            .statusCode());
    String resubmittedBefore = stored(resubmitted.getString("attemptId"));
    JsonArray mixedQuestions = mixedUp.getJsonArray("questions");
    String otherOption =
        mixedQuestions.getJsonObject(1).getJsonArray("options").getJsonObject(0).getString("id");
    String mixedBody =
        "{\"answers\": {\""
            + mixedQuestions.getJsonObject(0).getString("id")
            + "\": [\""
            + otherOption
            + "\"]}}";

    List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Browser resident = residents.get(i);
      JsonObject attempt = attempts.get(i);
      requests.add(() -> submit(resident, attempt, QuizKey.rightAnswers(quiz, attempt)));
    }
    String duplicateBody = QuizKey.rightAnswers(quiz, duplicate);
    requests.add(() -> submit(residents.get(10), duplicate, duplicateBody));
    requests.add(() -> submit(residents.get(10), duplicate, duplicateBody));
    requests.add(() -> submit(residents.get(15), foreign, QuizKey.rightAnswers(quiz, foreign)));
    requests.add(() -> submit(residents.get(12), mixedUp, mixedBody));
    requests.add(() -> submit(residents.get(13), expired, QuizKey.rightAnswers(quiz, expired)));
    requests.add(() -> submit(residents.get(14), resubmitted, "{\"answers\": {}}"));
    requests.add(
        () ->
            residents
                .get(15)
                .postJson("/api/attempts/" + "0".repeat(32) + "/submission", duplicateBody));

    List<HttpResponse<String>> answers = atOnce(requests);
    for (int i = 0; i < 10; i++) {
      assertEquals(200, answers.get(i).statusCode(), answers.get(i).body());
      JsonObject result = Browser.json(answers.get(i));
      assertEquals(result.getInt("maxScore"), result.getInt("score"), "attempt " + i);
      assertEquals(
          "submitted", status(residents.get(i), attempts.get(i)), "attempt " + i + " is stored");
    }
    assertEquals(200, answers.get(10).statusCode());
    assertEquals(answers.get(10).body(), answers.get(11).body(), "one stored result, twice");
    assertEquals(403, answers.get(12).statusCode());
    assertEquals(
        "Lượt làm bài này không phải của bác.", Browser.json(answers.get(12)).getString("error"));
    assertEquals(400, answers.get(13).statusCode(), answers.get(13).body());
    assertEquals(410, answers.get(14).statusCode());
    assertEquals(409, answers.get(15).statusCode());
    assertEquals(404, answers.get(16).statusCode());
    assertEquals(
        "Không tìm thấy lượt làm bài này.", Browser.json(answers.get(16)).getString("error"));

    assertEquals(
        "open", status(residents.get(11), foreign), "the foreign submission stored nothing");
    assertEquals("open", status(residents.get(12), mixedUp));
    assertEquals("expired", status(residents.get(13), expired));
    assertEquals(resubmittedBefore, stored(resubmitted.getString("attemptId")));
  }

  @Test
  void badSubmissionsAreRefusedAndChangeNothing() throws IOException {
    Browser resident = new Browser();
    Quiz quiz = QuizKey.quiz("vneid");
    JsonObject started = start(resident, "vneid");
    List<String> shown = new ArrayList<>();
    started.getJsonArray("questions").forEach(q -> shown.add(q.asJsonObject().getString("id")));
    Question first = quiz.question(shown.get(0)).orElseThrow();
    Question second = quiz.question(shown.get(1)).orElseThrow();
    Question notDrawn =
        quiz.questions().stream().filter(q -> !shown.contains(q.id())).findFirst().orElseThrow();

    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(
        QuizKey.answers(Map.of("0000000000", List.of("00000000"))),
        "400 Bài nộp có câu hỏi không thuộc lượt làm bài này.");
    cases.put(
        QuizKey.answers(Map.of(first.id(), List.of(second.options().get(0).id()))),
        "400 Bài nộp có lựa chọn không thuộc câu hỏi của nó.");
    cases.put(
        QuizKey.answers(Map.of(notDrawn.id(), List.of(notDrawn.options().get(0).id()))),
        "400 Bài nộp có câu hỏi không thuộc lượt làm bài này.");
    cases.put(
        QuizKey.answers(Map.of(first.id(), List.of("<script>alert(1)</script>"))),
        "400 Bài nộp có lựa chọn không thuộc câu hỏi của nó.");
    cases.put("{\"answers\": ", "400 Dữ liệu gửi lên không phải JSON hợp lệ.");
    cases.put(
        "{\"answers\": [\"a\"]}",
        "400 Dữ liệu gửi lên phải có dạng {\"answers\": {\"mã câu hỏi\": [\"mã lựa chọn\", …]}}.");
    cases.put(
        "{\"answers\": {\"x\": \"<b>html</b>\"}}",
        "400 Dữ liệu gửi lên phải có dạng {\"answers\": {\"mã câu hỏi\": [\"mã lựa chọn\", …]}}.");
    cases.put(
        "{\"answers\": {}, \"padding\": \"" + "a".repeat(1024 * 1024) + "\"}",
        "413 Bài nộp quá lớn (hơn 64 KB). Một bài nộp thật chỉ vài trăm byte.");
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      HttpResponse<String> response = submit(resident, started, bad.getKey());
      String error = Browser.json(response).getString("error");
      assertEquals(bad.getValue(), response.statusCode() + " " + error, abbreviate(bad.getKey()));
      assertFalse(response.body().contains("<script"), "nothing sent is echoed back");
      assertEquals(
          "open", status(resident, started), "attempt unchanged by " + abbreviate(bad.getKey()));
    }

    // Somebody else's attempt, and attempts that do not exist.
    String body = QuizKey.rightAnswers(quiz, started);
    HttpResponse<String> stranger = submit(new Browser(), started, body);
    assertEquals(403, stranger.statusCode());
    assertEquals("Lượt làm bài này không phải của bác.", Browser.json(stranger).getString("error"));
    Browser otherResident = new Browser();
    start(otherResident, "vneid");
    assertEquals(403, submit(otherResident, started, body).statusCode());
    assertEquals(
        403, otherResident.get("/api/attempts/" + started.getString("attemptId")).statusCode());
    for (String unknown : List.of("00000000000000000000000000000000", "khong-co", "%3Cscript%3E")) {
      HttpResponse<String> missing =
          resident.postJson("/api/attempts/" + unknown + "/submission", body);
      assertEquals(404, missing.statusCode(), unknown);
      assertEquals("Không tìm thấy lượt làm bài này.", Browser.json(missing).getString("error"));
    }
    assertEquals(404, resident.postJson("/api/modules/khong-co/attempts", "").statusCode());
    assertEquals("open", status(resident, started));
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  @Test
  void anExpiredAttemptIsNotScored() throws Exception {
    Browser resident = new Browser();
    Quiz quiz = QuizKey.quiz("chu-ky-so");
    JsonObject started = start(resident, "chu-ky-so");
    try (Connection db = Database.connect();
        PreparedStatement expire =
            db.prepareStatement(
                "UPDATE quiz_attempt SET expires_at = started_at - INTERVAL 1 HOUR WHERE id = ?")) {
      expire.setString(1, started.getString("attemptId"));
      assertEquals(1, expire.executeUpdate());
    }
    HttpResponse<String> late = submit(resident, started, QuizKey.rightAnswers(quiz, started));
    assertEquals(410, late.statusCode());
    assertEquals(
        "Lượt làm bài này đã hết hạn nên không chấm được. Bác hãy bắt đầu một lượt mới.",
        Browser.json(late).getString("error"));
    assertEquals("expired", status(resident, started));
  }

  @Test
  void anAttemptScoresAgainstTheVersionItStartedOn() throws Exception {
    Path quizFile = Path.of(System.getProperty("test.content.dir"), "modules/tro-ly-ai/quiz.md");
    String original = Files.readString(quizFile, StandardCharsets.UTF_8);
    Quiz before = QuizKey.quiz("tro-ly-ai");
    Browser resident = new Browser();
    JsonObject started = start(resident, "tro-ly-ai");
    try {
      // Swap the right and a wrong answer of every single-answer question, then wait for the
      // server to serve the new version.
      Files.writeString(quizFile, swapKeys(original), StandardCharsets.UTF_8);
      String oldVersion = started.getString("version");
      long deadline = System.nanoTime() + 10_000_000_000L;
      String current = oldVersion;
      while (current.equals(oldVersion) && System.nanoTime() < deadline) {
        Http.sleep(50);
        current = Http.json(Http.get("/api/modules/tro-ly-ai")).asJsonObject().getString("version");
      }
      assertNotEquals(oldVersion, current, "the edited quiz is served");
      assertNotEquals(QuizKey.correct(before), QuizKey.correct(QuizKey.quiz("tro-ly-ai")));

      HttpResponse<String> submitted =
          submit(resident, started, QuizKey.rightAnswers(before, started));
      assertEquals(200, submitted.statusCode(), submitted.body());
      JsonObject result = Browser.json(submitted);
      assertEquals(result.getInt("maxScore"), result.getInt("score"), "scored with the old key");

      JsonObject fresh = start(resident, "tro-ly-ai");
      assertEquals(current, fresh.getString("version"), "a new attempt uses the new version");
    } finally {
      Files.writeString(quizFile, original, StandardCharsets.UTF_8);
    }
  }

  /** The quiz with [x] and the first [ ] swapped in every question that has one of each. */
  private static String swapKeys(String quiz) {
    StringBuilder out = new StringBuilder();
    for (String block : quiz.split("(?m)^(?=## )")) {
      if (block.contains("Loại:") || !block.contains("- [x] ") || !block.contains("- [ ] ")) {
        out.append(block);
        continue;
      }
      String swapped =
          block.replaceFirst("- \\[x\\] ", "- [?] ").replaceFirst("- \\[ \\] ", "- [x] ");
      out.append(swapped.replace("- [?] ", "- [ ] "));
    }
    return out.toString();
  }
}
