package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quiz statistics for authors on the running servers: residents take a new module's quiz over the
 * API, the background job of both instances counts their submissions (never the submission's own
 * transaction), and the page and its CSV give the shares, the discrimination index and the flags
 * that the answers given here imply, each submission counted once.
 */
class QuizStatisticsIT {

  static Browser trainer;
  static Browser editor;
  static Browser learner;

  @BeforeAll
  static void people() {
    Http.awaitReady();
    trainer = Staff.withRole("Thống Kê Văn Soạn", "trainer", Residents.HAI_CHAU);
    editor = Staff.withRole("Thống Kê Thị Duyệt", "editor", Residents.HAI_CHAU);
    learner = new Browser();
    Residents.register(learner, "Thống Kê Thị Học", Residents.newPhone(), Residents.HAI_CHAU);
  }

  @AfterAll
  static void retireLeftovers() {
    DraftsIT.retireLeftovers(editor);
  }

  /** Four questions, all shown in every attempt: one of each kind the answers below exercise. */
  static final String QUIZ =
      """
      ---
      draw: 4
      ---

      ## Câu dễ: chọn dòng "Dễ đúng"

      Bài học: bai

      - [x] Dễ đúng
      - [ ] Dễ sai một
      - [ ] Dễ sai hai

      > Lời giải câu dễ.

      ## Câu khó: chọn cả hai điều đúng

      Bài học: bai
      Loại: nhiều đáp án

      - [x] Khó đúng một
      - [x] Khó đúng hai
      - [ ] Khó sai

      > Lời giải câu khó.

      ## Câu ngược: người lạ gọi điện xin mã OTP là bình thường

      Bài học: bai
      Loại: đúng sai

      - [x] Đúng
      - [ ] Sai

      > Lời giải câu ngược.

      ## Câu sắp xếp các bước

      Bài học: bai
      Loại: sắp xếp

      1. Bước một
      2. Bước hai
      3. Bước ba

      > Lời giải câu sắp xếp.
      """;

  static final int RESIDENTS = 40;

