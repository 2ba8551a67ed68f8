package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.hocso.content.entity.Quiz;

/** Passing a quiz signed in issues a completion; certificates are shown, printed and verified. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificatesIT {

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  /** Passes a module's quiz with the right answers; returns the submission result. */
  static JsonObject pass(Browser resident, String moduleId) {
    Quiz quiz = QuizKey.quiz(moduleId);
    HttpResponse<String> started = resident.postJson("/api/modules/" + moduleId + "/attempts", "");
    assertEquals(201, started.statusCode(), started.body());
    JsonObject attempt = Browser.json(started);
    HttpResponse<String> submitted =
        resident.postJson(
            "/api/attempts/" + attempt.getString("attemptId") + "/submission",
            QuizKey.rightAnswers(quiz, attempt));
    assertEquals(200, submitted.statusCode(), submitted.body());
    JsonObject result = Browser.json(submitted);
    assertTrue(result.getBoolean("passed"));
    return result;
  }

  static List<JsonObject> completions(Browser resident) {
    List<JsonObject> list = new ArrayList<>();
    for (JsonValue value : Http.json(resident.get("/api/me/completions")).asJsonArray()) {
      list.add(value.asJsonObject());
    }
    return list;
  }

  static JsonObject completion(Browser resident, String subjectId) {
    return completions(resident).stream()
        .filter(c -> c.getString("subjectId").equals(subjectId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no completion of " + subjectId));
  }

  @Test
  @Order(1)
  void aPassIssuesOneCompletionPinnedToItsVersionAndLaterPassesAddNothing() {
    Browser resident = new Browser();
    Residents.register(resident, "Nguyễn Thị Hoa", Residents.newPhone(), Residents.HAI_CHAU);
    assertEquals(List.of(), completions(resident));
    pass(resident, "vneid");
    JsonObject first = completion(resident, "vneid");
    assertEquals("module", first.getString("type"));
    assertEquals(
        Http.json(Http.get("/api/modules/vneid")).asJsonObject().getString("version"),
        first.getString("version"));
    assertEquals(QuizKey.quiz("vneid").draw(), first.getInt("score"));
    assertTrue(first.getString("code").matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}"));

    pass(resident, "vneid");
    assertEquals(List.of(first), completions(resident), "a second pass changes nothing");
  }

  @Test
  @Order(2)
  void completingEveryModuleOfAProgramCompletesTheProgram() {
    Browser resident = new Browser();
    Residents.register(resident, "Trương Văn Phúc", Residents.newPhone(), Residents.HAI_CHAU);
    pass(resident, "an-toan-tren-mang");
    Set<String> done =
        completions(resident).stream()
            .map(c -> c.getString("subjectId"))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of("an-toan-tren-mang"),
        done,
        "Gia đình số is a household program (it requires practical skills): no personal completion");
    List<String> basic = QuizKey.programModules("ky-nang-so-co-ban");
    for (String moduleId : basic) {
      if (!done.contains(moduleId)) {
        pass(resident, moduleId);
      }
    }
    JsonObject program = completion(resident, "ky-nang-so-co-ban");
    assertEquals("program", program.getString("type"));
    for (String moduleId : basic) {
      assertTrue(
          program.getString("version").contains(moduleId + "@"), program.getString("version"));
    }
    String page = resident.get("/tien-do").body();
    assertTrue(page.contains("✓ Đã hoàn thành</span> <strong>Kỹ năng số cơ bản</strong>"), page);
  }

  /**
   * A learner's passes that arrive together are written in one transaction: the last modules of a
   * program passed at once complete the program once, and two passes of one module at once issue
   * one completion.
   */
  @Test
  @Order(2)
  void passesArrivingTogetherCompleteTheProgramOnce() throws Exception {
    Browser resident = new Browser();
    Residents.register(resident, "Đặng Thị Sen", Residents.newPhone(), Residents.HAI_CHAU);
    List<String> basic = QuizKey.programModules("ky-nang-so-co-ban");
    List<String> modules = new ArrayList<>(basic);
    modules.add(basic.get(0));
    List<java.util.concurrent.Callable<HttpResponse<String>>> submissions = new ArrayList<>();
    for (String moduleId : modules) {
      Quiz quiz = QuizKey.quiz(moduleId);
      HttpResponse<String> started =
          resident.postJson("/api/modules/" + moduleId + "/attempts", "");
      assertEquals(201, started.statusCode(), started.body());
      JsonObject attempt = Browser.json(started);
      String body = QuizKey.rightAnswers(quiz, attempt);
      submissions.add(
          () ->
              resident.postJson(
                  "/api/attempts/" + attempt.getString("attemptId") + "/submission", body));
    }
    for (HttpResponse<String> submitted : QuizApiIT.atOnce(submissions)) {
      assertEquals(200, submitted.statusCode(), submitted.body());
      assertTrue(Browser.json(submitted).getBoolean("passed"));
    }
    List<String> subjects =
        completions(resident).stream().map(c -> c.getString("subjectId")).sorted().toList();
    List<String> expected = new ArrayList<>(basic);
    expected.add("ky-nang-so-co-ban");
    assertEquals(expected.stream().sorted().toList(), subjects);
    String versions = completion(resident, "ky-nang-so-co-ban").getString("version");
    for (String moduleId : basic) {
      assertTrue(
          versions.contains(moduleId + "@" + completion(resident, moduleId).getString("version")),
          versions);
    }
  }

  @Test
  @Order(3)
  void aPracticePassBeforeRegisteringIsClaimedOnceInTheSameBrowser() {
    Browser resident = new Browser();
    pass(resident, "tro-ly-ai");
    Residents.register(resident, "Lý Thị Quyên", Residents.newPhone(), Residents.HAI_CHAU);
    assertEquals(
        Set.of("tro-ly-ai"),
        completions(resident).stream()
            .map(c -> c.getString("subjectId"))
            .collect(Collectors.toSet()));
    // A second account made in the same browser claims nothing more.
    Browser sameBrowser = resident;
    assertEquals(204, sameBrowser.delete("/api/sessions/current").statusCode());
    Residents.register(sameBrowser, "Lý Văn Rạng", Residents.newPhone(), Residents.HAI_CHAU);
    assertEquals(List.of(), completions(sameBrowser));
  }

  @Test
  @Order(4)
  void theCertificateShowsTheLearnerAndPrintsAsAPdfWithVietnameseText() throws Exception {
    Browser resident = new Browser();
    Residents.register(resident, "Nguyễn Thị Hoa", Residents.newPhone(), Residents.HAI_CHAU);
    pass(resident, "chu-ky-so");
    String code = completion(resident, "chu-ky-so").getString("code");
    String page = resident.get("/chung-nhan/" + code).body();
    assertTrue(page.contains("<p class=\"who\">Nguyễn Thị Hoa</p>"), page);
    assertTrue(page.contains("<p class=\"what\">Chữ ký số</p>"), page);
    assertTrue(page.contains("Hải Châu"), page);
    assertTrue(page.contains("src=\"/chung-nhan/" + code + "/qr.png\""));
    HttpResponse<byte[]> qr = bytes(resident, "/chung-nhan/" + code + "/qr.png");
    assertEquals(200, qr.statusCode());
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(qr.body(), 4));

    HttpResponse<byte[]> pdf = bytes(resident, "/api/completions/" + code + "/certificate.pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
    PdfReader reader = new PdfReader(pdf.body());
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    assertTrue(text.contains("CHỨNG NHẬN HOÀN THÀNH"), text);
    assertTrue(text.contains("Nguyễn Thị Hoa"), text);
    assertTrue(text.contains("đã hoàn thành học phần"), text);
    assertTrue(text.contains("Chữ ký số"), text);
    // A certificate to be proud of: the issuer, the ward's place to sign and stamp, the code, and
    // the configured public address (never the request's Host) where anyone checks it.
    String verify = System.getProperty("public.url") + "/xac-minh/";
    assertTrue(text.contains("HỌC SỐ – BÌNH DÂN HỌC VỤ SỐ"), "the issuer: " + text);
    assertTrue(text.contains("GIẤY CHỨNG NHẬN HOÀN THÀNH"), text);
    assertTrue(text.contains("XÁC NHẬN CỦA HẢI CHÂU"), "the ward signs: " + text);
    assertTrue(text.contains("(Ký, ghi rõ họ tên và đóng dấu)"), text);
    assertTrue(text.contains("Mã xác minh: "), text);
    assertTrue(text.replace("\n", "").contains(verify), "the configured address: " + text);
    for (String onScreen :
        List.of(
            "<p class=\"issuer\">Học Số – Bình dân học vụ số</p>",
            "Giấy chứng nhận hoàn thành",
            "Xác nhận của Hải Châu",
            "(Ký, ghi rõ họ tên và đóng dấu)",
            "Ai cũng kiểm tra được tại " + verify)) {
      assertTrue(page.contains(onScreen), "the page shows as the PDF prints: " + onScreen);
    }
    assertTrue(
        new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains("LiberationSans"),
        "font embedded");
  }

  private static HttpResponse<byte[]> bytes(Browser browser, String path) {
    return browser.sendBytes(HttpRequest.newBuilder(URI.create(Http.BASE + path)).GET());
  }

  @Test
  @Order(5)
  void onlyTheLearnerAnAdminOrStaffOfTheWardSeeACertificate() throws Exception {
    Browser owner = new Browser();
    Residents.register(owner, "Mạc Thị Sen", Residents.newPhone(), Residents.HAI_CHAU);
    pass(owner, "thue-dien-tu");
    String code = completion(owner, "thue-dien-tu").getString("code");

    Browser other = new Browser();
    Residents.register(other, "Mạc Văn Tùng", Residents.newPhone(), Residents.HAI_CHAU);
    HttpResponse<String> page = other.get("/chung-nhan/" + code);
    assertEquals(403, page.statusCode());
    assertTrue(page.body().contains("Giấy chứng nhận này không phải của bác."));
    assertEquals(403, other.get("/api/completions/" + code + "/certificate.pdf").statusCode());
    assertEquals(403, other.get("/chung-nhan/" + code + "/qr.png").statusCode());
    assertEquals(
        401, new Browser().get("/api/completions/" + code + "/certificate.pdf").statusCode());

    Browser officer = new Browser();
    Residents.register(officer, "Cán Bộ Sen", Residents.newPhone(), Residents.HAI_CHAU);
    Browser elsewhere = new Browser();
    Residents.register(elsewhere, "Cán Bộ Tùng", Residents.newPhone(), Residents.HOA_CUONG);
    try (java.sql.Connection db = Database.connect()) {
      db.createStatement()
          .executeUpdate(
              "INSERT INTO account_role (account_id, role) SELECT id, 'officer' FROM account"
                  + " WHERE display_name IN ('Cán Bộ Sen', 'Cán Bộ Tùng')");
    }
    assertEquals(200, officer.get("/api/completions/" + code + "/certificate.pdf").statusCode());
    assertEquals(403, elsewhere.get("/api/completions/" + code + "/certificate.pdf").statusCode());
  }

  @Test
  @Order(6)
  void publicVerificationShowsAMaskedNameAndNothingElse() {
    Browser resident = new Browser();
    Residents.register(resident, "Nguyễn Thị Hoa", Residents.newPhone(), Residents.HAI_CHAU);
    pass(resident, "dich-vu-cong");
    JsonObject completion = completion(resident, "dich-vu-cong");
    String code = completion.getString("code");
    String dashed = code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);

    HttpResponse<String> api = Http.get("/api/verify/" + dashed.toLowerCase());
    assertEquals(200, api.statusCode(), api.body());
    JsonObject verified = Http.json(api).asJsonObject();
    assertEquals(
        Set.of("maskedName", "subjectType", "title", "completedAt", "ward", "version"),
        verified.keySet());
    assertEquals("Nguyễn T. H.", verified.getString("maskedName"));
    assertEquals("Dịch vụ công trực tuyến", verified.getString("title"));
    assertEquals("Hải Châu", verified.getString("ward"));
    assertEquals(completion.getString("version"), verified.getString("version"));

    String page = Http.get("/xac-minh/" + dashed).body();
    assertTrue(page.contains("✓ Giấy chứng nhận này có thật."), page);
    assertTrue(page.contains("Nguyễn T. H."));
    assertFalse(page.contains("Nguyễn Thị Hoa"), "never the full name");
    assertEquals(303, Http.get("/xac-minh?ma=" + dashed).statusCode());
  }

  @Test
  @Order(7)
  void unknownCodesSaySoAndGuessingManyIsStopped() {
    String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      StringBuilder guess = new StringBuilder();
      for (int c = 0; c < 12; c++) {
        guess.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
      }
      HttpResponse<String> response = Http.get("/api/verify/" + guess);
      statuses.add(response.statusCode());
      if (response.statusCode() == 404) {
        assertEquals(
            "Không có giấy chứng nhận nào mang mã này.",
            Http.json(response).asJsonObject().getString("error"));
      }
    }
    assertTrue(statuses.contains(404), statuses.toString());
    assertTrue(
        statuses.subList(30, 40).stream().allMatch(status -> status == 429), statuses.toString());
    HttpResponse<String> page = Http.get("/xac-minh/ABCD-EFGH-JKMN");
    assertEquals(429, page.statusCode());
    assertTrue(page.body().contains("Bác tra cứu nhiều quá."), page.body());
  }
}
