package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The authoring flow in Chromium, as the issue tells it: a trainer on a 360 px phone writes a new
 * lesson with a callout and a photo that carries GPS EXIF and a rotation, sees the live preview and
 * an inline problem, fixes it and submits; an editor on a desktop reviews the diff and publishes; a
 * resident reads it (the photo upright, without EXIF, light); the editor restores the earlier text.
 * axe finds no violation on any authoring page, with the editor's script running.
 */
class AuthoringBrowserIT {

  static String trainerPhone = Residents.newPhone();
  static String editorPhone = Residents.newPhone();
  static Browser trainerApi;
  static Browser editorApi;

  private WebDriver browser;

  @BeforeAll
  static void people() {
    Http.awaitReady();
    trainerApi = Staff.withRole("Chrome Văn Soạn", "trainer", Residents.HAI_CHAU, trainerPhone);
    editorApi = Staff.withRole("Chrome Thị Duyệt", "editor", Residents.HAI_CHAU, editorPhone);
  }

  @AfterAll
  static void retireLeftovers() {
    DraftsIT.retireLeftovers(editorApi);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private WebDriver open(int width) throws Exception {
    if (browser != null) {
      browser.quit();
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--lang=vi",
        "--user-data-dir=" + Files.createTempDirectory("chromium-"),
        "--window-size=" + Math.max(width, 500) + ",900");
    // The browser's console, to see that the page's policy blocks nothing the editor needs.
    org.openqa.selenium.logging.LoggingPreferences logs =
        new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    if (width < 500) {
      ((ChromeDriver) browser)
          .executeCdpCommand(
              "Emulation.setDeviceMetricsOverride",
              Map.of("width", width, "height", 800, "deviceScaleFactor", 2, "mobile", true));
    }
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    return browser;
  }

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(code, arguments);
  }

