package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.authoring.control.DraftRefusal;
import vn.hocso.authoring.control.Drafts;
import vn.hocso.authoring.control.Pictures;
import vn.hocso.authoring.control.Preview;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ContentStore;
import vn.hocso.content.entity.Module;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.platform.control.Refusal;
import vn.hocso.platform.control.Vietnamese;
import vn.hocso.quiz.control.InvalidSubmission;
import vn.hocso.quiz.control.QuizForms;
import vn.hocso.quiz.control.QuizScorer;
import vn.hocso.quiz.entity.Scored;
import vn.hocso.quiz.entity.Shown;
import vn.hocso.web.control.ContentSecurityPolicy;
import vn.hocso.web.control.SignInRequired;

/**
 * A trainer's pages for drafts (src/docs/authoring.md): the list of their drafts with what each
 * waits for, a new draft, a draft's files and check results, a file's editor with its preview, the
 * pictures, and sending the draft to the editors. Every page works as plain HTML forms; the
 * editor's script only adds to them.
 */
@Path("bien-tap/ban-nhap")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DraftPages {

  /** A lesson folder as a new lesson names it: its order, then its id. */
  private static final Pattern LESSON_FOLDER = Pattern.compile("[0-9]{1,4}-[a-z0-9]+(-[a-z0-9]+)*");

  private static final Pattern PICTURE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  @Inject CurrentAccount current;
  @Inject Drafts drafts;
  @Inject Preview preview;
  @Inject ContentCatalog catalog;
  @Inject ContentStore store;
  @Inject Navigation navigation;

  /** The file page sets its own Content-Security-Policy (a style nonce for the editor). */
  @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletResponse servletResponse;

  /** A draft as the list shows it: the summary, its module's title and what it waits for. */
  public record Row(Drafts.Summary draft, String moduleTitle, String state, String next) {}

  /** One file of the module in the draft's page: where it stands in the draft. */
  public record FileRow(String path, String file, String change, boolean markdown) {}

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public String list() {
    Account author = current.require(Permission.WRITE_DRAFTS);
    return listPage(author, new HashMap<>());
  }

  private String listPage(Account author, Map<String, Object> model) {
    List<Row> rows = new ArrayList<>();
    for (Drafts.Summary draft : drafts.list(author, null)) {
      rows.add(new Row(draft, moduleTitle(draft.scope()), state(draft.status()), next(draft)));
    }
    model.put("isEditor", author.can(Permission.PUBLISH_CONTENT));
    model.put("rows", rows);
    model.put("modules", catalog.current().modules());
    model.putIfAbsent("error", null);
    model.putIfAbsent("entered", Map.of("module", "", "newId", "", "title", ""));
    return navigation.page("drafts", model);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response create(
      @FormParam("hoc_phan") String moduleId,
      @FormParam("ma_moi") String newId,
      @FormParam("tieu_de") String title) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    String scope = "_moi".equals(moduleId) ? trim(newId) : trim(moduleId);
    try {
      Drafts.Summary created = drafts.create(author, scope, title);
      return Response.seeOther(URI.create("/bien-tap/ban-nhap/" + created.id())).build();
    } catch (Refusal refusal) {
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      model.put(
          "entered",
          Map.of("module", orEmpty(moduleId), "newId", orEmpty(newId), "title", orEmpty(title)));
      return Response.status(refusal.status()).entity(listPage(author, model)).build();
    }
  }

  @GET
  @Path("{id}")
  @SignInRequired
  @Operation(hidden = true)
  public String draft(@PathParam("id") long id, @QueryParam("da") String done) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    return draftPage(author, id, done == null ? null : DONE.get(done), null);
  }

  private static final Map<String, String> DONE =
      Map.of(
          "gui", "Đã gửi cho biên tập viên. Khi họ xuất bản hoặc trả lại, trang này sẽ ghi rõ.",
          "rut", "Đã bỏ bản nháp này. Nó vẫn còn để xem lại; muốn sửa tiếp, hãy tạo bản nháp mới.",
          "luu", "Đã lưu.",
          "xoa", "Đã đánh dấu xóa tệp trong bản nháp.");

  private String draftPage(Account author, long id, String message, String error) {
    Drafts.Draft draft = drafts.get(author, id);
    Map<String, Object> model = new HashMap<>();
    model.put("account", author);
    model.put("draft", draft.draft());
    model.put("state", state(draft.draft().status()));
    model.put("next", next(draft.draft()));
    model.put("moduleTitle", moduleTitle(draft.draft().scope()));
    model.put("files", fileRows(draft));
    model.put("check", draft.check());
    model.put("writable", writable(draft.draft()));
    model.put("isModule", ContentStore.isModule(draft.draft().scope()));
    model.put("message", message);
    model.put("error", error);
    return navigation.page("draft", model);
  }

  /** The module's published files and the draft's, each once, with what the draft does to it. */
  private List<FileRow> fileRows(Drafts.Draft draft) {
    String folder = ContentStore.folderOf(draft.draft().scope()) + "/";
    Map<String, String> changes = new TreeMap<>();
    catalog.publishedFiles().keySet().stream()
        .filter(path -> path.startsWith(folder))
        .forEach(path -> changes.put(path, "chưa sửa"));
    for (Drafts.DraftFile file : draft.files()) {
      String was = changes.get(file.path());
      changes.put(file.path(), file.removed() ? "xóa" : was == null ? "mới" : "đã sửa");
    }
    List<FileRow> rows = new ArrayList<>();
    changes.forEach(
        (path, change) ->
            rows.add(
                new FileRow(path, path.substring(folder.length()), change, path.endsWith(".md"))));
    return rows;
  }

  @GET
  @Path("{id}/tep")
  @SignInRequired
  @Operation(hidden = true)
  public Response file(
      @PathParam("id") long id,
      @QueryParam("duong-dan") String path,
      @QueryParam("da") String done) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    Drafts.Files draft = drafts.files(author, id);
    String full = inDraft(draft.draft(), path);
    Editing editing = editing(draft, full);
    Map<String, Object> model = fileModel(author, draft, editing);
    model.put("message", done == null ? null : DONE.get(done));
    return filePage(200, model);
  }

  /**
   * The file page, its policy allowing the one style element of the editor's script by a nonce made
   * for this response (src/docs/authoring.md).
   */
  private Response filePage(int status, Map<String, Object> model) {
    String nonce = ContentSecurityPolicy.newNonce();
    model.put("styleNonce", nonce);
    servletResponse.setHeader(
        "Content-Security-Policy", ContentSecurityPolicy.withStyleNonce(nonce));
    return Response.status(status).entity(navigation.page("draft-file", model)).build();
  }

  /** What the editor opens: the text, and the revisions its save must name. */
  private record Editing(
      String path, String text, int revision, Long baseRevision, boolean isNew) {}

  private Editing editing(Drafts.Files draft, String path) {
    for (Drafts.DraftFile file : draft.files()) {
      if (file.path().equals(path) && !file.removed()) {
        return new Editing(path, file.text(), file.revision(), file.baseRevision(), false);
      }
    }
    int revision =
        draft.files().stream()
            .filter(file -> file.path().equals(path))
            .mapToInt(Drafts.DraftFile::revision)
            .findFirst()
            .orElse(0);
    byte[] published = catalog.publishedFiles().get(path);
    Long base = store.publishedRevision(path).orElse(null);
    if (published != null) {
      return new Editing(
          path, new String(published, StandardCharsets.UTF_8), revision, base, false);
    }
    return new Editing(path, newFileText(path), revision, base, true);
  }

  /** The text a new file starts with: the shape content/README.md asks for. */
  private static String newFileText(String path) {
    if (path.endsWith("/quiz.md")) {
      return "---\ndraw: 5\n---\n\n## Câu hỏi thứ nhất?\n\nBài học: \n\n- [ ] Đáp án sai\n"
          + "- [x] Đáp án đúng\n\n> Giải thích vì sao.\n";
    }
    if (path.endsWith("/_index.md")) {
      return "---\ntitle: \nsummary: \nweight: \nminutes: \npass_mark: 80\ncriteria: []\n---\n\n"
          + "Học phần này giúp bác …\n";
    }
    return "---\ntitle: \nweight: \nminutes: 5\nsummary: \n---\n\n## Bác sẽ học\n\n"
        + "1. Bước thứ nhất.\n\n## Nguồn\n\n- \n";
  }

  private Map<String, Object> fileModel(Account author, Drafts.Files draft, Editing editing) {
    Map<String, Object> model = new HashMap<>();
    String folder = ContentStore.folderOf(draft.draft().scope()) + "/";
    model.put("account", author);
    model.put("draft", draft.draft());
    model.put("state", state(draft.draft().status()));
    model.put("moduleTitle", moduleTitle(draft.draft().scope()));
    model.put("path", editing.path());
    model.put("file", editing.path().substring(folder.length()));
    model.put("text", editing.text());
    model.put("revision", editing.revision());
    model.put("baseRevision", editing.baseRevision());
    model.put("isNew", editing.isNew());
    model.put("writable", writable(draft.draft()));
    model.put("pictureFolder", pictureFolder(editing.path(), folder));
    model.put("preview", null);
    model.put("message", null);
    model.put("error", null);
    model.put("theirs", null);
    model.put("altEntered", "");
    model.put("wide", true);
    model.put("picture", null);
    return model;
  }

  /** Where a picture for this file goes: its lesson's folder, or the module's. */
  private static String pictureFolder(String path, String moduleFolder) {
    String inside = path.substring(moduleFolder.length());
    int slash = inside.lastIndexOf('/');
    return slash < 0 ? "" : inside.substring(0, slash);
  }

  @POST
  @Path("{id}/tep")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response saveFile(
      @PathParam("id") long id,
      @FormParam("duong_dan") String path,
      @FormParam("noi_dung") String text,
      @FormParam("lan_luu") int revision,
      @FormParam("ban_goc") String baseRevision,
      @FormParam("hanh_dong") String action) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    Drafts.Files draft = drafts.files(author, id);
    String full = inDraft(draft.draft(), path);
    String body = text == null ? "" : text.replace("\r\n", "\n");
    Long base = baseRevision == null || baseRevision.isBlank() ? null : Long.valueOf(baseRevision);
    Editing editing = new Editing(full, body, revision, base, false);
    Map<String, Object> model = fileModel(author, draft, editing);
    if (!"luu".equals(action)) {
      model.put("preview", previewOf(author, id, model.get("file").toString(), body));
      return filePage(200, model);
    }
    try {
      drafts.save(author, id, full, body.getBytes(StandardCharsets.UTF_8), revision, base);
      return Response.seeOther(
              URI.create("/bien-tap/ban-nhap/" + id + "/tep?duong-dan=" + encode(full) + "&da=luu"))
          .build();
    } catch (DraftRefusal conflict) {
      // Both texts stay on the page; the form now names the revision saved first, so that the
      // author's merged text saves over it.
      Map<String, Object> details = conflict.details();
      model.put("error", conflict.getMessage());
      model.put("theirs", details.get("theirs"));
      if (details.get("theirRevision") instanceof Number their) {
        if ("draft".equals(details.get("conflictWith"))) {
          model.put("revision", their.intValue());
        } else {
          model.put("baseRevision", their.longValue());
        }
      }
      return filePage(conflict.status(), model);
    } catch (Refusal refusal) {
      model.put("error", refusal.getMessage());
      return filePage(refusal.status(), model);
    }
  }

  private Preview.Result previewOf(Account author, long id, String file, String text) {
    return preview.previewDraft(
        drafts.changes(author, id), file, text, "/bien-tap/ban-nhap/" + id + "/hinh/");
  }

  @POST
  @Path("{id}/hinh")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(hidden = true)
  public Response addPicture(
      @PathParam("id") long id,
      @QueryParam("duong-dan") String editedPath,
      @FormParam("tep") EntityPart file,
      @FormParam("mo_ta") String altPart,
      @FormParam("ten") String namePart)
      throws IOException {
    Account author = current.require(Permission.WRITE_DRAFTS);
    Drafts.Files draft = drafts.files(author, id);
    String edited = inDraft(draft.draft(), editedPath);
    Map<String, Object> model = fileModel(author, draft, editing(draft, edited));
    String alt = trim(altPart);
    String name = trim(namePart).toLowerCase(Locale.ROOT);
    byte[] sent = new byte[0];
    String sentName = "";
    if (file != null) {
      sentName = file.getFileName().orElse("");
      try (InputStream in = file.getContent()) {
        sent = in.readNBytes(Pictures.MAX_UPLOAD_BYTES + 1);
      }
    }
    String error = null;
    int status = 400;
    if (sent.length == 0) {
      error = "Bác hãy chọn một ảnh (chụp bằng máy hoặc chọn trong thư viện ảnh).";
    } else if (alt.isEmpty()) {
      error =
          "Bác hãy viết vài chữ mô tả hình, cho người không xem được hình (ví dụ: Màn hình"
              + " đăng nhập VNeID).";
    } else if (!name.isEmpty() && !PICTURE_NAME.matcher(name).matches()) {
      error =
          "Tên hình chỉ gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: man-hinh-dang-nhap).";
    }
    if (error == null) {
      try {
        Pictures.Picture picture = Pictures.prepare(sent);
        String stem = name.isEmpty() ? nameFrom(sentName) : name;
        String folder = ContentStore.folderOf(draft.draft().scope()) + "/";
        String inLesson = model.get("pictureFolder").toString();
        String target =
            folder + (inLesson.isEmpty() ? "" : inLesson + "/") + stem + "." + picture.extension();
        int revision =
            draft.files().stream()
                .filter(each -> each.path().equals(target))
                .mapToInt(Drafts.DraftFile::revision)
                .findFirst()
                .orElse(0);
        drafts.save(
            author,
            id,
            target,
            picture.bytes(),
            revision,
            store.publishedRevision(target).orElse(null));
        String relative =
            target.substring(folder.length() + (inLesson.isEmpty() ? 0 : inLesson.length() + 1));
        model.put(
            "picture",
            Map.of(
                "markdown",
                "![" + alt.replace("]", "") + "](" + relative + ")",
                "size",
                Math.max(1, picture.bytes().length / 1024),
                "width",
                picture.width(),
                "name",
                relative));
        return filePage(200, model);
      } catch (Refusal refusal) {
        error = refusal.getMessage();
        status = refusal.status();
      }
    }
    model.put("error", error);
    model.put("altEntered", alt);
    return filePage(status, model);
  }

  /** A picture's name from the file the phone sent, or "hinh" when it gives none that fits. */
  private static String nameFrom(String sentName) {
    String stem =
        sentName.contains(".") ? sentName.substring(0, sentName.lastIndexOf('.')) : sentName;
    String ascii =
        Vietnamese.withoutDiacritics(stem)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 40) {
      ascii = ascii.substring(0, 40).replaceAll("-+$", "");
    }
    return ascii.isEmpty() ? "hinh" : ascii;
  }

  /** A picture of the draft, or of the published module, for the draft's preview. */
  @GET
  @Path("{id}/hinh/{file: .+}")
  @SignInRequired
  @Operation(hidden = true)
  public Response picture(@PathParam("id") long id, @PathParam("file") String file) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    Drafts.Changes changes = drafts.change(author, id, file);
    String path = ContentStore.folderOf(changes.draft().scope()) + "/" + file;
    byte[] bytes =
        changes.files().containsKey(path)
            ? changes.files().get(path)
            : catalog.publishedFiles().get(path);
    String type = vn.hocso.content.control.MarkdownRenderer.IMAGE_TYPES.get(extension(path));
    if (bytes == null || type == null) {
      throw new Refusal(404, "Không có hình `" + file + "` trong bản nháp này.");
    }
    return Response.ok(bytes, type)
        .header("Cache-Control", "private, no-cache")
        .header("Content-Security-Policy", ContentSecurityPolicy.PICTURE)
        .build();
  }

  @POST
  @Path("{id}/tep-moi")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response newLesson(@PathParam("id") long id, @FormParam("thu_muc") String folder) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    Drafts.Files draft = drafts.files(author, id);
    String name = trim(folder).toLowerCase(Locale.ROOT);
    if (!LESSON_FOLDER.matcher(name).matches()) {
      return Response.status(400)
          .entity(
              draftPage(
                  author,
                  id,
                  null,
                  "Tên thư mục bài học gồm số thứ tự, dấu gạch ngang rồi mã bài, chữ thường không"
                      + " dấu (ví dụ: 40-kiem-tra-ho-so)."))
          .build();
    }
    String path = ContentStore.folderOf(draft.draft().scope()) + "/" + name + "/index.md";
    return Response.seeOther(
            URI.create("/bien-tap/ban-nhap/" + id + "/tep?duong-dan=" + encode(path)))
        .build();
  }

  /**
   * "Làm thử": the draft's quiz as a resident gets it, every question of its pool in a random order
   * with shuffled options, scored as the server scores attempts; nothing is stored. The order comes
   * from {@code hat} (a seed in the form's address), so the answers are read against the questions
   * shown.
   */
  @GET
  @Path("{id}/lam-thu")
  @SignInRequired
  @Operation(hidden = true)
  public Response trial(@PathParam("id") long id) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    Trial trial = trialOf(author, id, new java.security.SecureRandom().nextLong());
    if (trial.problem() != null) {
      return Response.status(409).entity(draftPage(author, id, null, trial.problem())).build();
    }
    Map<String, Object> model = new HashMap<>();
    model.put("action", "/bien-tap/ban-nhap/" + id + "/lam-thu?hat=" + trial.seed());
    model.put("trial", true);
    model.put("resident", null);
    model.put("moduleTitle", trial.module().title());
    model.put("questions", QuizForms.form(trial.quiz(), trial.shown()));
    return Response.ok(navigation.page("attempt", model)).build();
  }

  @POST
  @Path("{id}/lam-thu")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response scoreTrial(
      @PathParam("id") long id,
      @QueryParam("hat") long seed,
      jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    Trial trial = trialOf(author, id, seed);
    if (trial.problem() != null) {
      return Response.status(409).entity(draftPage(author, id, null, trial.problem())).build();
    }
    Scored scored;
    try {
      Map<String, List<String>> answers =
          QuizForms.answers(trial.quiz(), trial.shown(), form::getFirst, form::get);
      scored = QuizScorer.score(trial.quiz(), trial.shown(), answers, trial.module().passMark());
    } catch (InvalidSubmission changed) {
      return Response.status(409)
          .entity(
              draftPage(
                  author,
                  id,
                  null,
                  "Bài kiểm tra của bản nháp vừa đổi trong lúc bác làm thử: hãy làm thử lại."))
          .build();
    }
    Map<String, Boolean> results = new HashMap<>();
    scored.results().forEach(result -> results.put(result.questionId(), result.correct()));
    Map<String, Object> model = new HashMap<>();
    model.put("draft", trial.draft());
    model.put("moduleTitle", trial.module().title());
    model.put("moduleId", trial.module().id());
    model.put("scored", scored);
    model.put("passMark", trial.module().passMark());
    model.put(
        "questions",
        QuizForms.review(trial.quiz(), trial.shown(), scored.answers(), results, null));
    model.put("quizPath", ContentStore.folderOf(trial.module().id()) + "/quiz.md");
    return Response.ok(navigation.page("draft-trial", model)).build();
  }

  /** A trial's quiz: the whole pool, drawn in the seed's order; or why there is none. */
  private record Trial(
      Drafts.Summary draft,
      long seed,
      Module module,
      vn.hocso.content.entity.Quiz quiz,
      List<Shown> shown,
      String problem) {}

  private Trial trialOf(Account author, long id, long seed) {
    Drafts.Changes changes = drafts.changes(author, id);
    vn.hocso.content.control.ContentLoader.ModuleResult loaded = preview.loadDraft(changes);
    if (loaded == null || !loaded.ok()) {
      return new Trial(
          changes.draft(),
          seed,
          null,
          null,
          List.of(),
          "Học phần của bản nháp còn lỗi (xem phần Kiểm tra): sửa xong mới làm thử được.");
    }
    Module module = loaded.module();
    java.util.function.UnaryOperator<String> pictures =
        Preview.picturesAt(module, "/bien-tap/ban-nhap/" + id + "/hinh/");
    List<vn.hocso.content.entity.Question> questions =
        module.quiz().questions().stream()
            .map(
                question ->
                    new vn.hocso.content.entity.Question(
                        question.id(),
                        question.type(),
                        question.text(),
                        pictures.apply(question.html()),
                        question.options().stream()
                            .map(
                                option ->
                                    new vn.hocso.content.entity.Option(
                                        option.id(),
                                        option.text(),
                                        pictures.apply(option.html()),
                                        option.correct()))
                            .toList(),
                        pictures.apply(question.explanationHtml()),
                        question.lessonId()))
            .toList();
    vn.hocso.content.entity.Quiz whole =
        new vn.hocso.content.entity.Quiz(
            questions.size(), module.quiz().policy(), module.quiz().introHtml(), questions);
    return new Trial(
        changes.draft(),
        seed,
        module,
        whole,
        QuizScorer.draw(whole, new java.util.Random(seed)),
        null);
  }

  @POST
  @Path("{id}/gui")
  @Operation(hidden = true)
  public Response submit(@PathParam("id") long id) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    try {
      drafts.submit(author, id);
    } catch (Refusal refusal) {
      return Response.status(refusal.status())
          .entity(draftPage(author, id, null, refusal.getMessage()))
          .build();
    }
    return Response.seeOther(URI.create("/bien-tap/ban-nhap/" + id + "?da=gui")).build();
  }

  @POST
  @Path("{id}/rut")
  @Operation(hidden = true)
  public Response withdraw(@PathParam("id") long id) {
    Account author = current.require(Permission.WRITE_DRAFTS);
    try {
      drafts.withdraw(author, id);
    } catch (Refusal refusal) {
      return Response.status(refusal.status())
          .entity(draftPage(author, id, null, refusal.getMessage()))
          .build();
    }
    return Response.seeOther(URI.create("/bien-tap/ban-nhap/" + id + "?da=rut")).build();
  }

  /** The full path of a file named inside the draft's module, or refused. */
  static String inDraft(Drafts.Summary draft, String path) {
    String folder = ContentStore.folderOf(draft.scope()) + "/";
    String full = path == null ? "" : path.strip();
    if (!full.startsWith(folder)) {
      full = folder + full;
    }
    if (ContentStore.scopeOf(full).filter(draft.scope()::equals).isEmpty()
        || !(full.endsWith(".md"))) {
      throw new Refusal(
          400, "Tệp `" + orEmpty(path) + "` không phải một tệp Markdown của bản nháp này.");
    }
    return full;
  }

  private String moduleTitle(String scope) {
    if (scope.equals(ContentStore.PROGRAMS)) {
      return "Các chương trình";
    }
    if (scope.equals(ContentStore.SKILLS)) {
      return "Các kỹ năng thực hành";
    }
    return catalog.current().module(scope).map(Module::title).orElse("Học phần mới " + scope);
  }

  /** The draft's status in words. */
  static String state(String status) {
    return switch (status) {
      case Drafts.EDITING -> "Đang soạn";
      case Drafts.SUBMITTED -> "Chờ biên tập viên duyệt";
      case Drafts.RETURNED -> "Được trả lại để sửa";
      case Drafts.PUBLISHED -> "Đã xuất bản";
      case Drafts.WITHDRAWN -> "Đã bỏ";
      default -> status;
    };
  }

  /** What the draft waits for, as its author reads it. */
  static String next(Drafts.Summary draft) {
    return switch (draft.status()) {
      case Drafts.EDITING ->
          draft.fileCount() == 0
              ? "Chưa có tệp nào: mở một tệp để sửa."
              : "Sửa xong thì bấm \"Gửi duyệt\".";
      case Drafts.SUBMITTED -> "Chờ biên tập viên đọc và xuất bản.";
      case Drafts.RETURNED -> "Đọc lời nhắn của biên tập viên, sửa rồi gửi lại.";
      case Drafts.PUBLISHED -> "Người dân đang đọc bản này.";
      default -> "";
    };
  }

  private static boolean writable(Drafts.Summary draft) {
    return !draft.status().equals(Drafts.PUBLISHED) && !draft.status().equals(Drafts.WITHDRAWN);
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String trim(String value) {
    return value == null ? "" : value.strip();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
