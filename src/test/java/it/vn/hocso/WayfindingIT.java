package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hocso.content.entity.Quiz;

/**
 * Every person finds their way: each role lands on its own main page and sees its own menu, pages
 * shared by everyone stay the same bytes for everyone, a guest who passes is told how to keep the
 * result, and forms keep what was typed when they refuse it.
 */
class WayfindingIT {

  /** A ward of this test's own, so its targets and teams disturb no other test. */
  static String wardKey;

  static long wardId;

  @BeforeAll
  static void ready() {
    Http.awaitReady();
    if (wardKey == null) {
      wardKey = String.valueOf(50000 + System.nanoTime() % 9000);
      String csv =
          "ma,ten,loai,ma_tinh,ten_tinh\n" + wardKey + ",Thử Nghiệm Lối Đi,xã,46,Tỉnh Thử\n";
      HttpResponse<String> imported =
          Staff.admin().post("/api/wards/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
      assertEquals(200, imported.statusCode(), imported.body());
      wardId =
          Http.json(Http.get("/api/wards")).asJsonArray().stream()
              .map(value -> value.asJsonObject())
              .filter(ward -> wardKey.equals(ward.getString("key")))
              .findFirst()
              .orElseThrow()
              .getJsonNumber("id")
              .longValue();
    }
  }

  static List<Map.Entry<String, String>> form(String... namesAndValues) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.add(new SimpleEntry<>(namesAndValues[i], namesAndValues[i + 1]));
    }
    return fields;
  }

  /** Signs in with the form, as a person does; returns the answer (a redirect). */
  static HttpResponse<String> signInByForm(Browser browser, String signInName, String password) {
    return browser.postForm("/dang-nhap", form("dang_nhap", signInName, "mat_khau", password));
  }

  static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceFirst("^https?://[^/]+", "");
  }

  @Test
  void eachRoleLandsOnItsMainPageWithItsMenu() {
    String learnerPhone = Residents.newPhone();
    Residents.register(new Browser(), "Trịnh Thị Người Học", learnerPhone, wardId);
    String trainerPhone = Residents.newPhone();
    Staff.withRole("Trịnh Văn Giảng Viên", "trainer", wardId, trainerPhone);
    String officerPhone = Residents.newPhone();
    Staff.withRole("Trịnh Thị Cán Bộ", "officer", wardId, officerPhone);

    Map<String, List<String>> expected =
        Map.of(
            learnerPhone,
            List.of("/tien-do", "/ho-gia-dinh", "/dang-xuat"),
            trainerPhone,
            List.of("/ho-tro", "/ho-tro/dang-ky", "/quan-ly", "/dang-xuat"),
            officerPhone,
            List.of(
                "/phuong/" + wardKey,
                "/phuong/" + wardKey + "/ho-gia-dinh",
                "/phuong/" + wardKey + "/chi-tieu",
                "/phuong/" + wardKey + "/to-cong-nghe",
                "/phuong/" + wardKey + "/hoat-dong",
                "/phuong/" + wardKey + "/bao-cao",
                "/quan-ly",
                "/dang-xuat"),
            "admin",
            List.of("/quan-ly", "/quan-ly/phuong", "/tinh", "/dang-xuat"));
    for (Map.Entry<String, List<String>> person : expected.entrySet()) {
      Browser browser = new Browser();
      String password =
          person.getKey().equals("admin") ? Staff.adminPassword() : Residents.PASSWORD;
      HttpResponse<String> signedIn = signInByForm(browser, person.getKey(), password);
      assertEquals(303, signedIn.statusCode(), signedIn.body());
      String home = location(signedIn);
      assertEquals(person.getValue().get(0), home, "lands on its main page");
      assertEquals(home, location(browser.get("/tai-khoan")), "Tài khoản leads there too");
      HttpResponse<String> page = browser.get(home);
      assertEquals(200, page.statusCode(), page.body());
      String menu = menu(page.body());
      for (String link : person.getValue()) {
        assertTrue(
            menu.contains("href=\"" + link + "\""), home + " menu lacks " + link + ": " + menu);
      }
      assertTrue(menu.contains("aria-current=\"page\""), "the page is marked in its menu");
    }
    HttpResponse<String> guest = new Browser().get("/tai-khoan");
    assertEquals(303, guest.statusCode());
    assertEquals("/dang-nhap", location(guest));
    assertEquals("no-store", guest.headers().firstValue("Cache-Control").orElseThrow());
  }

  static String menu(String page) {
    int start = page.indexOf("<nav class=\"menu\"");
    assertTrue(start >= 0, "a menu: " + page);
    return page.substring(start, page.indexOf("</nav>", start));
  }

  @Test
  void pagesSharedByEveryoneAreTheSameBytesForEveryone() {
    Browser learner = new Browser();
    Residents.register(learner, "Lâm Thị Đọc Bài", Residents.newPhone(), wardId);
    Browser officer = Staff.withRole("Lâm Văn Cán Bộ", "officer", wardId);
    for (String path : List.of("/", "/hoc-phan/vneid", "/hoc-phan/vneid/cai-dat")) {
      HttpResponse<byte[]> asGuest = new Browser().getBytes(path);
      HttpResponse<byte[]> asLearner = learner.getBytes(path);
      HttpResponse<byte[]> asOfficer = officer.getBytes(path);
      assertEquals(200, asGuest.statusCode(), path);
      assertArrayEquals(asGuest.body(), asLearner.body(), path + ": guest and learner");
      assertArrayEquals(asGuest.body(), asOfficer.body(), path + ": guest and officer");
      assertEquals(
          asGuest.headers().firstValue("ETag"), asOfficer.headers().firstValue("ETag"), path);
      String html = new String(asOfficer.body(), StandardCharsets.UTF_8);
      assertTrue(html.contains("href=\"/tai-khoan\""), path + ": the neutral account link");
      assertFalse(html.contains("Lâm Văn Cán Bộ"), path + ": no one's name");
      assertFalse(html.contains("class=\"menu\""), path + ": no one's menu");
    }
  }

  @Test
  void aGuestWhoPassesIsShownHowToKeepTheResultAndGetsItByRegistering() {
    Browser guest = new Browser();
    Quiz quiz = QuizKey.quiz("thue-dien-tu");
    HttpResponse<String> started = guest.postJson("/api/modules/thue-dien-tu/attempts", "");
    assertEquals(201, started.statusCode(), started.body());
    JsonObject attempt = Browser.json(started);
    String id = attempt.getString("attemptId");
    HttpResponse<String> submitted =
        guest.postJson("/api/attempts/" + id + "/submission", QuizKey.rightAnswers(quiz, attempt));
    assertEquals(200, submitted.statusCode(), submitted.body());

    String result = guest.get("/lam-bai/" + id).body();
    assertTrue(result.contains("Giữ kết quả và nhận giấy chứng nhận"), result);
    assertTrue(result.contains("<a class=\"button button-primary\" href=\"/dang-ky\">"), result);
    String menu = menu(result);
    assertTrue(menu.contains("href=\"/dang-nhap\"") && menu.contains("href=\"/dang-ky\""), menu);

    HttpResponse<String> registered =
        guest.postForm(
            "/dang-ky",
            form(
                "ten",
                "Quách Thị Khách",
                "nam_sinh",
                "1952",
                "phuong",
                String.valueOf(wardId),
                "dang_nhap",
                Residents.newPhone(),
                "mat_khau",
                Residents.PASSWORD,
                "mat_khau_lai",
                Residents.PASSWORD,
                "dong_y",
                "co"));
    assertEquals(303, registered.statusCode(), registered.body());
    assertEquals("/tien-do", location(registered));
    String progress = guest.get("/tien-do").body();
    int module = progress.indexOf("Thuế điện tử");
    assertTrue(module > 0, progress);
    String line =
        progress.substring(progress.lastIndexOf("<li>", module), progress.indexOf("</li>", module));
    assertTrue(line.contains("Đã hoàn thành") && line.contains("/chung-nhan/"), line);
  }

  @Test
  void anAssistedQuizNamesTheResidentAndLeadsBackToTheCard() {
    Browser trainer = Staff.withRole("Hồ Văn Hỗ Trợ", "trainer", wardId);
    long resident =
        Browser.json(
                trainer.postJson(
                    "/api/assisted-registrations",
                    Json.createObjectBuilder()
                        .add("displayName", "Hồ Thị Được Giúp")
                        .add("birthYear", 1948)
                        .add("signInName", Residents.newPhone())
                        .add("password", Residents.PASSWORD)
                        .add("consent", true)
                        .build()
                        .toString()))
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> started =
        trainer.postForm("/ho-tro/nguoi-dan/" + resident + "/kiem-tra/vneid", form());
    assertEquals(303, started.statusCode(), started.body());
    String attempt = location(started);
    String form = trainer.get(attempt).body();
    assertTrue(form.contains("Làm bài cùng người dân <strong>Hồ Thị Được Giúp</strong>"), form);
    String id = attempt.substring(attempt.lastIndexOf('/') + 1);
    HttpResponse<String> submitted =
        trainer.postJson("/api/attempts/" + id + "/submission", "{\"answers\":{}}");
    assertEquals(200, submitted.statusCode(), submitted.body());
    String result = trainer.get(attempt).body();
    assertTrue(result.contains("href=\"/ho-tro/nguoi-dan/" + resident + "\""), result);
    assertTrue(result.contains("Về thẻ của Hồ Thị Được Giúp"), result);
  }

  @Test
  void assistedRegistrationKeepsWhatWasTypedAndNeverDropsAnAddress() throws Exception {
    Browser trainer = Staff.withRole("Mai Văn Đăng Ký", "trainer", wardId);
    long group =
        Browser.json(
                trainer.postJson(
                    "/api/wards/" + wardKey + "/groups",
                    "{\"name\":\"Thôn Giữa " + System.nanoTime() % 10000 + "\"}"))
            .getJsonNumber("id")
            .longValue();
    String phone = Residents.newPhone();
    HttpResponse<String> mismatch =
        trainer.postForm(
            "/ho-tro/dang-ky",
            form(
                "ten", "Mai Thị Nhà Có Số",
                "nam_sinh", "1950",
                "dang_nhap", phone,
                "mat_khau", Residents.PASSWORD,
                "mat_khau_lai", "khac-han-mat-khau",
                "dong_y", "1",
                "to", String.valueOf(group),
                "dia_chi", "Số 9, thôn Giữa"));
    assertEquals(400, mismatch.statusCode());
    String page = mismatch.body();
    assertTrue(page.contains("Hai lần nhập mật khẩu chưa giống nhau."), page);
    assertTrue(page.contains("<option value=\"" + group + "\" selected>"), "group kept: " + page);
    assertTrue(page.contains("value=\"Số 9, thôn Giữa\""), "address kept");
    assertTrue(page.contains("value=\"Mai Thị Nhà Có Số\""), "name kept");
    assertTrue(page.contains("name=\"dong_y\" value=\"1\" required checked"), "consent kept");
    assertFalse(page.contains(Residents.PASSWORD), "never the password");

    HttpResponse<String> noGroup =
        trainer.postForm(
            "/ho-tro/dang-ky",
            form(
                "ten", "Mai Thị Nhà Có Số",
                "nam_sinh", "1950",
                "dang_nhap", phone,
                "mat_khau", Residents.PASSWORD,
                "mat_khau_lai", Residents.PASSWORD,
                "dong_y", "1",
                "to", "",
                "dia_chi", "Số 9, thôn Giữa"));
    assertEquals(400, noGroup.statusCode());
    assertTrue(
        noGroup.body().contains("Bác đã ghi địa chỉ nhà nhưng chưa chọn tổ dân phố"),
        noGroup.body());
    assertEquals(
        401,
        Residents.signIn(new Browser(), phone, Residents.PASSWORD).statusCode(),
        "no account was made");

    HttpResponse<String> done =
        trainer.postForm(
            "/ho-tro/dang-ky",
            form(
                "ten",
                "Mai Thị Nhà Có Số",
                "nam_sinh",
                "1950",
                "dang_nhap",
                phone,
                "mat_khau",
                Residents.PASSWORD,
                "mat_khau_lai",
                Residents.PASSWORD,
                "dong_y",
                "1",
                "to",
                String.valueOf(group),
                "dia_chi",
                "Số 9, thôn Giữa"));
    assertEquals(303, done.statusCode(), done.body());
    String card = trainer.get(location(done)).body();
    assertTrue(card.contains("Hộ: Số 9, thôn Giữa."), card);
  }

  @Test
  void theReportFormShowsAWrongRangeOnTheFormAndHandsOverTheFile() throws Exception {
    Browser officer = Staff.withRole("Đoàn Thị Báo Cáo", "officer", wardId);
    String base = "/phuong/" + wardKey + "/bao-cao";
    assertEquals(200, officer.get(base).statusCode());
    HttpResponse<String> backwards =
        officer.get(base + "/tai?from=2026-12-10&to=2026-12-01&module=&group=&dinh_dang=xlsx");
    assertEquals(400, backwards.statusCode());
    assertTrue(
        backwards.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    String page = backwards.body();
    assertTrue(
        page.contains("Ngày kết thúc (01/12/2026) ở trước ngày bắt đầu (10/12/2026)."), page);
    assertTrue(page.contains("value=\"2026-12-10\"") && page.contains("value=\"2026-12-01\""));
    assertTrue(page.contains("value=\"xlsx\" checked"), "the chosen kind of file kept");

    HttpResponse<String> fine =
        officer.get(base + "/tai?from=2026-01-01&to=2026-12-31&module=vneid&dinh_dang=xlsx");
    assertEquals(303, fine.statusCode(), fine.body());
    String file = location(fine);
    assertEquals(
        "/api/wards/" + wardKey + "/report.xlsx?from=2026-01-01&to=2026-12-31&module=vneid", file);
    HttpResponse<byte[]> xlsx = officer.getBytes(file);
    assertEquals(200, xlsx.statusCode());
    assertArrayEquals(new byte[] {'P', 'K'}, java.util.Arrays.copyOf(xlsx.body(), 2));
  }

  @Test
  void theTargetsFormNamesEveryProblemAtOnceAndSaysWhenSaved() {
    Browser officer = Staff.withRole("Đoàn Văn Mục Tiêu", "officer", wardId);
    String path = "/phuong/" + wardKey + "/chi-tieu";
    HttpResponse<String> refused =
        officer.postForm(
            path,
            form(
                "ap_dung_tu", "2026-12-01",
                "nguoi_lon", "nhiều lắm",
                "so_ho", "0",
                "muc_tieu_nguoi_lon", "100",
                "muc_tieu_truc_tuyen", "190",
                "muc_tieu_gia_dinh_so", "95"));
    assertEquals(400, refused.statusCode());
    String page = refused.body();
    assertTrue(page.contains("Số người trưởng thành phải là một số nguyên"), page);
    assertTrue(page.contains("Số hộ gia đình phải lớn hơn 0."), page);
    assertTrue(page.contains("không quá 100 %"), page);
    assertEquals(3, page.split("aria-invalid=\"true\"", -1).length - 1, "three fields marked");
    assertTrue(page.contains("value=\"nhiều lắm\""), "what was typed stays");

    HttpResponse<String> saved =
        officer.postForm(
            path,
            form(
                "ap_dung_tu", "2026-12-01",
                "nguoi_lon", "8.400",
                "so_ho", "2.900",
                "muc_tieu_nguoi_lon", "100",
                "muc_tieu_truc_tuyen", "90",
                "muc_tieu_gia_dinh_so", "97,5"));
    assertEquals(303, saved.statusCode(), saved.body());
    String after = officer.get(location(saved)).body();
    assertTrue(after.contains("Đã lưu mẫu số và mục tiêu mới."), after);
    assertTrue(after.contains("97,5 %"), "percentages with a decimal comma");
  }

  /** The starter wards Ân Tường, Hải Châu and Hòa Cường, as the province page lists them. */
  @Test
  void namesAreSortedInTheOrderOfTheVietnameseAlphabet() {
    String page = Staff.admin().get("/tinh?sap_xep=ten&chieu=tang").body();
    int an = page.indexOf("Ân Tường</a>");
    int haiChau = page.indexOf("Hải Châu</a>");
    int hoaCuong = page.indexOf("Hòa Cường</a>");
    assertTrue(an > 0 && haiChau > 0 && hoaCuong > 0, page);
    assertTrue(an < haiChau, "Ân Tường before Hải Châu");
    assertTrue(haiChau < hoaCuong, "Hải Châu before Hòa Cường");
  }

  @Test
  void leavingATeamIsAskedFirstAndSaysWhoLeftWhichTeam() {
    Browser officer = Staff.withRole("Phùng Thị Tổ Trưởng", "officer", wardId);
    String trainerPhone = Residents.newPhone();
    Staff.withRole("Phùng Văn Rời Tổ", "trainer", wardId, trainerPhone);
    long team =
        Browser.json(
                officer.postJson(
                    "/api/wards/" + wardKey + "/teams",
                    "{\"name\":\"Tổ rời " + System.nanoTime() % 10000 + "\",\"groupIds\":[]}"))
            .getJsonNumber("id")
            .longValue();
    assertEquals(
        204,
        officer
            .postJson(
                "/api/teams/" + team + "/members", "{\"signInName\":\"" + trainerPhone + "\"}")
            .statusCode());
    long member = memberId(officer, team);
    String leave = "/phuong/" + wardKey + "/to-cong-nghe/" + team + "/roi-to/" + member;
    HttpResponse<String> asked = officer.postForm(leave, form());
    assertEquals(200, asked.statusCode(), asked.body());
    assertTrue(asked.body().contains("Cho Phùng Văn Rời Tổ rời tổ?"), asked.body());
    assertTrue(isCurrent(officer, team), "one tap removes no one");
    HttpResponse<String> confirmed = officer.postForm(leave, form("xac_nhan", "1"));
    assertEquals(303, confirmed.statusCode());
    assertFalse(isCurrent(officer, team));
  }

  private static JsonObject teamMember(Browser officer, long team) {
    return Http.json(officer.get("/api/wards/" + wardKey + "/teams")).asJsonArray().stream()
        .map(value -> value.asJsonObject())
        .filter(t -> t.getJsonNumber("id").longValue() == team)
        .findFirst()
        .orElseThrow()
        .getJsonArray("members")
        .getJsonObject(0);
  }

  private static long memberId(Browser officer, long team) {
    return teamMember(officer, team).getJsonNumber("accountId").longValue();
  }

  private static boolean isCurrent(Browser officer, long team) {
    JsonObject member = teamMember(officer, team);
    return !member.containsKey("leftAt") || member.isNull("leftAt");
  }

  @Test
  void givingARoleSaysToWhomAndAFailedFormKeepsWhatWasChosen() {
    String phone = Residents.newPhone();
    Residents.register(new Browser(), "Tạ Thị Được Giao", phone, wardId);
    HttpResponse<String> given =
        Staff.admin()
            .postForm(
                "/quan-ly/vai-tro",
                form("dang_nhap", phone, "vai_tro", "trainer", "phuong", String.valueOf(wardId)));
    assertEquals(200, given.statusCode());
    assertTrue(
        given
            .body()
            .contains(
                "Đã giao vai trò Giảng viên, tổ công nghệ số cộng đồng cho Tạ Thị Được Giao, Xã Thử"
                    + " Nghiệm Lối Đi."),
        given.body());
    HttpResponse<String> unknown =
        Staff.admin()
            .postForm(
                "/quan-ly/vai-tro",
                form(
                    "dang_nhap",
                    "0900000001",
                    "vai_tro",
                    "officer",
                    "phuong",
                    String.valueOf(wardId)));
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("value=\"0900000001\""), "the number typed stays");
    assertTrue(unknown.body().contains("<option value=\"officer\" selected>"), "the role chosen");
  }

  @Test
  void theProgressPageSaysHowFarAProgramIs() {
    Browser learner = new Browser();
    Residents.register(learner, "Vi Thị Đang Học", Residents.newPhone(), wardId);
    CertificatesIT.pass(learner, "vneid");
    String page = learner.get("/tien-do").body();
    int modules = QuizKey.programModules("ky-nang-so-co-ban").size();
    assertTrue(
        page.contains("Kỹ năng số cơ bản</strong>: đã học xong 1/" + modules + " học phần"), page);
  }

  @Test
  void theLastLessonLeadsToTheQuizAndSourcesAreFolded() {
    String lesson = Http.get("/hoc-phan/vneid/vi-giay-to").body();
    assertTrue(lesson.contains("href=\"/hoc-phan/vneid/kiem-tra\""), "the quiz is the next step");
    int sources = lesson.indexOf("<details class=\"sources\">");
    assertTrue(sources > 0, "sources folded");
    assertTrue(sources < lesson.indexOf("class=\"pager\""), "folded before the lesson's buttons");
    assertEquals(200, Http.get("/hoc-phan/vneid/cai-dat").statusCode());
  }

  @Test
  void theSiteHasAnIcon() {
    HttpResponse<byte[]> icon = Http.getBytes("/favicon.ico");
    assertEquals(200, icon.statusCode());
    assertEquals("image/x-icon", icon.headers().firstValue("Content-Type").orElseThrow());
    assertArrayEquals(new byte[] {0, 0, 1, 0}, java.util.Arrays.copyOf(icon.body(), 4));
  }
}
