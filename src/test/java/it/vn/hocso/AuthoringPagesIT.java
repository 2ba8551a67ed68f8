package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authoring pages as plain HTML forms on the running server (what a phone without the editor's
 * script gets): a trainer writes a module with a photo, an editor reviews and publishes it, a
 * resident reads it, and the editor restores an earlier text; every bad picture the issue names is
 * refused with its reason.
 */
class AuthoringPagesIT {

  static Browser trainer;
  static Browser editor;
  static Browser learner;

  @BeforeAll
  static void people() {
    Http.awaitReady();
    trainer = Staff.withRole("Trang Văn Soạn", "trainer", Residents.HAI_CHAU);
    editor = Staff.withRole("Trang Thị Duyệt", "editor", Residents.HAI_CHAU);
    learner = new Browser();
    Residents.register(learner, "Trang Văn Học", Residents.newPhone(), Residents.HAI_CHAU);
  }

  @AfterAll
  static void retireLeftovers() {
    DraftsIT.retireLeftovers(editor);
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = AuthoringPagesIT.class.getResourceAsStream("/pictures/" + name)) {
      return in.readAllBytes();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> form(Browser who, String path, String... fields) {
    List<Map.Entry<String, String>> entries = new java.util.ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      entries.add(Map.entry(fields[i], fields[i + 1]));
    }
    return who.postForm(path, entries);
  }

  private static HttpResponse<String> saveText(
      Browser who, long draft, String file, String text, String action) {
    return form(
        who,
        "/bien-tap/ban-nhap/" + draft + "/tep",
        "duong_dan",
        file,
        "noi_dung",
        text,
        "lan_luu",
        "0",
        "ban_goc",
        "",
        "hanh_dong",
        action);
  }