  private void signIn(String phone) {
    browser.get(Http.BASE + "/dang-nhap");
    browser.findElement(By.id("dang_nhap")).sendKeys(phone);
    browser.findElement(By.id("mat_khau")).sendKeys(Residents.PASSWORD);
    browser.findElement(By.xpath("//button[normalize-space()='Đăng nhập']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/dang-nhap$")));
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  private void assertAccessible(String page) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser);
    String violations =
        results.getViolations().stream()
            .map(
                rule ->
                    rule.getId()
                        + ": "
                        + rule.getHelp()
                        + " "
                        + rule.getNodes().stream()
                            .map(node -> String.valueOf(node.getTarget()))
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining(System.lineSeparator()));
    assertEquals("", violations, page);
    assertFalse(results.getPasses().isEmpty(), "axe really ran");
  }

  private void assertFitsTheWidth(String page) {
    long scrollWidth = (Long) script("return document.documentElement.scrollWidth");
    long viewport = (Long) script("return document.documentElement.clientWidth");
    assertTrue(
        scrollWidth <= viewport, page + ": content " + scrollWidth + " px in " + viewport + " px");
  }

  /** Replaces the editor's whole text by typing, as a person with a keyboard would. */
  private void typeInEditor(String text) {
    WebElement content = browser.findElement(By.cssSelector(".cm-content"));
    content.click();
    content.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    for (String line : text.split("\n", -1)) {
      content.sendKeys(line);
      content.sendKeys(Keys.ENTER);
      // The editor may indent a continued block: the lesson's lines start at the margin.
      content.sendKeys(Keys.chord(Keys.SHIFT, Keys.HOME), Keys.DELETE);
    }
  }

  private String statusText() {
    return browser.findElement(By.cssSelector(".editor-status")).getText();
  }

  @Test
  void aTrainerOnAPhoneAndAnEditorOnADesktopPublishALessonWithAPhoto() throws Exception {
    String module = DraftsIT.newModuleId();
    String folder = "modules/" + module + "/";

    // The trainer, on a 360 px phone: a new draft of a new module.
    open(360);
    signIn(trainerPhone);
    browser.get(Http.BASE + "/bien-tap/ban-nhap");
    assertAccessible("drafts");
    assertFitsTheWidth("drafts");
    new Select(browser.findElement(By.id("hoc_phan"))).selectByValue("_moi");
    browser.findElement(By.id("ma_moi")).sendKeys(module);
    browser.findElement(By.id("tieu_de")).sendKeys("Bài mới có ảnh chụp");
    browser.findElement(By.xpath("//button[normalize-space()='Tạo bản nháp']")).click();
    waiting().until(ExpectedConditions.urlMatches(".*/bien-tap/ban-nhap/[0-9]+$"));
    long draft = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
    // The module's index and quiz come from the API, as a laptop would have written them.
    DraftsIT.saved(
        trainerApi, draft, folder + "_index.md", DraftsIT.index("Ảnh chụp", DraftsIT.weight()), 0);
    DraftsIT.saved(trainerApi, draft, folder + "quiz.md", DraftsIT.quiz(1), 0);
    browser.navigate().refresh();
    assertAccessible("a draft");
    assertFitsTheWidth("a draft");

    browser.findElement(By.id("thu_muc")).sendKeys("10-bai");
    browser.findElement(By.xpath("//button[normalize-space()='Viết bài mới']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cm-content")));
    assertTrue(browser.findElement(By.id("noi_dung")).getAttribute("hidden") != null, "enhanced");

    // A lesson with a callout and a mistake: the live preview names it at its line.
    String withMistake =
        "---\ntitle: Bài có ảnh\nweight: 10\nminutes: 5\n---\n\n"
            + "> [!CAUTION]\n> Không đưa mã OTP cho ai.\n\n<b>Mở ứng dụng.</b>\n\n## Nguồn\n\n- Báo Thử";
    typeInEditor(withMistake);
    waiting().until(driver -> statusText().contains("2 lỗi trong tệp này"));
    assertTrue(
        browser.findElements(By.cssSelector(".cm-lint-marker-error")).size() > 0,
        "the problem is marked at its line");
    assertTrue(
        browser
            .findElement(By.cssSelector(".editor-preview-pane"))
            .getText()
            .contains("không được dùng HTML"));
    assertAccessible("the editor with a problem");
    String console =
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
            .map(entry -> entry.getMessage())
            .filter(message -> message.contains("Content Security Policy"))
            .collect(Collectors.joining("\n"));
    assertEquals("", console, "the editor works under the page's policy");
    assertFitsTheWidth("the editor");

    String fixed =
        "---\ntitle: Bài có ảnh\nweight: 10\nminutes: 5\n---\n\n"
            + "> [!CAUTION]\n> Không đưa mã OTP cho ai.\n\n1. Mở ứng dụng.\n\n\n\n## Nguồn\n\n- Báo Thử";
    typeInEditor(fixed);
    waiting().until(driver -> statusText().contains("không có lỗi"));
    // The photo goes in two lines above "Nguồn".
    WebElement content = browser.findElement(By.cssSelector(".cm-content"));
    content.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
    for (int i = 0; i < 5; i++) {
      content.sendKeys(Keys.ARROW_UP);
    }
    Path photo = Files.createTempFile("IMG_2041", ".jpg");
    try (InputStream in = getClass().getResourceAsStream("/pictures/photo-gps-rotated.jpg")) {
      Files.copy(in, photo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    browser.findElement(By.id("tep")).sendKeys(photo.toString());
    browser.findElement(By.id("mo_ta")).sendKeys("Màn hình ứng dụng khi mở");
    browser.findElement(By.id("ten")).sendKeys("man-hinh-mo");
    browser.findElement(By.xpath("//button[normalize-space()='Tải hình lên']")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("form[enctype] .editor-status"), "Đã thêm hình man-hinh-mo.jpg"));
    // The same name again: the new picture takes the old one's place.
    browser.findElement(By.id("tep")).sendKeys(photo.toString());
    browser.findElement(By.id("mo_ta")).sendKeys("Màn hình ứng dụng khi mở");
    browser.findElement(By.id("ten")).sendKeys("man-hinh-mo");
    browser.findElement(By.xpath("//button[normalize-space()='Tải hình lên']")).click();
    waiting()
        .until(
            driver ->
                browser.findElements(By.cssSelector("form[enctype] .editor-status")).stream()
                        .anyMatch(
                            status -> status.getText().contains("Đã thêm hình man-hinh-mo.jpg"))
                    && browser
                            .findElement(By.cssSelector(".cm-content"))
                            .getText()
                            .split("man-hinh-mo.jpg", -1)
                            .length
                        == 3);
    waiting().until(driver -> statusText().contains("không có lỗi"));
    WebElement previewImage =
        browser.findElement(By.cssSelector(".editor-preview-pane img[src$='man-hinh-mo.jpg']"));
    script("arguments[0].scrollIntoView()", previewImage);
    waiting()
        .until(driver -> ((Long) script("return arguments[0].naturalWidth", previewImage)) > 0);
    browser.findElement(By.xpath("//button[normalize-space()='Lưu']")).click();
    waiting().until(ExpectedConditions.urlContains("da=luu"));
    browser.get(Http.BASE + "/bien-tap/ban-nhap/" + draft);
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("xuất bản được"));
    browser.get(Http.BASE + "/bien-tap/ban-nhap/" + draft + "/lam-thu");
    assertAccessible("a trial of the draft's quiz");
    browser.get(Http.BASE + "/bien-tap/ban-nhap/" + draft);
    browser.findElement(By.xpath("//button[normalize-space()='Gửi duyệt']")).click();
    waiting().until(ExpectedConditions.urlContains("da=gui"));

    // The editor, on a desktop: the queue, the diff, publish.
    open(1280);
    signIn(editorPhone);
    browser.get(Http.BASE + "/bien-tap");
    assertAccessible("the editor's home");
    browser.get(Http.BASE + "/bien-tap/cho-duyet");
    assertAccessible("the review queue");
    browser.findElement(By.cssSelector("a[href='/bien-tap/cho-duyet/" + draft + "']")).click();
    waiting().until(ExpectedConditions.urlMatches(".*/bien-tap/cho-duyet/" + draft + "$"));
    String diff = browser.findElement(By.cssSelector("main")).getText();
    assertTrue(diff.contains("+> [!CAUTION]"), diff);
    assertTrue(diff.contains("+![Màn hình ứng dụng khi mở](man-hinh-mo.jpg)"), diff);
    assertAccessible("a review");
    browser.findElement(By.xpath("//button[normalize-space()='Xuất bản']")).click();
    waiting().until(ExpectedConditions.urlContains("da=xuat-ban"));

    // A resident reads the lesson: the photo upright, small, without EXIF.
    open(360);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    browser.get(Http.BASE + "/hoc-phan/" + module + "/bai");
    while (browser.findElements(By.cssSelector("article img")).isEmpty()
        && System.nanoTime() < deadline) {
      Http.sleep(200);
      browser.navigate().refresh();
    }
    WebElement image = browser.findElement(By.cssSelector("article img"));
    script("arguments[0].scrollIntoView()", image);
    waiting().until(driver -> ((Long) script("return arguments[0].naturalWidth", image)) > 0);
    assertEquals(1280L, script("return arguments[0].naturalWidth", image));
    assertEquals(1920L, script("return arguments[0].naturalHeight", image), "upright");
    assertEquals("Màn hình ứng dụng khi mở", image.getAttribute("alt"));
    String src = image.getAttribute("src").replace(Http.BASE, "");
    HttpResponse<byte[]> served = Browser.withoutCookies().getBytes(src);
    byte[] jpeg = served.body();
    String asText = new String(jpeg, StandardCharsets.ISO_8859_1);
    assertFalse(asText.contains("Exif") || asText.contains("GPS"), "no metadata left");
    assertTrue(jpeg.length <= 300 * 1024, jpeg.length + " bytes");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertTrue(decoded.getHeight() > decoded.getWidth(), "upright");

    // The editor restores the text before the publish... of a second change.
    String lessonFile = folder + "10-bai/index.md";
    long first = DraftsIT.publishedRevision(editorApi, module, lessonFile);
    long second = DraftsIT.created(editorApi, module).getJsonNumber("id").longValue();
    assertEquals(
        200,
        DraftsIT.save(
                editorApi,
                second,
                lessonFile,
                fixed.replace("Mở ứng dụng.", "Mở ứng dụng VNeID."),
                0,
                first)
            .statusCode());
    assertEquals(
        200, DraftsIT.post(editorApi, "/api/drafts/" + second + "/submit", "{}").statusCode());
    assertEquals(
        200, DraftsIT.post(editorApi, "/api/drafts/" + second + "/publish", "{}").statusCode());
    open(1280);
    signIn(editorPhone);
    browser.get(
        Http.BASE
            + "/bien-tap/lich-su?duong-dan="
            + java.net.URLEncoder.encode(lessonFile, StandardCharsets.UTF_8));
    assertAccessible("a file's history");
    browser.findElement(By.xpath("//button[normalize-space()='So sánh hai bản']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre.diff")));
    assertTrue(
        browser
            .findElement(By.cssSelector("pre.diff"))
            .getText()
            .contains("+1. Mở ứng dụng VNeID."));
    new Select(browser.findElement(By.id("ban"))).selectByValue(String.valueOf(first));
    browser.findElement(By.xpath("//button[normalize-space()='Khôi phục bản này']")).click();
    waiting().until(ExpectedConditions.urlMatches(".*/bien-tap/ban-nhap/[0-9]+$"));
    String restored = browser.findElement(By.tagName("main")).getText();
    assertTrue(restored.contains("Khôi phục"), restored);
    assertTrue(restored.contains("10-bai/index.md"), restored);
    DraftsIT.retire(editorApi, module);
  }

  /**
   * A trainer on a phone reads how residents did on the VNeID quiz: the overview, then the quiz
   * question by question with its flags, without a violation or a page wider than the phone.
   */
  @Test
  void aTrainerOnAPhoneReadsTheQuizStatistics() throws Exception {
    vn.hocso.content.entity.Quiz quiz = QuizKey.quiz("vneid");
    for (int i = 0; i < 30; i++) {
      Browser guest = new Browser();
      HttpResponse<String> started = guest.postJson("/api/modules/vneid/attempts", "");
      assertEquals(201, started.statusCode(), started.body());
      jakarta.json.JsonObject attempt = Browser.json(started);
      jakarta.json.JsonObjectBuilder answers = jakarta.json.Json.createObjectBuilder();
      for (jakarta.json.JsonObject shown :
          attempt.getJsonArray("questions").getValuesAs(jakarta.json.JsonObject.class)) {
        vn.hocso.content.entity.Question question =
            quiz.question(shown.getString("id")).orElseThrow();
        List<String> chosen =
            i % 2 == 0 ? QuizKey.correct(quiz).get(question.id()) : QuizKey.wrong(question);
        answers.add(question.id(), jakarta.json.Json.createArrayBuilder(chosen));
      }
      HttpResponse<String> submitted =
          guest.postJson(
              "/api/attempts/" + attempt.getString("attemptId") + "/submission",
              jakarta.json.Json.createObjectBuilder().add("answers", answers).build().toString());
      assertEquals(200, submitted.statusCode(), submitted.body());
    }
    open(360);
    signIn(trainerPhone);
    browser.get(Http.BASE + "/bien-tap/ban-nhap");
    browser.findElement(By.linkText("Thống kê bài kiểm tra")).click();
    waiting().until(ExpectedConditions.urlMatches(".*/bien-tap/thong-ke$"));
    assertAccessible("the quiz statistics");
    assertFitsTheWidth("the quiz statistics");
    browser.findElement(By.cssSelector("a[href='/bien-tap/thong-ke/vneid']")).click();
    waiting().until(ExpectedConditions.urlMatches(".*/bien-tap/thong-ke/vneid$"));
    // The job counts within seconds on the test server.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (browser.findElements(By.cssSelector("table.stat-summary")).isEmpty()
        && System.nanoTime() < deadline) {
      Http.sleep(500);
      browser.navigate().refresh();
    }
    assertFalse(browser.findElements(By.cssSelector("table.stat-summary")).isEmpty());
    assertAccessible("a quiz's statistics");
    assertFitsTheWidth("a quiz's statistics");
    browser.findElement(By.cssSelector("table.stat-summary a[href='#cau-2']")).click();
    assertTrue(
        (Boolean)
            script("return document.getElementById('cau-2').getBoundingClientRect().top < 200"),
        "the summary's link leads to the question");
  }
}
