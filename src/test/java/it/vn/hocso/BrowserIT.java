package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.content.entity.Quiz;

/** Every page type in real headless Chromium: accessible, readable on a small phone and zoomed. */
class BrowserIT {

  /** One page of each type. */
  private static final List<String> PAGES =
      List.of(
          "/",
          "/hoc-phan/vneid",
          "/hoc-phan/an-toan-tren-mang/link-ung-dung-ma-qr",
          "/hoc-phan/khong-co");

  private WebDriver browser;

  @BeforeAll
  static void ready() {
    Http.awaitReady();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * A headless Chromium (Debian's, driven by Debian's chromedriver) whose layout viewport is {@code
   * width} CSS px wide, drawn at {@code scale} device pixels per CSS pixel.
   */
  private WebDriver open(int width, double scale, boolean javascript) throws Exception {
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
        "--force-device-scale-factor=" + scale,
        "--window-size=" + width + ",900");
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    if (width < 500) {
      // Headless Chromium keeps a window at least 500 px wide (a "360 px" window showed pages
      // 485 px wide): a phone's width is emulated, as the browser's device toolbar does.
      ((ChromeDriver) browser)
          .executeCdpCommand(
              "Emulation.setDeviceMetricsOverride",
              Map.of("width", width, "height", 800, "deviceScaleFactor", scale, "mobile", true));
    }
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    // A click on a link or a form button returns before the next page is there: look for
    // elements for a while rather than once.
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    return browser;
  }

  private Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(code, arguments);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void noAccessibilityViolations(int page) throws Exception {
    open(360, 1, true).get(Http.BASE + PAGES.get(page));
    assertAccessible(PAGES.get(page));
  }

  /**
   * Every module page and every lesson of the shipped curriculum, on a 360 px phone: no axe
   * violation, nothing wider than the screen, and every picture loaded and readable.
   */
  @Test
  void everyLessonOfTheCurriculumOnAPhone() throws Exception {
    open(360, 1, true);
    List<String> checked = new ArrayList<>();
    for (String moduleId : QuizKey.moduleIds()) {
      List<String> pages = new ArrayList<>();
      pages.add("/hoc-phan/" + moduleId);
      QuizKey.lessonIds(moduleId)
          .forEach(lesson -> pages.add("/hoc-phan/" + moduleId + "/" + lesson));
      for (String page : pages) {
        browser.get(Http.BASE + page);
        assertAccessible(page);
        assertFitsTheWidth(page);
        for (WebElement image : browser.findElements(By.cssSelector("main img"))) {
          // Pictures load lazily: brought into view, each must load.
          script("arguments[0].scrollIntoView()", image);
          new WebDriverWait(browser, Duration.ofSeconds(10))
              .withMessage(page + ": " + image.getAttribute("src") + " loads")
              .until(
                  driver ->
                      Boolean.TRUE.equals(
                          script(
                              "return arguments[0].complete && arguments[0].naturalWidth > 0",
                              image)));
          assertTrue(
              image.getRect().getWidth() <= 360, page + ": " + image.getAttribute("src") + " fits");
        }
        checked.add(page);
      }
    }
    assertTrue(checked.size() >= 11 * 4, "every module and lesson page: " + checked.size());
  }

