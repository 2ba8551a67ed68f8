package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration, sign-in, sessions, CSRF, password resets: the happy paths and the abuse. */
class AccountsIT {

  /** Personal data the tests send; none of it may appear in the server's log. */
  private static final List<String> PERSONAL = new ArrayList<>();

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  private static String remember(String personal) {
    PERSONAL.add(personal);
    return personal;
  }

  private static long accounts() throws SQLException {
    try (Connection db = Database.connect();
        ResultSet count = db.createStatement().executeQuery("SELECT COUNT(*) FROM account")) {
      count.next();
      return count.getLong(1);
    }
  }

  @Test
  void registerSignOutAndSignInAgain() {
    Browser resident = new Browser();
    String phone = remember(Residents.newPhone());
    HttpResponse<String> registered =
        resident.postJson(
            "/api/accounts",
            Residents.registration(remember("Trần Văn Bình"), phone, Residents.HAI_CHAU)
                .add("contactPhone", phone)
                .build()
                .toString());
    assertEquals(201, registered.statusCode(), registered.body());
    String cookie =
        registered.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("hocso_phien="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    JsonObject me = Browser.json(resident.get("/api/me"));
    assertEquals("Trần Văn Bình", me.getString("displayName"));
    assertEquals("learner", me.getString("role"));
    assertEquals("•••" + phone.substring(7), me.getString("signIn"));
    assertEquals(
        "Phường Hải Châu".replace("Phường ", ""), me.getJsonObject("ward").getString("name"));

    assertEquals(204, resident.delete("/api/sessions/current").statusCode());
    assertEquals(401, resident.get("/api/me").statusCode());
    assertEquals(
        "Bác cần đăng nhập để xem trang này.",
        Browser.json(resident.get("/api/me")).getString("error"));

    // The same phone written another way signs in.
    String international = "+84 " + phone.substring(1, 4) + " " + phone.substring(4);
    HttpResponse<String> signedIn = Residents.signIn(resident, international, Residents.PASSWORD);
    assertEquals(200, signedIn.statusCode(), signedIn.body());
    assertEquals(200, resident.get("/api/me").statusCode());
  }

  /**
   * The sessions of signed-in requests that arrive together are read in one query: each request is
   * still made by its own account, and one signed out meanwhile is nobody's.
   */
  @Test
  void signedInRequestsArrivingTogetherAreEachTheirOwnCaller() throws Exception {
    List<Browser> learners = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Browser learner = new Browser();
      String name = "Lê Thị Mai " + (char) ('A' + i);
      Residents.register(learner, name, Residents.newPhone(), Residents.HAI_CHAU);
      learners.add(learner);
      names.add(name);
    }
    Browser signedOut = learners.get(11);
    assertEquals(204, signedOut.delete("/api/sessions/current").statusCode());
    List<java.util.concurrent.Callable<HttpResponse<String>>> requests = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      for (Browser learner : learners) {
        requests.add(() -> learner.get("/api/me"));
      }
    }
    List<HttpResponse<String>> answers = QuizApiIT.atOnce(requests);
    for (int i = 0; i < answers.size(); i++) {
      int learner = i % learners.size();
      if (learner == 11) {
        assertEquals(401, answers.get(i).statusCode(), "a signed-out session is nobody's");
      } else {
        assertEquals(200, answers.get(i).statusCode(), answers.get(i).body());
        assertEquals(names.get(learner), Browser.json(answers.get(i)).getString("displayName"));
      }
    }
  }

  @Test
  void theSignInPhoneIsStoredOnlyAsAKeyedHashAndTheContactPhoneEncrypted() throws SQLException {
    Browser resident = new Browser();
    String phone = remember(Residents.newPhone());
    String name = remember("Lê Thị Cúc " + phone.substring(6));
    Residents.register(resident, name, phone, Residents.HOA_CUONG);
    try (Connection db = Database.connect();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "SELECT a.*, c.text_version FROM account a JOIN consent c ON c.account_id = a.id"
                        + " WHERE a.display_name = '"
                        + name
                        + "'")) {
      assertTrue(rows.next());
      assertEquals(64, rows.getString("sign_in_hash").length());
      assertEquals(phone.substring(7), rows.getString("sign_in_last3"));
      assertEquals("2026-11-v1", rows.getString("text_version"));
      int columns = rows.getMetaData().getColumnCount();
      for (int i = 1; i <= columns; i++) {
        Object value = rows.getObject(i);
        String text =
            value instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.ISO_8859_1)
                : String.valueOf(value);
        assertFalse(text.contains(phone), rows.getMetaData().getColumnName(i) + " holds the phone");
      }
    }
  }

  @Test
  void badRegistrationsAreRefusedWithTheirReasonAndStoreNothing() throws SQLException {
    Browser existing = new Browser();
    String taken = remember(Residents.newPhone());
    Residents.register(existing, remember("Phạm Văn Dũng"), taken, Residents.HAI_CHAU);
    String cccd = remember(Residents.newCccd());
    Residents.register(new Browser(), remember("Võ Thị Em"), cccd, Residents.HAI_CHAU);
    int nextYear = Year.now().getValue() + 1;

    Map<String, String> cases = new LinkedHashMap<>();
    String ok = "Hoàng Văn Giang";
    cases.put(
        Residents.registration(ok, "+84" + taken.substring(1), Residents.HAI_CHAU)
            .build()
            .toString(),
        "409 Số điện thoại hoặc số căn cước này đã có tài khoản. Bác hãy đăng nhập, hoặc nhờ cán bộ"
            + " phường, xã đặt lại mật khẩu.");
    cases.put(
        Residents.registration(ok, cccd, Residents.HOA_CUONG).build().toString(),
        "409 Số điện thoại hoặc số căn cước này đã có tài khoản. Bác hãy đăng nhập, hoặc nhờ cán bộ"
            + " phường, xã đặt lại mật khẩu.");
    String digits =
        "400 Số căn cước phải có đúng 12 chữ số; số điện thoại di động có 10 chữ số, bắt đầu bằng 0.";
    cases.put(
        Residents.registration(ok, "07912345678", Residents.HAI_CHAU).build().toString(), digits);
    cases.put(
        Residents.registration(ok, "0791234567890", Residents.HAI_CHAU).build().toString(), digits);
    cases.put(
        Residents.registration(ok, "07912345678A", Residents.HAI_CHAU).build().toString(),
        "400 Tên đăng nhập là số điện thoại hoặc số căn cước, chỉ gồm chữ số.");
    String year = "400 Năm sinh phải từ 1900 đến " + (nextYear - 1) + ".";
    cases.put(
        Residents.registration(ok, Residents.newPhone(), Residents.HAI_CHAU)
            .add("birthYear", nextYear)
            .build()
            .toString(),
        year);
    cases.put(
        Residents.registration(ok, Residents.newPhone(), Residents.HAI_CHAU)
            .add("birthYear", 1899)
            .build()
            .toString(),
        year);
    cases.put(
        Residents.registration(ok, Residents.newPhone(), 99999).build().toString(),
        "400 Bác hãy chọn phường, xã của mình trong danh sách.");
    cases.put(
        Residents.registration(ok, Residents.newPhone(), Residents.HAI_CHAU)
            .add("password", "matkhau123")
            .build()
            .toString(),
        "400 Mật khẩu này quá phổ biến, kẻ gian dễ đoán ra. Bác hãy chọn mật khẩu khác.");
    cases.put(
        Residents.registration(ok, Residents.newPhone(), Residents.HAI_CHAU)
            .add("password", "password1")
            .build()
            .toString(),
        "400 Mật khẩu này quá phổ biến, kẻ gian dễ đoán ra. Bác hãy chọn mật khẩu khác.");
    cases.put(
        Residents.registration(ok, Residents.newPhone(), Residents.HAI_CHAU)
            .add("password", "ngan")
            .build()
            .toString(),
        "400 Mật khẩu cần ít nhất 8 ký tự.");
    cases.put(
        Residents.registration(
                "<b>Hoa</b><script>alert(1)</script>", Residents.newPhone(), Residents.HAI_CHAU)
            .build()
            .toString(),
        "400 Tên không được có các ký tự < > \" ` { } [ ] \\.");
    cases.put(
        Residents.registration("Nguyễn".repeat(84), Residents.newPhone(), Residents.HAI_CHAU)
            .build()
            .toString(),
        "400 Tên dài quá: tối đa 100 ký tự, tên này có 504.");
    cases.put(
        Residents.registration(ok, Residents.newPhone(), Residents.HAI_CHAU)
            .add("consent", false)
            .build()
            .toString(),
        "400 Bác cần đồng ý với điều khoản về dữ liệu cá nhân thì mới tạo được tài khoản.");

    long before = accounts();
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      HttpResponse<String> response = new Browser().postJson("/api/accounts", bad.getKey());
      String error = Browser.json(response).getString("error");
      assertEquals(bad.getValue(), response.statusCode() + " " + error, bad.getKey());
      assertFalse(response.body().contains("<script"), "nothing echoed");
    }
    assertEquals(before, accounts(), "no account stored by a refused registration");
  }

  @Test
  void theRegistrationFormShowsTheProblemAndKeepsWhatWasTyped() {
    Browser resident = new Browser();
    assertTrue(resident.get("/dang-ky").body().contains("Tôi đồng ý để Học Số lưu"));
    HttpResponse<String> refused =
        resident.postForm(
            "/dang-ky",
            List.of(
                new SimpleEntry<>("ten", "Đỗ Thị Hạnh"),
                new SimpleEntry<>("nam_sinh", "1960"),
                new SimpleEntry<>("phuong", String.valueOf(Residents.HAI_CHAU)),
                new SimpleEntry<>("dang_nhap", "12345"),
                new SimpleEntry<>("mat_khau", Residents.PASSWORD),
                new SimpleEntry<>("mat_khau_lai", Residents.PASSWORD),
                new SimpleEntry<>("dong_y", "co")));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Số căn cước phải có đúng 12 chữ số"), refused.body());
    assertTrue(refused.body().contains("value=\"Đỗ Thị Hạnh\""), "the name stays filled in");
    assertFalse(refused.body().contains(Residents.PASSWORD), "the password is not sent back");

    String phone = remember(Residents.newPhone());
    HttpResponse<String> registered =
        resident.postForm(
            "/dang-ky",
            List.of(
                new SimpleEntry<>("ten", remember("Đỗ Thị Hạnh")),
                new SimpleEntry<>("nam_sinh", "1960"),
                new SimpleEntry<>("phuong", String.valueOf(Residents.HAI_CHAU)),
                new SimpleEntry<>("dang_nhap", phone),
                new SimpleEntry<>("mat_khau", Residents.PASSWORD),
                new SimpleEntry<>("mat_khau_lai", Residents.PASSWORD),
                new SimpleEntry<>("dong_y", "co")));
    assertEquals(303, registered.statusCode(), registered.body());
    assertTrue(registered.headers().firstValue("Location").orElseThrow().endsWith("/tien-do"));
    String progress = resident.get("/tien-do").body();
    assertTrue(progress.contains("Xin chào Đỗ Thị Hạnh (Hải Châu)."), progress);
  }

  @Test
  void aForgedOrMissingCsrfTokenIsRefusedAndChangesNothing() throws SQLException {
    Browser resident = new Browser();
    resident.csrf();
    long before = accounts();
    String body =
        Residents.registration("Ngô Văn Khoa", Residents.newPhone(), Residents.HAI_CHAU)
            .build()
            .toString();
    for (String token : new String[] {"0".repeat(48), "", "khong-phai-token"}) {
      HttpResponse<String> forged =
          resident.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(Http.BASE + "/api/accounts"))
                  .header("Content-Type", "application/json")
                  .header("X-CSRF-Token", token.isEmpty() ? "x" : token)
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
      assertEquals(403, forged.statusCode());
      assertEquals(
          "Trang này đã cũ nên chưa gửi được. Bác hãy tải lại trang rồi làm lại nhé.",
          Browser.json(forged).getString("error"));
    }
    HttpResponse<String> noCookie =
        Http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(Http.BASE + "/dang-nhap"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "dang_nhap=0900000000&mat_khau=x&_csrf=" + "a".repeat(48))));
    assertEquals(403, noCookie.statusCode());
    assertTrue(noCookie.body().contains("Trang này đã cũ"), noCookie.body());
    assertEquals(before, accounts());
  }

  @Test
  void twentyWrongPasswordsInARowLockTheAccountForAWhile() {
    Browser owner = new Browser();
    String phone = remember(Residents.newPhone());
    Residents.register(owner, remember("Bùi Văn Long"), phone, Residents.HAI_CHAU);
    Browser attacker = new Browser();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> wrong = Residents.signIn(attacker, phone, remember("sai-mat-khau-" + i));
      statuses.add(wrong.statusCode());
      if (wrong.statusCode() == 401) {
        assertEquals(
            "Số điện thoại, số căn cước hoặc mật khẩu chưa đúng.",
            Browser.json(wrong).getString("error"));
      }
    }
    assertEquals(
        List.of(401, 401, 401, 401, 401, 401, 401, 401, 401, 401), statuses.subList(0, 10));
    assertTrue(
        statuses.subList(10, 20).stream().allMatch(status -> status == 429), statuses.toString());
    HttpResponse<String> right = Residents.signIn(attacker, phone, Residents.PASSWORD);
    assertEquals(429, right.statusCode(), "locked even for the right password, for now");
    assertTrue(
        Browser.json(right).getString("error").startsWith("Bác đã thử đăng nhập nhiều lần quá."));
    assertEquals(200, owner.get("/api/me").statusCode(), "an existing session keeps working");
  }

  @Test
  void aTrainerResetsAForgottenPasswordInPerson() throws SQLException {
    String learnerPhone = remember(Residents.newPhone());
    Browser learner = new Browser();
    Residents.register(learner, remember("Đặng Thị Mai"), learnerPhone, Residents.HAI_CHAU);
    String trainerPhone = remember(Residents.newPhone());
    Browser trainer = new Browser();
    Residents.register(trainer, remember("Cán Bộ Hải Châu"), trainerPhone, Residents.HAI_CHAU);
    String otherPhone = remember(Residents.newPhone());
    Browser otherWard = new Browser();
    Residents.register(otherWard, remember("Cán Bộ Hòa Cường"), otherPhone, Residents.HOA_CUONG);
    try (Connection db = Database.connect()) {
      db.createStatement()
          .executeUpdate(
              "INSERT INTO account_role (account_id, role) SELECT id, 'trainer' FROM account"
                  + " WHERE display_name IN ('Cán Bộ Hải Châu', 'Cán Bộ Hòa Cường')");
    }
    // A learner cannot create codes; a trainer of another ward cannot either.
    assertEquals(
        403,
        learner
            .postForm(
                "/quan-ly/dat-lai-mat-khau", List.of(new SimpleEntry<>("dang_nhap", otherPhone)))
            .statusCode());
    HttpResponse<String> elsewhere =
        otherWard.postForm(
            "/quan-ly/dat-lai-mat-khau", List.of(new SimpleEntry<>("dang_nhap", learnerPhone)));
    assertEquals(403, elsewhere.statusCode());
    assertTrue(elsewhere.body().contains("Người học này không thuộc phường, xã của bác."));

    HttpResponse<String> created =
        trainer.postForm(
            "/quan-ly/dat-lai-mat-khau", List.of(new SimpleEntry<>("dang_nhap", learnerPhone)));
    assertEquals(200, created.statusCode(), created.body());
    Matcher code = Pattern.compile("<p class=\"who\">([0-9]{8})</p>").matcher(created.body());
    assertTrue(code.find(), created.body());

    Browser atHome = new Browser();
    String newPassword = remember("hoa-mai-no-ngay-tet");
    HttpResponse<String> wrongCode =
        atHome.postForm(
            "/dat-lai-mat-khau",
            List.of(
                new SimpleEntry<>("dang_nhap", learnerPhone),
                new SimpleEntry<>("ma", "00000000".equals(code.group(1)) ? "11111111" : "00000000"),
                new SimpleEntry<>("mat_khau", newPassword),
                new SimpleEntry<>("mat_khau_lai", newPassword)));
    assertEquals(400, wrongCode.statusCode());
    HttpResponse<String> reset =
        atHome.postForm(
            "/dat-lai-mat-khau",
            List.of(
                new SimpleEntry<>("dang_nhap", learnerPhone),
                new SimpleEntry<>("ma", code.group(1)),
                new SimpleEntry<>("mat_khau", newPassword),
                new SimpleEntry<>("mat_khau_lai", newPassword)));
    assertEquals(200, reset.statusCode(), reset.body());
    assertTrue(reset.body().contains("Đã đặt mật khẩu mới."));
    assertEquals(401, learner.get("/api/me").statusCode(), "old sessions are signed out");
    assertEquals(401, Residents.signIn(atHome, learnerPhone, Residents.PASSWORD).statusCode());
    assertEquals(200, Residents.signIn(atHome, learnerPhone, newPassword).statusCode());
    // The code works once.
    HttpResponse<String> again =
        new Browser()
            .postForm(
                "/dat-lai-mat-khau",
                List.of(
                    new SimpleEntry<>("dang_nhap", learnerPhone),
                    new SimpleEntry<>("ma", code.group(1)),
                    new SimpleEntry<>("mat_khau", newPassword + "2"),
                    new SimpleEntry<>("mat_khau_lai", newPassword + "2")));
    assertEquals(400, again.statusCode());
  }

  @Test
  void theFirstAdminSignsInWithThePasswordFromTheLogAndGivesRoles() throws IOException {
    String log =
        Files.readString(
            Path.of(System.getProperty("server.log.dir"), "messages.log"), StandardCharsets.UTF_8);
    Matcher printed =
        Pattern.compile("Sign in as 'admin' with the password ([A-Za-z0-9]{20}) ").matcher(log);
    assertTrue(printed.find(), "the first start printed the admin password once");
    String password = printed.group(1);
    assertFalse(printed.find(), "only once");
    Browser admin = new Browser();
    HttpResponse<String> signedIn = Residents.signIn(admin, "admin", password);
    assertEquals(200, signedIn.statusCode(), signedIn.body());
    assertEquals("admin", Browser.json(signedIn).getString("role"));

    String phone = remember(Residents.newPhone());
    Browser future = new Browser();
    Residents.register(future, remember("Tạ Văn Vinh"), phone, Residents.HOA_CUONG);
    List<Map.Entry<String, String>> trainer =
        List.of(
            new SimpleEntry<>("dang_nhap", phone),
            new SimpleEntry<>("vai_tro", "trainer"),
            new SimpleEntry<>("phuong", String.valueOf(Residents.HAI_CHAU)));
    assertEquals(
        403, future.postForm("/quan-ly/vai-tro", trainer).statusCode(), "not for learners");
    HttpResponse<String> given = admin.postForm("/quan-ly/vai-tro", trainer);
    assertEquals(200, given.statusCode(), given.body());
    assertTrue(
        given.body().contains("Đã giao vai trò Giảng viên, tổ công nghệ số cộng đồng cho "),
        given.body());
    JsonObject me = Browser.json(future.get("/api/me"));
    assertEquals("trainer", me.getString("role"));
    assertEquals("Hải Châu", me.getJsonObject("ward").getString("name"));
    assertEquals(200, future.get("/quan-ly").statusCode());

    HttpResponse<String> nobody =
        admin.postForm(
            "/quan-ly/vai-tro",
            List.of(
                new SimpleEntry<>("dang_nhap", Residents.newPhone()),
                new SimpleEntry<>("vai_tro", "officer")));
    assertEquals(404, nobody.statusCode(), "nobody registered with that number");
  }

  /**
   * Runs last in this class (JUnit orders methods deterministically but not by name): see AfterAll.
   */
  @AfterAll
  static void personalDataNeverReachesTheLog() throws IOException {
    Path log = Path.of(System.getProperty("server.log.dir"), "messages.log");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    for (String personal : PERSONAL) {
      assertFalse(text.contains(personal), "the server log holds personal data: " + personal);
      if (personal.matches("0[0-9]{9}")) {
        assertFalse(text.contains(personal.substring(1)), "the log holds a phone number");
      }
    }
    assertTrue(text.contains("Content loaded"), "the log was really read");
  }
}