  /**
   * What resident {@code i} answers, by option text: the first residents do well on the hard and
   * the ordering questions and answer the reversed one wrong, the last the other way round. The
   * shares and the signs of the indexes this gives were chosen beforehand: easy 97.5 % (index just
   * above 0), hard 27.5 % (0.38), reversed 40 % (−0.59), ordering 35 % (0.21).
   */
  static Map<String, List<String>> answersOf(int i) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    answers.put("Câu dễ", List.of(i == 39 ? "Dễ sai một" : "Dễ đúng"));
    answers.put(
        "Câu khó",
        i < 11
            ? List.of("Khó đúng một", "Khó đúng hai")
            : i < 30 ? List.of("Khó đúng một") : List.of());
    answers.put("Câu ngược", List.of(i < 24 ? "Sai" : "Đúng"));
    answers.put(
        "Câu sắp xếp",
        i < 14
            ? List.of("Bước một", "Bước hai", "Bước ba")
            : List.of("Bước một", "Bước ba", "Bước hai"));
    return answers;
  }

  static boolean right(String question, List<String> chosen) {
    return switch (question) {
      case "Câu dễ" -> chosen.equals(List.of("Dễ đúng"));
      case "Câu khó" -> chosen.size() == 2;
      case "Câu ngược" -> chosen.equals(List.of("Đúng"));
      default -> chosen.equals(List.of("Bước một", "Bước hai", "Bước ba"));
    };
  }

  /** The question a shown question's text belongs to ("Câu dễ", …). */
  static String key(String text) {
    return text.substring(0, text.indexOf(':') > 0 ? text.indexOf(':') : text.length())
        .replace(" các bước", "");
  }

  static String publishedQuizModule() {
    String module = DraftsIT.newModuleId();
    long draft = DraftsIT.created(trainer, module).getJsonNumber("id").longValue();
    DraftsIT.saved(
        trainer,
        draft,
        "modules/" + module + "/_index.md",
        DraftsIT.index("Thống kê " + module, DraftsIT.weight()),
        0);
    DraftsIT.saved(
        trainer, draft, "modules/" + module + "/10-bai/index.md", DraftsIT.lesson("Bài."), 0);
    DraftsIT.saved(trainer, draft, "modules/" + module + "/quiz.md", QUIZ, 0);
    assertEquals(
        200, DraftsIT.post(trainer, "/api/drafts/" + draft + "/submit", "{}").statusCode());
    HttpResponse<String> published =
        DraftsIT.post(editor, "/api/drafts/" + draft + "/publish", "{\"comment\": \"Thống kê\"}");
    assertEquals(200, published.statusCode(), published.body());
    return module;
  }

  /** Starts an attempt as a new guest; its questions by key, each with option text → id. */
  record Started(
      Browser guest,
      String id,
      Map<String, String> questionIds,
      Map<String, Map<String, String>> options) {}

  static Started start(String module) {
    Browser guest = new Browser();
    HttpResponse<String> response = guest.postJson("/api/modules/" + module + "/attempts", "");
    assertEquals(201, response.statusCode(), response.body());
    JsonObject started = Browser.json(response);
    Map<String, String> questionIds = new HashMap<>();
    Map<String, Map<String, String>> options = new HashMap<>();
    for (JsonObject question : started.getJsonArray("questions").getValuesAs(JsonObject.class)) {
      String key = key(question.getString("text"));
      questionIds.put(key, question.getString("id"));
      Map<String, String> byText = new HashMap<>();
      for (JsonObject option : question.getJsonArray("options").getValuesAs(JsonObject.class)) {
        byText.put(
            option.getString("html").replaceAll("<[^>]+>", "").trim(), option.getString("id"));
      }
      options.put(key, byText);
    }
    return new Started(guest, started.getString("attemptId"), questionIds, options);
  }

  static HttpResponse<String> submit(Started attempt, Map<String, List<String>> answers) {
    StringBuilder body = new StringBuilder("{\"answers\":{");
    boolean first = true;
    for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
      body.append(first ? "" : ",")
          .append('"')
          .append(attempt.questionIds().get(answer.getKey()))
          .append("\":[");
      List<String> ids = new ArrayList<>();
      for (String text : answer.getValue()) {
        ids.add('"' + attempt.options().get(answer.getKey()).get(text) + '"');
      }
      body.append(String.join(",", ids)).append(']');
      first = false;
    }
    body.append("}}");
    return attempt
        .guest()
        .postJson("/api/attempts/" + attempt.id() + "/submission", body.toString());
  }

  static List<CSVRecord> csv(String module) {
    return csvAt(module + "/tai-ve");
  }

  /** The CSV at {@code /bien-tap/thong-ke/} followed by {@code path}. */
  static List<CSVRecord> csvAt(String path) {
    HttpResponse<String> response = editor.get("/bien-tap/thong-ke/" + path);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
        response.headers().toString());
    String body = response.body();
    assertTrue(body.startsWith("\uFEFF"), "a BOM for Excel");
    try (var parser =
        CSVFormat.EXCEL
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build()
            .parse(new StringReader(body.substring(1)))) {
      return parser.getRecords();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static List<CSVRecord> awaitCsv(String module, Predicate<List<CSVRecord>> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<CSVRecord> last = null;
    while (System.nanoTime() < deadline) {
      last = csv(module);
      if (condition.test(last)) {
        return last;
      }
      Http.sleep(200);
    }
    fail("the statistics job did not count as expected within 30 s: " + last);
    return last;
  }

  static long attempts(List<CSVRecord> rows) {
    return Long.parseLong(rows.get(0).get("Số lượt gặp"));
  }

  /** The row of a question, found by the start of its text. */
  static CSVRecord question(List<CSVRecord> rows, String key) {
    return rows.stream()
        .filter(
            row ->
                row.get("Nội dung").startsWith(key)
                    && row.get("Loại").length() > 0
                    && !row.get("Loại").startsWith("lựa chọn")
                    && !row.get("Loại").startsWith("bước"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " not in " + rows));
  }

  static CSVRecord option(List<CSVRecord> rows, String text) {
    return rows.stream()
        .filter(row -> row.get("Nội dung").equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError(text + " not in " + rows));
  }

  /** Pearson's correlation of right-or-not with the rest of the score, as the test sees them. */
  static double restCorrelation(List<Integer> x, List<Integer> scores) {
    int n = x.size();
    double mx = 0;
    double mr = 0;
    for (int i = 0; i < n; i++) {
      mx += x.get(i);
      mr += scores.get(i) - x.get(i);
    }
    mx /= n;
    mr /= n;
    double sxr = 0;
    double sxx = 0;
    double srr = 0;
    for (int i = 0; i < n; i++) {
      double dx = x.get(i) - mx;
      double dr = scores.get(i) - x.get(i) - mr;
      sxr += dx * dr;
      sxx += dx * dx;
      srr += dr * dr;
    }
    return sxr / Math.sqrt(sxx * srr);
  }

  static String twoDecimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  @Test
  void residentsAnswersBecomeSharesADiscriminationIndexAndFlagsOnThePageAndInTheCsv() {
    String module = publishedQuizModule();
    // An attempt started first and left open holds the job's mark back: the submissions after it
    // are counted all the same, and it is counted once it is submitted.
    Started early = start(module);
    List<Started> attempts = new ArrayList<>();
    for (int i = 0; i < RESIDENTS; i++) {
      attempts.add(start(module));
    }
    Map<String, List<Integer>> rightByQuestion = new LinkedHashMap<>();
    List<Integer> scores = new ArrayList<>();
    for (int i = 0; i < RESIDENTS; i++) {
      Map<String, List<String>> answers = answersOf(i);
      HttpResponse<String> submitted = submit(attempts.get(i), answers);
      assertEquals(200, submitted.statusCode(), submitted.body());
      int score = 0;
      for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
        int right = right(answer.getKey(), answer.getValue()) ? 1 : 0;
        rightByQuestion.computeIfAbsent(answer.getKey(), k -> new ArrayList<>()).add(right);
        score += right;
      }
      scores.add(score);
      assertEquals(score, Browser.json(submitted).getInt("score"), submitted.body());
    }
    // The same submission sent again is answered from the stored result and not counted again.
    assertEquals(200, submit(attempts.get(0), answersOf(0)).statusCode());

    List<CSVRecord> rows = awaitCsv(module, r -> attempts(r) == RESIDENTS);
    CSVRecord whole = rows.get(0);
    assertEquals("Cả bài", whole.get("Câu"));
    long passed = scores.stream().filter(score -> score * 100 >= 50 * 4).count();
    assertEquals(String.valueOf(passed), whole.get("Số lượt"));
    double mean = scores.stream().mapToInt(Integer::intValue).sum() / (double) RESIDENTS / 4;
    assertEquals(String.format(Locale.ROOT, "%.1f", mean * 100), whole.get("Điểm trung bình (%)"));

    // Shares right, and the flags they imply.
    CSVRecord easy = question(rows, "Câu dễ");
    assertEquals("40", easy.get("Số lượt gặp"));
    assertEquals("39", easy.get("Số lượt"));
    assertEquals("97.5", easy.get("Tỉ lệ (%)"));
    assertTrue(easy.get("Cần xem lại").contains("Quá dễ"), easy.toString());
    CSVRecord hard = question(rows, "Câu khó");
    assertEquals("11", hard.get("Số lượt"));
    assertEquals("27.5", hard.get("Tỉ lệ (%)"));
    assertTrue(hard.get("Cần xem lại").contains("Quá khó"), hard.toString());
    CSVRecord reversed = question(rows, "Câu ngược");
    assertEquals("40.0", reversed.get("Tỉ lệ (%)"));
    assertEquals("Phân loại ngược", reversed.get("Cần xem lại"), reversed.toString());

    // The discrimination index is the correlation with the rest of the score, from the raw
    // answers here; the reversed question's is negative.
    for (String key : List.of("Câu dễ", "Câu khó", "Câu ngược", "Câu sắp xếp")) {
      double expected = restCorrelation(rightByQuestion.get(key), scores);
      assertEquals(twoDecimals(expected), question(rows, key).get("Độ phân biệt"), key);
    }
    assertTrue(Double.parseDouble(reversed.get("Độ phân biệt")) < 0);

    // Per option: the share choosing it (of those shown the question), blanks apart; for the
    // ordering question, the share that put each step in its place.
    assertEquals("1", option(rows, "Dễ sai một").get("Số lượt"));
    assertEquals("0", option(rows, "Dễ sai hai").get("Số lượt"));
    assertEquals("30", option(rows, "Khó đúng một").get("Số lượt"));
    assertEquals("75.0", option(rows, "Khó đúng một").get("Tỉ lệ (%)"));
    assertEquals("đúng", option(rows, "Khó đúng hai").get("Đáp án đúng"));
    assertEquals("", option(rows, "Khó sai").get("Đáp án đúng"));
    CSVRecord blank =
        rows.stream()
            .filter(row -> row.get("Nội dung").equals("(bỏ trống)"))
            .filter(row -> row.get("Câu").equals(hard.get("Câu")))
            .findFirst()
            .orElseThrow();
    assertEquals("10", blank.get("Số lượt"));
    assertEquals("40", option(rows, "Bước một").get("Số lượt"));
    assertEquals("14", option(rows, "Bước hai").get("Số lượt"));
    assertEquals("35.0", option(rows, "Bước ba").get("Tỉ lệ (%)"));

    // The page shows the same figures, in Vietnamese numbers.
    String page = editor.get("/bien-tap/thong-ke/" + module).body();
    assertTrue(page.contains("97,5\u00a0%"), page);
    assertTrue(page.contains("Quá dễ"), page);
    assertTrue(page.contains("Quá khó"), page);
    assertTrue(page.contains("Phân loại ngược"), page);
    assertTrue(page.contains("(đáp án đúng)"), page);
    assertTrue(page.contains("Đặt đúng chỗ"), page);
    String overview = trainer.get("/bien-tap/thong-ke").body();
    assertTrue(overview.contains("/bien-tap/thong-ke/" + module), overview);
    assertTrue(overview.contains("3 câu cần xem lại"), overview);

    // The attempt left open is counted when it is submitted, once.
    Map<String, List<String>> allRight = answersOf(0);
    allRight.put("Câu ngược", List.of("Đúng"));
    assertEquals(200, submit(early, allRight).statusCode());
    List<CSVRecord> after = awaitCsv(module, r -> attempts(r) == RESIDENTS + 1);
    assertEquals("40", question(after, "Câu dễ").get("Số lượt"));
    Http.sleep(5_000); // both instances' jobs run again: nothing is counted twice
    assertEquals(RESIDENTS + 1, attempts(csv(module)));

    // A lesson changed: a new content version, without attempts yet. Its page says so and leads
    // to the version before, whose figures stay as they were.
    String lessonPath = "modules/" + module + "/10-bai/index.md";
    long change = DraftsIT.created(trainer, module).getJsonNumber("id").longValue();
    HttpResponse<String> edited =
        DraftsIT.save(
            trainer,
            change,
            lessonPath,
            DraftsIT.lesson("Bài đã sửa."),
            0,
            DraftsIT.publishedRevision(editor, module, lessonPath));
    assertEquals(200, edited.statusCode(), edited.body());
    DraftsIT.post(trainer, "/api/drafts/" + change + "/submit", "{}");
    JsonObject republished =
        Browser.json(DraftsIT.post(editor, "/api/drafts/" + change + "/publish", "{}"));
    String oldVersion = republished.getString("oldVersion");
    String newPage = editor.get("/bien-tap/thong-ke/" + module).body();
    assertTrue(newPage.contains(republished.getString("newVersion")), newPage);
    assertTrue(newPage.contains("chưa có lượt nộp bài nào"), newPage);
    assertTrue(
        newPage.contains("/bien-tap/thong-ke/" + module + "?phien-ban=" + oldVersion), newPage);
    String oldPage = editor.get("/bien-tap/thong-ke/" + module + "?phien-ban=" + oldVersion).body();
    assertTrue(oldPage.contains("(phiên bản cũ)"), oldPage);
    assertTrue(oldPage.contains("97,6\u00a0%"), oldPage); // 40 of the 41 right
    assertEquals(RESIDENTS + 1, attempts(csvAt(module + "/tai-ve?phien-ban=" + oldVersion)));

    DraftsIT.retire(editor, module);
    // A retired module's figures stay readable for its authors: its last version with attempts.
    assertEquals(RESIDENTS + 1, attempts(csv(module)));
  }

  @Test
  void onlyAuthorsSeeTheStatistics() {
    assertEquals(403, learner.get("/bien-tap/thong-ke").statusCode());
    assertEquals(403, learner.get("/bien-tap/thong-ke/vneid/tai-ve").statusCode());
    HttpResponse<String> guest = new Browser().get("/bien-tap/thong-ke");
    assertEquals(303, guest.statusCode());
    assertTrue(guest.headers().firstValue("Location").orElse("").contains("/dang-nhap"));
    assertEquals(404, editor.get("/bien-tap/thong-ke/khong-co-hoc-phan-nay").statusCode());
    assertEquals(200, trainer.get("/bien-tap/thong-ke/vneid").statusCode());
  }

  // ---- The job's mark, with attempts written straight into MariaDB.

  private static String attemptId(Instant started) {
    byte[] random = new byte[10];
    new java.security.SecureRandom().nextBytes(random);
    return String.format("%012x", started.toEpochMilli()) + HexFormat.of().formatHex(random);
  }

  private static void insert(
      Connection db, String id, String module, Instant started, Instant expires, boolean submitted)
      throws Exception {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO quiz_attempt (id, module_id, version, owner_hash, questions,"
                + " question_count, pass_mark, started_at, expires_at, submitted_at, answers,"
                + " answers_hash, score, passed, results) VALUES (?, ?, 'v00000000001', ?,"
                + " '[{\"q\":\"q000000001\",\"o\":[\"o0000001\",\"o0000002\"]}]', 1, 50, ?, ?,"
                + " ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, module);
      insert.setString(3, "d".repeat(64));
      insert.setTimestamp(4, Timestamp.from(started));
      insert.setTimestamp(5, Timestamp.from(expires));
      insert.setTimestamp(6, submitted ? Timestamp.from(started.plusSeconds(60)) : null);
      insert.setString(7, submitted ? "{\"q000000001\":[\"o0000001\"]}" : null);
      insert.setString(8, submitted ? "e".repeat(64) : null);
      insert.setObject(9, submitted ? 1 : null);
      insert.setObject(10, submitted ? Boolean.TRUE : null);
      insert.setString(11, submitted ? "[{\"q\":\"q000000001\",\"c\":true}]" : null);
      insert.executeUpdate();
    }
  }

  private static String mark(Connection db) throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT folded_below FROM quiz_stats_fold")) {
      row.next();
      return row.getString(1);
    }
  }

  private static boolean ahead(Connection db, String id) throws Exception {
    try (PreparedStatement select =
        db.prepareStatement("SELECT 1 FROM quiz_stats_ahead WHERE attempt_id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private static long counted(Connection db, String module) throws Exception {
    try (PreparedStatement select =
        db.prepareStatement("SELECT attempts FROM quiz_stats WHERE module_id = ?")) {
      select.setString(1, module);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  private static void awaitCounted(Connection db, String module, long expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (counted(db, module) != expected) {
      if (System.nanoTime() > deadline) {
        fail(module + ": " + counted(db, module) + " counted, not " + expected);
      }
      Thread.sleep(100);
    }
  }

  /**
   * Recounts everything from the start, as an operator would (src/docs/quiz-statistics.md): the
   * mark's row locked, the counters emptied and the mark set back in one transaction, so a job
   * running meanwhile waits and then counts every attempt once. The attempts of this test go in
   * with it, forty days back, before any attempt that could still be open.
   */
  @Test
  void theMarkStopsAtAnOpenAttemptWhileLaterSubmissionsAreCountedOnce() throws Exception {
    String module = "thu-thong-ke-" + UUID.randomUUID().toString().substring(0, 8);
    Instant base = Instant.now().minus(Duration.ofDays(40));
    String submittedFirst = attemptId(base);
    String open = attemptId(base.plusSeconds(60));
    String submittedAfter = attemptId(base.plusSeconds(120));
    String expired = attemptId(base.plusSeconds(180));
    try (Connection db = Database.connect()) {
      db.setAutoCommit(false);
      try (Statement statement = db.createStatement()) {
        statement.executeQuery("SELECT folded_below FROM quiz_stats_fold FOR UPDATE").close();
        statement.executeUpdate("DELETE FROM quiz_stats");
        statement.executeUpdate("DELETE FROM quiz_question_stats");
        statement.executeUpdate("DELETE FROM quiz_option_stats");
        statement.executeUpdate("DELETE FROM quiz_stats_ahead");
        statement.executeUpdate("UPDATE quiz_stats_fold SET folded_below = ''");
      }
      Instant future = Instant.now().plus(Duration.ofDays(1));
      insert(db, submittedFirst, module, base, base.plus(Duration.ofDays(1)), true);
      insert(db, open, module, base.plusSeconds(60), future, false);
      insert(db, submittedAfter, module, base.plusSeconds(120), future, true);
      insert(db, expired, module, base.plusSeconds(180), base.plus(Duration.ofDays(1)), false);
      db.commit();
      db.setAutoCommit(true);

      awaitCounted(db, module, 2);
      assertEquals(open, mark(db), "the mark waits at the open attempt");
      assertTrue(ahead(db, submittedAfter), "the submission past it is remembered as counted");

      try (PreparedStatement submit =
          db.prepareStatement(
              "UPDATE quiz_attempt SET submitted_at = ?, answers = '{\"q000000001\":[]}',"
                  + " answers_hash = ?, score = 0, passed = FALSE,"
                  + " results = '[{\"q\":\"q000000001\",\"c\":false}]' WHERE id = ?")) {
        submit.setTimestamp(1, Timestamp.from(Instant.now()));
        submit.setString(2, "f".repeat(64));
        submit.setString(3, open);
        submit.executeUpdate();
      }
      awaitCounted(db, module, 3);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (mark(db).compareTo(expired) <= 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(mark(db).compareTo(expired) > 0, "past the open, the later and the expired");
      assertTrue(!ahead(db, submittedAfter), "forgotten once the mark passed it");
      Thread.sleep(5_000); // both instances' jobs run again: nothing is counted twice
      assertEquals(3, counted(db, module));
      try (PreparedStatement question =
          db.prepareStatement(
              "SELECT shown, answered, correct FROM quiz_question_stats WHERE module_id = ?")) {
        question.setString(1, module);
        try (ResultSet row = question.executeQuery()) {
          assertTrue(row.next());
          assertEquals(3, row.getLong(1));
          assertEquals(2, row.getLong(2), "the late one left it blank");
          assertEquals(2, row.getLong(3));
        }
      }
      try (PreparedStatement cleanUp =
          db.prepareStatement("DELETE FROM quiz_attempt WHERE module_id = ?")) {
        cleanUp.setString(1, module);
        cleanUp.executeUpdate();
      }
    }
  }
}
