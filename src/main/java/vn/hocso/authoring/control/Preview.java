package vn.hocso.authoring.control;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ContentLoader;
import vn.hocso.content.control.ContentStore;
import vn.hocso.content.entity.ContentProblem;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Question;
import vn.hocso.platform.control.Refusal;

/**
 * Renders a text as residents will see it and checks it as {@code check-content} does, without
 * storing anything: the text replaces its file in an in-memory copy of its module (with the
 * programs and skills it may name), and the same {@link ContentLoader} loads that copy.
 */
@ApplicationScoped
public class Preview {

  private static final Pattern MODULE_ID = Pattern.compile("(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*");

  /** {@code _index.md}, {@code quiz.md} or a lesson's {@code <folder>/index.md}. */
  private static final Pattern FILE =
      Pattern.compile(
          "_index\\.md|quiz\\.md|(?=[^/]{1,80}/)[0-9]*-?[a-z0-9]+(-[a-z0-9]+)*/index\\.md");

  @Inject ContentCatalog catalog;

  private final ContentLoader loader = new ContentLoader();

  /** A check result on the previewed module, its path inside the module folder. */
  public record Problem(String file, int line, String message) {}

  /** One question as the quiz shows it, with its answer key (previews are for authors). */
  public record PreviewQuestion(
      String html, String type, String lessonId, List<PreviewOption> options, String explanation) {}

  public record PreviewOption(String html, boolean correct) {}

  /**
   * What a preview gives: the check results (problems stop a module from being served; warnings do
   * not) and, when nothing stops it, the rendered file.
   */
  public record Result(
      String moduleId,
      String file,
      List<Problem> problems,
      List<Problem> warnings,
      String html,
      List<PreviewQuestion> questions) {}

  /** Whether {@code file} (inside a module folder) is a text the preview shows. */
  public static boolean isPreviewable(String file) {
    return file != null && FILE.matcher(file).matches();
  }

  public Result preview(String moduleId, String file, String text) {
    return preview(moduleId, file, text, Map.of(), null);
  }

  /**
   * Previews a file of a draft: the module as the draft would publish it (its other changed files,
   * its new pictures) with {@code text} in place of {@code file}. Pictures show from {@code
   * picturesAt}, the address that serves the draft's files by their path inside the module.
   */
  public Result previewDraft(Drafts.Changes draft, String file, String text, String picturesAt) {
    if (!ContentStore.isModule(draft.draft().scope())) {
      throw new Refusal(400, "Chỉ xem trước được tệp của một học phần.");
    }
    return preview(draft.draft().scope(), file, text, draft.files(), picturesAt);
  }