  /** Sends a picture as the page's upload form does: multipart, the token in the action. */
  private static HttpResponse<String> upload(
      Browser who,
      long draft,
      String editedFile,
      String fileName,
      byte[] bytes,
      String alt,
      String name) {
    String boundary = "----hocso" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(
        ("\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"mo_ta\"\r\n\r\n"
                + alt
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"ten\"\r\n\r\n"
                + name
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    return who.send(
        HttpRequest.newBuilder(
                URI.create(
                    Http.BASE
                        + "/bien-tap/ban-nhap/"
                        + draft
                        + "/hinh?duong-dan="
                        + encode(editedFile)
                        + "&_csrf="
                        + who.csrf()))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static long draftIdOf(HttpResponse<String> created) {
    assertEquals(303, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    Matcher id = Pattern.compile("/bien-tap/ban-nhap/([0-9]+)$").matcher(location);
    assertTrue(id.find(), location);
    return Long.parseLong(id.group(1));
  }

  private static boolean contains(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }

  @Test
  void aTrainerWritesWithAPhotoAnEditorPublishesAResidentReadsAndAnEditorRestores()
      throws Exception {
    String module = DraftsIT.newModuleId();
    long draft =
        draftIdOf(
            form(
                trainer,
                "/bien-tap/ban-nhap",
                "hoc_phan",
                "_moi",
                "ma_moi",
                module,
                "tieu_de",
                "Học phần thử trên trang"));
    String folder = "modules/" + module + "/";
    assertEquals(
        303,
        saveText(
                trainer,
                draft,
                folder + "_index.md",
                DraftsIT.index("Thử trang", DraftsIT.weight()),
                "luu")
            .statusCode());
    assertEquals(
        303, saveText(trainer, draft, folder + "quiz.md", DraftsIT.quiz(1), "luu").statusCode());

    // A lesson with raw HTML: the preview names the problem at its line, nothing is saved.
    String broken = DraftsIT.lesson("> [!CAUTION]\n> Không đưa mã OTP cho ai.\n\n<b>đậm</b>");
    HttpResponse<String> previewed =
        saveText(trainer, draft, folder + "10-bai/index.md", broken, "xem-truoc");
    assertEquals(200, previewed.statusCode());
    assertTrue(previewed.body().contains("không được dùng HTML trong bài"), previewed.body());
    assertTrue(previewed.body().contains("dòng 10"), previewed.body());

    // Pictures: a photo straight from a phone, and what must be refused.
    String lessonFile = folder + "10-bai/index.md";
    HttpResponse<String> photo =
        upload(
            trainer,
            draft,
            lessonFile,
            "IMG_2041.JPG",
            fixture("photo-gps-rotated.jpg"),
            "Màn hình thử",
            "anh-thu");
    assertEquals(200, photo.statusCode(), photo.body());
    assertTrue(photo.body().contains("![Màn hình thử](anh-thu.jpg)"), photo.body());

    byte[] elf = new byte[2048];
    elf[0] = 0x7F;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    HttpResponse<String> executable =
        upload(trainer, draft, lessonFile, "anh.png", elf, "Hình", "anh");
    assertEquals(400, executable.statusCode());
    assertTrue(executable.body().contains("không phải ảnh JPEG, PNG, WebP hay hình SVG"));
    HttpResponse<String> script =
        upload(
            trainer,
            draft,
            lessonFile,
            "hinh.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n<script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8),
            "Hình",
            "hinh");
    assertEquals(400, script.statusCode());
    assertTrue(script.body().contains("Dòng 3"), script.body());
    HttpResponse<String> onload =
        upload(
            trainer,
            draft,
            lessonFile,
            "hinh.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8),
            "Hình",
            "hinh");
    assertEquals(400, onload.statusCode());
    assertTrue(onload.body().contains("onload"), onload.body());
    HttpResponse<String> entity =
        upload(
            trainer,
            draft,
            lessonFile,
            "hinh.svg",
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                    + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>")
                .getBytes(StandardCharsets.UTF_8),
            "Hình",
            "hinh");
    assertEquals(400, entity.statusCode());
    assertFalse(entity.body().contains("root:"), "no file was read");
    byte[] twelve = new byte[12 * 1024 * 1024];
    System.arraycopy(fixture("photo-gps-rotated.jpg"), 0, twelve, 0, 1000);
    HttpResponse<String> tooBig =
        upload(trainer, draft, lessonFile, "to.jpg", twelve, "Hình", "to");
    assertEquals(413, tooBig.statusCode());
    HttpResponse<String> noAlt =
        upload(
            trainer,
            draft,
            lessonFile,
            "a.jpg",
            fixture("photo-gps-rotated.jpg"),
            "",
            "khong-mo-ta");
    assertEquals(400, noAlt.statusCode());
    assertTrue(noAlt.body().contains("mô tả hình"), noAlt.body());

    String lesson =
        DraftsIT.lesson(
            "> [!CAUTION]\n> Không đưa mã OTP cho ai.\n\n![Màn hình thử](anh-thu.jpg)\n\n1. Mở ứng dụng.");
    assertEquals(303, saveText(trainer, draft, lessonFile, lesson, "luu").statusCode());
    // Now that the module has a lesson, a quiz's preview shows the question as a resident sees it
    // and, for its author, the key and
    // the explanation.
    HttpResponse<String> quizPreview =
        saveText(trainer, draft, folder + "quiz.md", DraftsIT.quiz(1), "xem-truoc");
    assertEquals(200, quizPreview.statusCode(), quizPreview.body());
    assertTrue(
        quizPreview.body().contains("<li class=\"preview-correct\">Có <strong>(đúng)</strong>"),
        quizPreview.body());
    assertTrue(quizPreview.body().contains("Giải thích (chỉ người soạn thấy)"), quizPreview.body());
    assertTrue(quizPreview.body().contains("Vì thế."), quizPreview.body());
    HttpResponse<String> draftPage = trainer.get("/bien-tap/ban-nhap/" + draft);
    assertTrue(draftPage.body().contains("xuất bản được"), draftPage.body());
    assertTrue(draftPage.body().contains("<strong>Đang soạn</strong>"), draftPage.body());
    // The draft's preview shows the draft's own picture.
    HttpResponse<String> preview = saveText(trainer, draft, lessonFile, lesson, "xem-truoc");
    assertTrue(
        preview.body().contains("/bien-tap/ban-nhap/" + draft + "/hinh/10-bai/anh-thu.jpg"),
        preview.body());
    assertEquals(
        200,
        trainer.getBytes("/bien-tap/ban-nhap/" + draft + "/hinh/10-bai/anh-thu.jpg").statusCode());
    // "Làm thử": the draft's quiz as a resident gets it, scored, nothing stored.
    HttpResponse<String> trial = trainer.get("/bien-tap/ban-nhap/" + draft + "/lam-thu");
    assertEquals(200, trial.statusCode(), trial.body());
    assertTrue(trial.body().contains("Không có gì được lưu"), trial.body());
    Matcher action =
        Pattern.compile("action=\"(/bien-tap/ban-nhap/[0-9]+/lam-thu\\?hat=-?[0-9]+)\"")
            .matcher(trial.body());
    assertTrue(action.find(), trial.body());
    Matcher right =
        Pattern.compile(
                "name=\"(cau-[^\"]+)\" value=\"([^\"]+)\">\\s*<span class=\"option-text\">Có</span>")
            .matcher(trial.body());
    assertTrue(right.find(), trial.body());
    HttpResponse<String> scored =
        form(trainer, action.group(1).replace("&amp;", "&"), right.group(1), right.group(2));
    assertEquals(200, scored.statusCode(), scored.body());
    assertTrue(scored.body().contains("Đúng <strong>1/1</strong> câu"), scored.body());
    assertTrue(scored.body().contains("không có gì được lưu"), scored.body());

    assertEquals(303, form(trainer, "/bien-tap/ban-nhap/" + draft + "/gui").statusCode());

    // The editor: the queue, the diff, publish.
    HttpResponse<String> queue = editor.get("/bien-tap/cho-duyet");
    assertTrue(queue.body().contains("/bien-tap/cho-duyet/" + draft), queue.body());
    HttpResponse<String> review = editor.get("/bien-tap/cho-duyet/" + draft);
    assertEquals(200, review.statusCode(), review.body());
    assertTrue(
        review.body().contains("class=\"diff-added\">+1. Mở ứng dụng.</span>"), review.body());
    assertTrue(review.body().contains("Xuất bản"));
    assertEquals(
        303,
        form(editor, "/bien-tap/cho-duyet/" + draft + "/xuat-ban", "y_kien", "Tốt").statusCode());

    // A resident reads the lesson with the photo: upright, without EXIF, light.
    String page = awaitLesson("/hoc-phan/" + module + "/bai", "anh-thu.jpg");
    Matcher src = Pattern.compile("src=\"(/noi-dung/[^\"]*anh-thu\\.jpg)\"").matcher(page);
    assertTrue(src.find(), page);
    HttpResponse<byte[]> served = learner.getBytes(src.group(1));
    assertEquals(200, served.statusCode());
    byte[] jpeg = served.body();
    assertFalse(contains(jpeg, "Exif"), "no EXIF");
    assertFalse(contains(jpeg, "GPS"), "no GPS");
    assertTrue(jpeg.length <= 300 * 1024, jpeg.length + " bytes");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertEquals(1280, image.getWidth());
    assertEquals(1920, image.getHeight(), "upright: portrait");

    // A second publish, then the editor restores the first text from the file's history.
    long second =
        draftIdOf(
            form(trainer, "/bien-tap/ban-nhap", "hoc_phan", module, "tieu_de", "Sửa lần hai"));
    JsonObject files = Browser.json(trainer.get("/api/drafts/" + second));
    long published = DraftsIT.publishedRevision(editor, module, lessonFile);
    assertEquals(
        303,
        form(
                trainer,
                "/bien-tap/ban-nhap/" + second + "/tep",
                "duong_dan",
                lessonFile,
                "noi_dung",
                lesson.replace("1. Mở ứng dụng.", "1. Mở ứng dụng VNeID."),
                "lan_luu",
                "0",
                "ban_goc",
                String.valueOf(published),
                "hanh_dong",
                "luu")
            .statusCode(),
        files.toString());
    assertEquals(303, form(trainer, "/bien-tap/ban-nhap/" + second + "/gui").statusCode());
    assertEquals(
        303,
        form(editor, "/bien-tap/cho-duyet/" + second + "/xuat-ban", "y_kien", "").statusCode());
    HttpResponse<String> history = editor.get("/bien-tap/lich-su?duong-dan=" + encode(lessonFile));
    assertEquals(200, history.statusCode(), history.body());
    assertTrue(history.body().contains("(đang đăng)"));
    HttpResponse<String> compared =
        editor.get(
            "/bien-tap/lich-su?duong-dan="
                + encode(lessonFile)
                + "&tu="
                + published
                + "&den="
                + DraftsIT.publishedRevision(editor, module, lessonFile));
    assertTrue(compared.body().contains("+1. Mở ứng dụng VNeID."), compared.body());
    long restored =
        draftIdOf(form(editor, "/bien-tap/lich-su/khoi-phuc", "ban", String.valueOf(published)));
    JsonObject restoredDraft = Browser.json(editor.get("/api/drafts/" + restored));
    assertTrue(restoredDraft.toString().contains("1. Mở ứng dụng.\\n"), restoredDraft.toString());
    DraftsIT.retire(editor, module);
  }

  private static String awaitLesson(String path, String expected) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    HttpResponse<String> page = learner.get(path);
    while (!(page.statusCode() == 200 && page.body().contains(expected))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
      page = learner.get(path);
    }
    assertEquals(200, page.statusCode(), page.body());
    return page.body();
  }

  @Test
  void onlyTrainersAndEditorsOpenTheAuthoringPages() {
    for (String path : List.of("/bien-tap/ban-nhap", "/bien-tap/cho-duyet", "/bien-tap")) {
      assertEquals(403, learner.get(path).statusCode(), path);
    }
    assertEquals(403, trainer.get("/bien-tap/cho-duyet").statusCode());
    assertEquals(200, trainer.get("/bien-tap/ban-nhap").statusCode());
    assertEquals(200, editor.get("/bien-tap/cho-duyet").statusCode());
    assertEquals(200, editor.get("/bien-tap").statusCode());
    HttpResponse<String> upload =
        upload(learner, 1, "modules/vneid/10-cai-dat/index.md", "a.jpg", new byte[] {1}, "x", "a");
    assertEquals(403, upload.statusCode());
  }
}