  /** axe-core finds no violation of the WCAG 2.1 A and AA rules on the current page. */
  private void assertAccessible(String page) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser);
    String violations =
        results.getViolations().stream()
            .map(rule -> rule.getId() + ": " + rule.getHelp() + " " + nodes(rule))
            .collect(Collectors.joining(System.lineSeparator()));
    assertEquals("", violations, page);
    assertFalse(results.getPasses().isEmpty(), "axe really ran");
  }

  @Test
  void takeAQuizWithJavaScriptOff() throws Exception {
    Quiz quiz = QuizKey.quiz("dich-vu-cong");
    open(360, 1, false).get(Http.BASE + "/hoc-phan/dich-vu-cong");
    browser.findElement(By.linkText("Làm bài kiểm tra")).click();
    browser.findElement(By.xpath("//button[normalize-space()='Bắt đầu làm bài']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlMatches(".*/lam-bai/[0-9a-f]{32}$"));
    int draw = quiz.draw();
    assertEquals(draw, browser.findElements(By.cssSelector("fieldset.question")).size());
    answerRight(quiz);
    browser.findElement(By.xpath("//button[normalize-space()='Nộp bài']")).click();
    WebElement score = awaitElement(".score");
    assertTrue(
        score.getText().contains("Bác trả lời đúng " + draw + "/" + draw + " câu."),
        score.getText());
  }

  @Test
  void registerPassAndSeeTheCertificateAccessibly() throws Exception {
    open(360, 1, true).get(Http.BASE + "/dang-ky");
    assertAccessible("register");
    assertFitsTheWidth("register");
    browser.findElement(By.id("ten")).sendKeys("Phan Thị Út");
    browser.findElement(By.id("nam_sinh")).sendKeys("1955");
    new Select(browser.findElement(By.id("phuong"))).selectByVisibleText("Hải Châu");
    browser.findElement(By.id("dang_nhap")).sendKeys(Residents.newPhone());
    browser.findElement(By.id("mat_khau")).sendKeys(Residents.PASSWORD);
    browser.findElement(By.id("mat_khau_lai")).sendKeys(Residents.PASSWORD);
    browser.findElement(By.name("dong_y")).findElement(By.xpath("./ancestor::label")).click();
    browser.findElement(By.xpath("//button[normalize-space()='Tạo tài khoản']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlMatches(".*/tien-do$"));
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("Xin chào Phan Thị Út"));
    assertAccessible("progress");

    // Pass a quiz in this browser, then open its certificate and verify it.
    Quiz quiz = QuizKey.quiz("thue-dien-tu");
    browser.get(Http.BASE + "/hoc-phan/thue-dien-tu/kiem-tra");
    browser.findElement(By.xpath("//button[normalize-space()='Bắt đầu làm bài']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlMatches(".*/lam-bai/[0-9a-f]{32}$"));
    answerRight(quiz);
    browser.findElement(By.xpath("//button[normalize-space()='Nộp bài']")).click();
    awaitElement(".score");
    browser.get(Http.BASE + "/tien-do");
    browser.findElement(By.linkText("Giấy chứng nhận")).click();
    WebElement certificate = awaitElement(".certificate");
    assertTrue(certificate.getText().contains("Phan Thị Út"), certificate.getText());
    assertAccessible("certificate");
    assertFitsTheWidth("certificate");
    WebElement qr = browser.findElement(By.cssSelector(".certificate img"));
    assertTrue(
        (Long) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", qr)
            > 0);
    String code = browser.getCurrentUrl().replaceFirst(".*/chung-nhan/", "");
    browser.get(Http.BASE + "/xac-minh/" + code);
    assertTrue(
        browser.findElement(By.cssSelector(".certificate")).getText().contains("Phan T. Ú."));
    assertAccessible("verification");
    browser.get(Http.BASE + "/dang-nhap");
    assertAccessible("sign-in");
  }

  @Test
  void aWardOfficerWorksThroughTheWardPagesAccessibly() throws Exception {
    String phone = Residents.newPhone();
    // Thiệu Quang (id 6): no other test sets its targets.
    Staff.withRole("Ngô Thị Số Liệu", "officer", 6, phone);
    open(360, 1, true).get(Http.BASE + "/dang-nhap");
    browser.findElement(By.id("dang_nhap")).sendKeys(phone);
    browser.findElement(By.id("mat_khau")).sendKeys(Residents.PASSWORD);
    browser.findElement(By.xpath("//button[normalize-space()='Đăng nhập']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/dang-nhap$")));
    browser.get(Http.BASE + "/quan-ly");
    browser.findElement(By.linkText("Số liệu phường, xã")).click();
    awaitElement("table.figures");
    assertEquals(3, browser.findElements(By.cssSelector("table.figures progress")).size());
    assertEquals(12, browser.findElements(By.cssSelector(".chart svg rect")).size());
    assertAccessible("ward dashboard");
    assertFitsTheWidth("ward dashboard");

    browser.findElement(By.linkText("Mẫu số và mục tiêu")).click();
    WebElement adults = browser.findElement(By.id("nguoi_lon"));
    adults.clear();
    adults.sendKeys("0");
    browser.findElement(By.id("so_ho")).clear();
    browser.findElement(By.id("so_ho")).sendKeys("3.000");
    browser.findElement(By.id("muc_tieu_gia_dinh_so")).clear();
    browser.findElement(By.id("muc_tieu_gia_dinh_so")).sendKeys("95");
    browser.findElement(By.xpath("//button[normalize-space()='Lưu']")).click();
    WebElement error = awaitElement(".form-error");
    assertTrue(error.getText().contains("phải lớn hơn 0"), error.getText());
    assertAccessible("targets with an error");
    adults = browser.findElement(By.id("nguoi_lon"));
    adults.clear();
    adults.sendKeys("9.800");
    browser.findElement(By.xpath("//button[normalize-space()='Lưu']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlMatches(".*da_luu=1$"));
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("9.800"));

    browser.findElement(By.linkText("Hộ gia đình")).click();
    String group = "Khu phố " + System.nanoTime() % 100000;
    browser.findElement(By.id("ten")).sendKeys(group);
    browser.findElement(By.xpath("//button[normalize-space()='Thêm']")).click();
    awaitElement("#dia_chi").sendKeys("Số 5, kiệt 12, đường Trần Phú");
    browser.findElement(By.xpath("//button[normalize-space()='Thêm hộ']")).click();
    awaitMainText("Số 5, kiệt 12, đường Trần Phú");
    assertAccessible("households");

    browser.get(Http.BASE + "/phuong/tam-6/in");
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("đóng dấu"));
    assertAccessible("printable summary");

    browser.get(Http.BASE + "/phuong/tam-6/bao-cao");
    awaitElement("#from").sendKeys("12102026");
    browser.findElement(By.id("to")).sendKeys("12012026");
    browser.findElement(By.xpath("//button[normalize-space()='Tải báo cáo']")).click();
    WebElement wrongRange = awaitElement(".form-error");
    assertTrue(wrongRange.getText().contains("ở trước ngày bắt đầu"), wrongRange.getText());
    assertAccessible("report form with a wrong range");
    browser.get(Http.BASE + "/phuong/tam-6/hoat-dong");
    assertAccessible("activity");
    browser.get(Http.BASE + "/quan-ly");
    assertAccessible("staff page");
  }

  /**
   * The door-to-door flow in Chromium: the officer creates a residential group and a team, the
   * trainer enrolls a family of three on their phone, two pass the online safety quiz with the
   * trainer, the trainer attests VNeID, the citizen app and a dossier, and the household becomes
   * "Gia đình số" in the ward's figures and report.
   */
  @Test
  void theDoorToDoorFlowInTheBrowser() throws Exception {
    long ward = 6; // Thiệu Quang
    String officerPhone = Residents.newPhone();
    Browser officerApi = Staff.withRole("Kiều Thị Cán Bộ", "officer", ward, officerPhone);
    String trainerPhone = Residents.newPhone();
    Staff.withRole("Hà Văn Đại Sứ", "trainer", ward, trainerPhone);
    long familyBefore = familyHouseholds(officerApi, ward);

    // The officer: a residential group, a team covering it, the trainer in the team.
    open(360, 1, true);
    signIn(officerPhone);
    browser.get(Http.BASE + "/phuong/tam-" + ward + "/ho-gia-dinh");
    String group = "Thôn Đoài " + System.nanoTime() % 100000;
    awaitElement("#ten").sendKeys(group);
    browser.findElement(By.xpath("//button[normalize-space()='Thêm']")).click();
    awaitElement("#dia_chi");
    browser.get(Http.BASE + "/phuong/tam-" + ward + "/to-cong-nghe");
    awaitElement("#ten").sendKeys("Tổ công nghệ số " + group);
    browser.findElement(By.xpath("//label[contains(normalize-space(), '" + group + "')]")).click();
    browser.findElement(By.xpath("//button[normalize-space()='Lập tổ']")).click();
    WebElement add = awaitElement("form[action$='/thanh-vien'] input[name='dang_nhap']");
    add.sendKeys(trainerPhone);
    browser.findElement(By.xpath("//button[normalize-space()='Thêm vào tổ']")).click();
    awaitMainText("Cho rời tổ: Hà Văn Đại Sứ");
    assertAccessible("teams");

    // The trainer, on their phone: a family of three at one address.
    browser.manage().deleteAllCookies();
    signIn(trainerPhone);
    List<String> cards = new java.util.ArrayList<>();
    for (String name : List.of("Lò Văn Cha", "Lường Thị Mẹ", "Lò Thị Út")) {
      browser.get(Http.BASE + "/ho-tro/dang-ky");
      awaitElement("#ten").sendKeys(name);
      browser.findElement(By.id("nam_sinh")).sendKeys("1965");
      browser.findElement(By.id("dang_nhap")).sendKeys(Residents.newPhone());
      browser.findElement(By.id("mat_khau")).sendKeys(Residents.PASSWORD);
      browser.findElement(By.id("mat_khau_lai")).sendKeys(Residents.PASSWORD);
      new Select(browser.findElement(By.id("to"))).selectByVisibleText(group);
      browser.findElement(By.id("dia_chi")).sendKeys("Số 3, thôn Đoài");
      if (cards.isEmpty()) {
        assertAccessible("assisted registration");
      }
      browser.findElement(By.name("dong_y")).findElement(By.xpath("./ancestor::label")).click();
      browser
          .findElement(By.xpath("//button[normalize-space()='Tạo tài khoản cho người dân']"))
          .click();
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(ExpectedConditions.urlMatches(".*/ho-tro/nguoi-dan/[0-9]+$"));
      cards.add(browser.getCurrentUrl());
    }
    assertAccessible("resident card");

    // Two pass the online safety quiz with the trainer; the quiz names whom it is for.
    Quiz quiz = QuizKey.quiz("an-toan-tren-mang");
    List<String> names = List.of("Lò Văn Cha", "Lường Thị Mẹ");
    for (int i = 0; i < names.size(); i++) {
      String card = cards.get(i);
      browser.get(card);
      browser
          .findElement(
              By.xpath(
                  "//button[starts-with(normalize-space(),"
                      + " 'Làm bài kiểm tra cùng người dân: An toàn')]"))
          .click();
      new WebDriverWait(browser, Duration.ofSeconds(15))
          .until(ExpectedConditions.urlMatches(".*/lam-bai/[0-9a-f]{32}$"));
      String assisted = awaitElement(".assisted").getText();
      assertTrue(assisted.contains(names.get(i)), assisted);
      if (i == 0) {
        assertAccessible("assisted quiz");
      }
      answerRight(quiz);
      browser.findElement(By.xpath("//button[normalize-space()='Nộp bài']")).click();
      awaitElement(".score");
      browser.findElement(By.partialLinkText("Về thẻ của " + names.get(i))).click();
      new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(card));
    }

    // Three skills seen in person.
    attestInBrowser(cards.get(0), "vneid-muc-2");
    attestInBrowser(cards.get(1), "ung-dung-cong-dan-so");
    attestInBrowser(cards.get(2), "ho-so-truc-tuyen");
    assertAccessible("resident card after attesting");
    browser.get(Http.BASE + "/ho-tro");
    assertTrue(
        browser.findElement(By.tagName("main")).getText().contains("Đã là \"Gia đình số\""),
        browser.findElement(By.tagName("main")).getText());
    assertAccessible("work list");

    // The ward counts it.
    assertEquals(familyBefore + 1, familyHouseholds(officerApi, ward));

    // The officer is asked before a trainer leaves the team.
    browser.manage().deleteAllCookies();
    signIn(officerPhone);
    browser.get(Http.BASE + "/phuong/tam-" + ward + "/to-cong-nghe");
    browser
        .findElement(By.xpath("//button[normalize-space()='Cho rời tổ: Hà Văn Đại Sứ']"))
        .click();
    // The h1 found first may be the team page's, replaced while it is read: wait for the text.
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBe(By.tagName("h1"), "Cho Hà Văn Đại Sứ rời tổ?"));
    assertAccessible("leaving a team");
  }

  private void signIn(String phone) {
    browser.get(Http.BASE + "/dang-nhap");
    browser.findElement(By.id("dang_nhap")).sendKeys(phone);
    browser.findElement(By.id("mat_khau")).sendKeys(Residents.PASSWORD);
    browser.findElement(By.xpath("//button[normalize-space()='Đăng nhập']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/dang-nhap$")));
  }

  /** Ticks every checklist item of a skill on a resident's card and submits it. */
  private void attestInBrowser(String card, String skill) {
    browser.get(card);
    WebElement form =
        browser.findElement(
            By.xpath("//form[.//input[@name='ky_nang' and @value='" + skill + "']]"));
    for (WebElement item : form.findElements(By.name("muc"))) {
      item.findElement(By.xpath("./ancestor::label")).click();
    }
    form.findElement(By.xpath(".//button[@type='submit']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlMatches(".*da_luu=1$"));
  }

  private static long familyHouseholds(Browser officer, long ward) {
    return Browser.json(officer.get("/api/wards/tam-" + ward + "/progress"))
        .getJsonObject("familyHouseholds")
        .getJsonNumber("numerator")
        .longValue();
  }

  @Test
  void anAdminSeesEveryWardSideBySideAccessibly() throws Exception {
    open(1280, 1, true).get(Http.BASE + "/dang-nhap");
    browser.findElement(By.id("dang_nhap")).sendKeys("admin");
    browser.findElement(By.id("mat_khau")).sendKeys(Staff.adminPassword());
    browser.findElement(By.xpath("//button[normalize-space()='Đăng nhập']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/dang-nhap$")));
    browser.get(Http.BASE + "/tinh");
    WebElement table = awaitElement("table.rollup");
    assertTrue(table.getText().contains("Hải Châu"), table.getText());
    assertAccessible("every ward");
    browser.findElement(By.linkText("Hộ có người làm DVC trực tuyến")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlContains("sap_xep=truc_tuyen"));
    assertEquals(
        "ascending",
        browser.findElement(By.cssSelector("th[aria-sort]")).getAttribute("aria-sort"));
    browser.get(Http.BASE + "/quan-ly/phuong");
    assertAccessible("ward list import");
  }

  /** Answers every question on the form right, tapping the whole option as a resident does. */
  private void answerRight(Quiz quiz) {
    Map<String, List<String>> key = QuizKey.correct(quiz);
    for (WebElement question : browser.findElements(By.cssSelector("fieldset.question"))) {
      String id =
          question
              .findElement(By.cssSelector("input, select"))
              .getAttribute("name")
              .replaceFirst("^(cau|thu-tu)-([0-9a-f]{10}).*$", "$2");
      List<String> answer = key.get(id);
      if (quiz.question(id).orElseThrow().type() == QuestionType.ORDERING) {
        for (int position = 0; position < answer.size(); position++) {
          new Select(question.findElement(By.name("thu-tu-" + id + "-" + answer.get(position))))
              .selectByValue(String.valueOf(position + 1));
        }
      } else {
        for (String option : answer) {
          WebElement input = question.findElement(By.cssSelector("input[value='" + option + "']"));
          input.findElement(By.xpath("./ancestor::label")).click();
          assertTrue(input.isSelected());
        }
      }
    }
  }

  /**
   * A picture question shows its pictures on the open attempt, on a phone and on a desktop (they
   * used to render 0 px wide, seen only on the result page). A guest who passes is then shown how
   * to keep the result.
   */
  @ParameterizedTest
  @ValueSource(ints = {360, 1280})
  void pictureOptionsShowTheirPicturesWhileTheQuizIsOpen(int width) throws Exception {
    open(width, 1, true);
    List<WebElement> pictures = List.of();
    for (int tries = 0; tries < 10 && pictures.isEmpty(); tries++) {
      browser.get(Http.BASE + "/hoc-phan/vneid/kiem-tra");
      browser.findElement(By.xpath("//button[normalize-space()='Bắt đầu làm bài']")).click();
      awaitElement("fieldset.question");
      // Only the pictures of this attempt's form: an attempt draws 8 of the quiz's questions.
      browser.manage().timeouts().implicitlyWait(Duration.ZERO);
      pictures = browser.findElements(By.cssSelector(".options-images .option-text img"));
      browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }
    assertFalse(pictures.isEmpty(), "an attempt with the picture question");
    for (WebElement picture : pictures) {
      script("arguments[0].scrollIntoView()", picture);
      int shown = picture.getRect().getWidth();
      assertTrue(shown >= 150, width + " px: a picture option is " + shown + " px wide");
      // check-content measures a picture option's text at this width: never wider than it shows.
      assertTrue(
          shown >= vn.hocso.content.control.SvgReadability.OPTION_WIDTH,
          width
              + " px: a picture option is "
              + shown
              + " px wide, narrower than check-content"
              + " assumes");
    }
    assertAccessible("open attempt with pictures");
    answerRight(QuizKey.quiz("vneid"));
    browser.findElement(By.xpath("//button[normalize-space()='Nộp bài']")).click();
    WebElement next = awaitElement(".next-step");
    assertTrue(next.getText().contains("Tạo tài khoản"), next.getText());
    assertTrue(next.isDisplayed());
    assertAccessible("a guest's passed result");
  }

  /** At 200 % zoom a 360 px phone lays the page out 180 CSS px wide: the open quiz still fits. */
  @Test
  void theOpenQuizFitsAPhoneAtTwoHundredPercentZoom() throws Exception {
    open(360, 1, true);
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", 180, "height", 800, "deviceScaleFactor", 2, "mobile", true));
    browser.get(Http.BASE + "/hoc-phan/dich-vu-cong/kiem-tra");
    browser.findElement(By.xpath("//button[normalize-space()='Bắt đầu làm bài']")).click();
    awaitElement("fieldset.question");
    assertEquals(180L, script("return window.innerWidth"), "CSS viewport");
    assertFitsTheWidth("open quiz at 200 %");
  }

  /** Staff tables use a desktop's width; residents read in a narrow column. */
  @Test
  void staffPagesUseTheScreensWidthAndLessonsStayNarrow() throws Exception {
    String phone = Residents.newPhone();
    Staff.withRole("Tôn Thị Màn Hình", "officer", 6, phone);
    open(1280, 1, true);
    signIn(phone);
    browser.get(Http.BASE + "/phuong/tam-6");
    awaitElement("table.figures");
    long staff =
        (Long)
            script(
                "return Math.round(document.querySelector('main').getBoundingClientRect().width)");
    assertTrue(staff >= 1100, "the dashboard is " + staff + " px wide");
    assertAccessible("dashboard on a desktop");
    browser.get(Http.BASE + "/hoc-phan/vneid/cai-dat");
    long lesson =
        (Long)
            script(
                "return Math.round(document.querySelector('main').getBoundingClientRect().width)");
    assertTrue(lesson <= 720, "a lesson is " + lesson + " px wide");
  }

  /** axe runs as a script: these checks need JavaScript on, the quiz itself does not. */
  @Test
  void quizPagesAreAccessibleOnASmallPhone() throws Exception {
    open(360, 1, true).get(Http.BASE + "/hoc-phan/vneid/kiem-tra");
    assertAccessible("quiz page");
    assertFitsTheWidth("quiz page");
    browser.findElement(By.xpath("//button[normalize-space()='Bắt đầu làm bài']")).click();
    assertAccessible("quiz form");
    assertFitsTheWidth("quiz form");
    for (WebElement option : browser.findElements(By.cssSelector("label.option, select"))) {
      assertTrue(option.getRect().getHeight() >= 48, option.getText());
    }
    browser.findElement(By.xpath("//button[normalize-space()='Nộp bài']")).click();
    assertTrue(awaitElement(".score").getText().contains("0/" + QuizKey.quiz("vneid").draw()));
    assertAccessible("quiz result");
    assertFitsTheWidth("quiz result");
    for (WebElement button : browser.findElements(By.cssSelector("a.button, button"))) {
      assertTrue(button.getRect().getHeight() >= 48, button.getText());
    }
  }

  private static String nodes(Rule rule) {
    return rule.getNodes().stream()
        .map(node -> node.getHtml())
        .limit(3)
        .collect(Collectors.joining(" | "));
  }

  @ParameterizedTest
  @ValueSource(ints = {320, 360})
  void noHorizontalScrollingOnSmallPhones(int width) throws Exception {
    open(width, 1, true);
    for (String page : PAGES) {
      browser.get(Http.BASE + page);
      assertFitsTheWidth(page);
    }
  }

  @Test
  void usableAtTwoHundredPercentZoom() throws Exception {
    // A 1280 px laptop window at 200 % zoom lays pages out 640 CSS px wide, each CSS pixel drawn
    // with two: the same layout as this 640 px viewport at scale 2.
    open(640, 2, true);
    for (String page : PAGES) {
      browser.get(Http.BASE + page);
      assertFitsTheWidth(page);
      assertEquals(640L, script("return window.innerWidth"), "CSS viewport");
    }
  }

  /** The element, once the page the last click led to has it (a form post and its redirect). */
  private WebElement awaitElement(String css) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /**
   * Waits until the page the last click led to shows the text in its main element. The text is read
   * in the page by script, so it never holds an element of the page being replaced: Chromium
   * reports such an element as "Node with given id does not belong to the document", which Selenium
   * does not map to a stale element. Errors while the next page loads are retried.
   */
  private void awaitMainText(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(WebDriverException.class)
        .withMessage(() -> "main never showed: " + text)
        .until(
            driver ->
                String.valueOf(
                        script(
                            "const m = document.querySelector('main'); return m ? m.innerText : ''"))
                    .contains(text));
  }

  private void assertFitsTheWidth(String page) {
    long scrollWidth = (Long) script("return document.documentElement.scrollWidth");
    long viewport = (Long) script("return document.documentElement.clientWidth");
    assertTrue(
        scrollWidth <= viewport, page + ": content " + scrollWidth + " px in " + viewport + " px");
  }

  @Test
  void largeTextAndLargeTouchTargets() throws Exception {
    open(360, 1, true).get(Http.BASE + "/hoc-phan/vneid/dinh-danh-muc-2");
    String fontSize = (String) script("return getComputedStyle(document.body).fontSize");
    assertTrue(Double.parseDouble(fontSize.replace("px", "")) >= 18, "body font " + fontSize);
    List<WebElement> targets =
        browser.findElements(
            By.cssSelector("a.button, a.card, .breadcrumb a, a.brand, .program a"));
    assertTrue(targets.size() >= 5, "buttons and breadcrumb links present");
    for (WebElement target : targets) {
      int height = target.getRect().getHeight();
      assertTrue(height >= 48, target.getText() + " is " + height + " px high");
    }
    for (String page : List.of("/", "/hoc-phan/vneid")) {
      browser.get(Http.BASE + page);
      for (WebElement link : browser.findElements(By.cssSelector("a.card, .program a"))) {
        assertTrue(link.getRect().getHeight() >= 48, page + ": " + link.getText());
      }
    }
  }

  @Test
  void readableWithJavaScriptOff() throws Exception {
    open(360, 1, false);
    browser.get(
        "data:text/html,<p id=x>off</p><script>document.getElementById('x').textContent='on'</script>");
    assertEquals("off", browser.findElement(By.id("x")).getText(), "scripts really are off");
    browser.get(Http.BASE + "/");
    browser.findElement(By.linkText("An toàn trên mạng")).click();
    assertEquals("An toàn trên mạng", browser.findElement(By.tagName("h1")).getText());
    browser.findElement(By.partialLinkText("Mã OTP")).click();
    WebElement article = browser.findElement(By.cssSelector("article.lesson"));
    assertTrue(article.getText().contains("OTP"), article.getText());
    browser.findElement(By.partialLinkText("Bài tiếp")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlMatches(".*/hoc-phan/an-toan-tren-mang/link-ung-dung-ma-qr$"));
    browser.findElement(By.linkText("Về trang học phần")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlMatches(".*/hoc-phan/an-toan-tren-mang$"));
  }

  @Test
  void imagesLoadUnderTheContentSecurityPolicy() throws Exception {
    open(360, 1, true).get(Http.BASE + "/hoc-phan/vneid/cai-dat");
    WebElement image = browser.findElement(By.cssSelector("article img"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", image);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Object width = 0L;
    while (System.nanoTime() < deadline) {
      width =
          ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", image);
      if (((Long) width) > 0) {
        break;
      }
      Http.sleep(100);
    }
    assertTrue((Long) width > 0, "the SVG illustration rendered");
    // check-content measures a lesson picture's text at the column's width on a 360 px phone.
    assertEquals(
        vn.hocso.content.control.SvgReadability.LESSON_WIDTH,
        image.getRect().getWidth(),
        1,
        "a lesson picture on a 360 px phone is as wide as check-content assumes");
    String cssColor =
        (String)
            script(
                "return getComputedStyle(document.querySelector('.site-header')).backgroundColor");
    assertEquals("rgb(10, 74, 133)", cssColor, "the stylesheet applied");
  }
}