  /**
   * The module as the draft would publish it, loaded as the server would load it: its problems, or
   * the module (for an author's trial of its quiz). Pictures keep the draft module's own version in
   * their addresses; {@link #picturesAt} moves them.
   */
  public ContentLoader.ModuleResult loadDraft(Drafts.Changes draft) {
    String moduleId = draft.draft().scope();
    if (!ContentStore.isModule(moduleId)) {
      throw new Refusal(400, "Chỉ học phần mới có bài kiểm tra.");
    }
    try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix())) {
      Path root = memory.getPath("/content");
      Files.createDirectories(root.resolve("modules").resolve(moduleId));
      Files.createDirectories(root.resolve("programs"));
      copy(root, moduleId, draft.files());
      return loader.load(root).modules().get(moduleId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites the draft module's picture addresses to {@code picturesAt}. */
  public static UnaryOperator<String> picturesAt(Module module, String picturesAt) {
    String previewed = "/noi-dung/" + module.id() + "/" + module.version() + "/";
    return html -> html == null ? null : html.replace(previewed, picturesAt);
  }

  /** The published files of the module, the programs and skills, then the draft's changes. */
  private void copy(Path root, String moduleId, Map<String, byte[]> changes) throws IOException {
    String moduleFolder = "modules/" + moduleId + "/";
    for (Map.Entry<String, byte[]> published : catalog.publishedFiles().entrySet()) {
      String path = published.getKey();
      if (path.startsWith(moduleFolder)
          || path.startsWith("programs/")
          || path.startsWith("skills/")) {
        Path copy = root.resolve(path);
        Files.createDirectories(copy.getParent());
        Files.write(copy, published.getValue());
      }
    }
    for (Map.Entry<String, byte[]> change : changes.entrySet()) {
      Path changed = root.resolve(change.getKey());
      if (change.getValue() == null) {
        Files.deleteIfExists(changed);
      } else {
        Files.createDirectories(changed.getParent());
        Files.write(changed, change.getValue());
      }
    }
  }

  private Result preview(
      String moduleId, String file, String text, Map<String, byte[]> changes, String picturesAt) {
    if (moduleId == null || !MODULE_ID.matcher(moduleId).matches()) {
      throw new Refusal(400, "Mã học phần chỉ gồm chữ thường không dấu, số và dấu gạch ngang.");
    }
    if (file == null || !FILE.matcher(file).matches()) {
      throw new Refusal(
          400,
          "Tên tệp phải là `_index.md`, `quiz.md` hoặc `<thư mục bài học>/index.md`, không có `..`.");
    }
    if (text == null) {
      throw new Refusal(400, "Thiếu nội dung cần xem trước.");
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > ContentLoader.MAX_MARKDOWN_BYTES) {
      throw new Refusal(413, "Nội dung dài quá: mỗi tệp tối đa 1 MB.");
    }
    try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix())) {
      Path root = memory.getPath("/content");
      Path moduleDir = root.resolve("modules").resolve(moduleId);
      Files.createDirectories(moduleDir);
      Files.createDirectories(root.resolve("programs"));
      String moduleFolder = "modules/" + moduleId + "/";
      copy(root, moduleId, changes);
      Path target = moduleDir.resolve(file);
      Files.createDirectories(target.getParent());
      Files.writeString(target, text, StandardCharsets.UTF_8);
      Optional<Module> served = catalog.current().module(moduleId);
      String folder = file.contains("/") ? file.substring(0, file.indexOf('/')) : null;
      boolean onlyThisFile =
          changes.keySet().stream().allMatch(path -> path.equals(moduleFolder + file));
      if (served.isPresent()
          && onlyThisFile
          && folder != null
          && served.get().lessons().stream().anyMatch(lesson -> lesson.folder().equals(folder))) {
        // An existing lesson of a served module: its text changes nothing else in the module.
        return lessonOnly(served.get(), moduleDir, folder, file);
      }
      ContentLoader.ModuleResult loaded = loader.load(root).modules().get(moduleId);
      List<Problem> problems = relative(moduleDir, loaded.problems());
      List<Problem> warnings = relative(moduleDir, loaded.warnings());
      if (!loaded.ok()) {
        return new Result(moduleId, file, problems, warnings, null, List.of());
      }
      return rendered(loaded.module(), file, problems, warnings, picturesAt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Result lessonOnly(Module served, Path moduleDir, String folder, String file) {
    List<ContentProblem> found = new ArrayList<>();
    List<ContentProblem> warned = new ArrayList<>();
    Lesson lesson = loader.loadOneLesson(moduleDir, served, folder, found, warned);
    List<Problem> problems = relative(moduleDir, found);
    List<Problem> warnings = relative(moduleDir, warned);
    return new Result(
        served.id(),
        file,
        problems,
        warnings,
        lesson == null ? null : lesson.fullHtml(),
        List.of());
  }

  private Result rendered(
      Module module,
      String file,
      List<Problem> problems,
      List<Problem> warnings,
      String picturesAt) {
    // Pictures are served from the published version (the preview's own version is not), or for
    // a draft by the address that serves its files.
    UnaryOperator<String> pictures =
        picturesAt != null
            ? picturesAt(module, picturesAt)
            : catalog
                .current()
                .module(module.id())
                .map(
                    published ->
                        picturesAt(
                            module, "/noi-dung/" + module.id() + "/" + published.version() + "/"))
                .orElse(UnaryOperator.identity());
    String html;
    List<PreviewQuestion> questions = List.of();
    if (file.equals("_index.md")) {
      html = module.introHtml();
    } else if (file.equals("quiz.md")) {
      html = module.quiz().introHtml();
      questions =
          module.quiz().questions().stream().map(question -> question(question, pictures)).toList();
    } else {
      String folder = file.substring(0, file.indexOf('/'));
      html =
          module.lessons().stream()
              .filter(lesson -> lesson.folder().equals(folder))
              .findFirst()
              .map(Lesson::fullHtml)
              .orElse("");
    }
    return new Result(module.id(), file, problems, warnings, pictures.apply(html), questions);
  }

  private static PreviewQuestion question(Question question, UnaryOperator<String> pictures) {
    return new PreviewQuestion(
        pictures.apply(question.html()),
        question.type().name().toLowerCase(java.util.Locale.ROOT),
        question.lessonId(),
        question.options().stream()
            .map(option -> new PreviewOption(pictures.apply(option.html()), option.correct()))
            .toList(),
        question.explanationHtml());
  }

  private static List<Problem> relative(Path moduleDir, List<ContentProblem> found) {
    return found.stream()
        .filter(problem -> problem.file().startsWith(moduleDir))
        .map(
            problem ->
                new Problem(
                    moduleDir.relativize(problem.file()).toString(),
                    problem.line(),
                    problem.message()))
        .toList();
  }
}
