package vn.hocso.content.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.hocso.content.entity.ContentProblem;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Media;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Program;
import vn.hocso.content.entity.Quiz;
import vn.hocso.content.entity.Skill;

/**
 * Reads a content folder (see content/README.md) into modules and programs, reporting every problem
 * it finds. Used the same way by the server and by the {@code check-content} command, so that a
 * folder the check accepts is a folder the server serves.
 *
 * <p>A module with any problem yields no {@link Module}: the server then keeps serving the last
 * good version of it. Modules whose files have not changed since the previous load are reused as
 * they are, so reloading a folder after one edit costs little more than hashing it.
 */
public final class ContentLoader {

  public static final long MAX_MARKDOWN_BYTES = 1024 * 1024;
  public static final long MAX_IMAGE_BYTES = 2 * 1024 * 1024;
  public static final int MAX_LESSON_MINUTES = 15;

  private static final Pattern ID = Pattern.compile("(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern ORDER_PREFIX = Pattern.compile("^[0-9]+-");
  private static final Set<String> MODULE_KEYS =
      Set.of("title", "summary", "weight", "minutes", "pass_mark", "criteria");
  private static final Set<String> LESSON_KEYS = Set.of("title", "weight", "minutes", "summary");
  private static final Set<String> PROGRAM_KEYS = Set.of("title", "summary", "weight", "skills");
  private static final Set<String> SKILL_KEYS =
      Set.of("title", "summary", "weight", "reference", "withdrawn");
  private static final Pattern CHECKLIST_ITEM = Pattern.compile("^\\s*[-*] \\[ \\] (.+)$");
  private static final Pattern CHECKLIST_HEADING =
      Pattern.compile("^##\\s+Danh sách kiểm tra\\s*$", Pattern.CASE_INSENSITIVE);
  public static final int MAX_CHECKLIST = 10;

  /**
   * What loading one module folder gave: the module, or the problems that stop it; and warnings,
   * which stop nothing but tell the author something a reader will notice (check-content prints
   * them).
   */
  public record ModuleResult(
      String id,
      String version,
      Module module,
      List<ContentProblem> problems,
      List<ContentProblem> warnings) {

    public ModuleResult(String id, String version, Module module, List<ContentProblem> problems) {
      this(id, version, module, problems, List.of());
    }

    public boolean ok() {
      return module != null;
    }
  }

  /**
   * Modules rendered earlier (by this build), found by id and content version: a module whose files
   * hash to a kept version is taken as it was kept, its pictures read from its folder, instead of
   * being parsed, checked and rendered again ({@link RenderedModules}).
   */
  public interface Rendered {
    Rendered NONE =
        new Rendered() {
          @Override
          public Optional<Module> module(String id, String version) {
            return Optional.empty();
          }

          @Override
          public boolean has(String id, String version) {
            return false;
          }
        };

    /** The module kept for this id and version, if there is one and it reads back. */
    Optional<Module> module(String id, String version);

    /** Whether this id and version is kept (and read back, if it was asked for). */
    boolean has(String id, String version);
  }

  /** What loading one program file gave. */
  public record ProgramResult(String id, Program program, List<ContentProblem> problems) {
    public boolean ok() {
      return program != null;
    }
  }

  /** What loading one practical skill file gave. */
  public record SkillResult(String id, Skill skill, List<ContentProblem> problems) {
    public boolean ok() {
      return skill != null;
    }
  }

  /** A whole content folder. Programs list the modules that loaded without problems. */
  public record Result(
      Path root,
      Map<String, ProgramResult> programs,
      Map<String, ModuleResult> modules,
      Map<String, SkillResult> skills,
      List<ContentProblem> folderProblems) {

    /** What stops nothing but should be looked at, module by module. */
    public List<ContentProblem> warnings() {
      List<ContentProblem> all = new ArrayList<>();
      modules.values().forEach(result -> all.addAll(result.warnings()));
      all.sort(
          Comparator.comparing((ContentProblem warning) -> warning.file().toString())
              .thenComparingInt(ContentProblem::line));
      return all;
    }

    public List<ContentProblem> problems() {
      List<ContentProblem> all = new ArrayList<>(folderProblems);
      programs.values().forEach(result -> all.addAll(result.problems()));
      modules.values().forEach(result -> all.addAll(result.problems()));
      skills.values().forEach(result -> all.addAll(result.problems()));
      return all;
    }
  }

  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final QuizParser quizzes = new QuizParser(markdown);

  /** Loads {@code root} from scratch. */
  public Result load(Path root) {
    return load(root, Map.of());
  }

  /**
   * Loads {@code root}, reusing modules of {@code previous} whose version (and so whose files) did
   * not change.
   */
  public Result load(Path root, Map<String, Module> previous) {
    return load(root, previous, null);
  }

  /**
   * Loads {@code root} as {@link #load(Path, Map)} does, its modules side by side on {@code
   * executor} (one task per module; null: one after the other). Modules are independent until the
   * checks across them, which run once all are loaded; the renderer and the quiz parser keep no
   * state between calls (flexmark's parser and renderer are thread-safe).
   */
  public Result load(Path root, Map<String, Module> previous, ExecutorService executor) {
    return load(root, previous, executor, Set.of());
  }

  /**
   * As {@link #load(Path, Map, ExecutorService)}, reusing the modules of {@code previous} named in
   * {@code unchanged} without reading their files again: the caller knows they did not change (the
   * database says which modules a publish changed).
   */
  public Result load(
      Path root, Map<String, Module> previous, ExecutorService executor, Set<String> unchanged) {
    return load(root, previous, executor, unchanged, Rendered.NONE);
  }

  /**
   * As {@link #load(Path, Map, ExecutorService, Set)}, taking modules from {@code rendered} where
   * their version is kept there.
   */
  public Result load(
      Path root,
      Map<String, Module> previous,
      ExecutorService executor,
      Set<String> unchanged,
      Rendered rendered) {
    List<ContentProblem> folderProblems = new ArrayList<>();
    Map<String, ModuleResult> modules = new TreeMap<>();
    Map<String, ProgramResult> programs = new TreeMap<>();
    Map<String, SkillResult> skills = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      folderProblems.add(
          new ContentProblem(root, 1, "không tìm thấy thư mục nội dung `" + root + "`"));
      return new Result(root, programs, modules, skills, folderProblems);
    }
    Path skillsDir = root.resolve("skills");
    if (Files.isDirectory(skillsDir)) {
      for (Path file : list(skillsDir)) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && name.endsWith(".md") && !name.startsWith(".")) {
          SkillResult result = loadSkill(file);
          skills.put(result.id(), result);
        }
      }
    }
    Path programsDir = root.resolve("programs");
    if (Files.isDirectory(programsDir)) {
      for (Path file : list(programsDir)) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && name.endsWith(".md") && !name.startsWith(".")) {
          ProgramResult result = loadProgram(file, skills.keySet());
          programs.put(result.id(), result);
        }
      }
    }
    Set<String> programIds = programs.keySet();
    Path modulesDir = root.resolve("modules");
    if (!Files.isDirectory(modulesDir)) {
      folderProblems.add(
          new ContentProblem(
              modulesDir, 1, "thiếu thư mục `modules`: mỗi học phần là một thư mục trong đó"));
    } else {
      List<Path> dirs =
          list(modulesDir).stream()
              .filter(dir -> Files.isDirectory(dir))
              .filter(dir -> !dir.getFileName().toString().startsWith("."))
              .toList();
      for (ModuleResult result :
          loadModules(dirs, programIds, previous, executor, unchanged, rendered)) {
        modules.put(result.id(), result);
      }
    }
    checkAcrossModules(root, modules);
    programs.replaceAll((id, result) -> withModules(result, modules));
    return new Result(root, programs, modules, skills, folderProblems);
  }

  private List<ModuleResult> loadModules(
      List<Path> dirs,
      Set<String> programIds,
      Map<String, Module> previous,
      ExecutorService executor,
      Set<String> unchanged,
      Rendered rendered) {
    if (executor == null || dirs.size() < 2) {
      return dirs.stream()
          .map(dir -> loadModule(dir, programIds, previous, unchanged, rendered))
          .toList();
    }
    List<Callable<ModuleResult>> tasks = new ArrayList<>();
    for (Path dir : dirs) {
      tasks.add(() -> loadModule(dir, programIds, previous, unchanged, rendered));
    }
    List<ModuleResult> results = new ArrayList<>();
    try {
      for (Future<ModuleResult> loaded : executor.invokeAll(tasks)) {
        results.add(loaded.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading content", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
    return results;
  }

  /** Problems that need several modules at once: weights shared by two modules. */
  private static void checkAcrossModules(Path root, Map<String, ModuleResult> modules) {
    Map<Integer, String> weights = new HashMap<>();
    for (Map.Entry<String, ModuleResult> entry : new ArrayList<>(modules.entrySet())) {
      Module module = entry.getValue().module();
      if (module == null) {
        continue;
      }
      String other = weights.putIfAbsent(module.weight(), module.id());
      if (other != null) {
        Path index = root.resolve("modules").resolve(module.id()).resolve("_index.md");
        ContentProblem problem =
            new ContentProblem(
                index,
                lineOfKey(index, "weight"),
                "`weight: " + module.weight() + "` trùng với học phần `" + other + "`");
        entry.setValue(
            new ModuleResult(module.id(), entry.getValue().version(), null, List.of(problem)));
      }
    }
  }

  private static ProgramResult withModules(
      ProgramResult result, Map<String, ModuleResult> modules) {
    if (!result.ok()) {
      return result;
    }
    List<String> moduleIds =
        modules.values().stream()
            .filter(ModuleResult::ok)
            .map(ModuleResult::module)
            .filter(module -> module.criteria().contains(result.id()))
            .sorted(Comparator.comparingInt(Module::weight).thenComparing(Module::id))
            .map(Module::id)
            .toList();
    Program program = result.program();
    return new ProgramResult(
        result.id(),
        new Program(
            program.id(),
            program.title(),
            program.summary(),
            program.weight(),
            program.descriptionHtml(),
            moduleIds,
            program.skillIds()),
        result.problems());
  }

  ProgramResult loadProgram(Path file, Set<String> skillIds) {
    String fileName = file.getFileName().toString();
    String id = fileName.substring(0, fileName.length() - ".md".length());
    List<ContentProblem> problems = new ArrayList<>();
    if (!ID.matcher(id).matches()) {
      problems.add(new ContentProblem(file, 1, invalidId(fileName)));
    }
    String text = SourceText.read(file, MAX_MARKDOWN_BYTES, problems).orElse(null);
    if (text == null) {
      return new ProgramResult(id, null, problems);
    }
    FrontMatter front = FrontMatter.parse(file, text, problems);
    front.rejectUnknownKeys(PROGRAM_KEYS);
    String title = front.requiredText("title", 120);
    String summary = front.requiredText("summary", 300);
    int weight = front.requiredInt("weight", 0, 100_000);
    List<String> skills = front.optionalList("skills");
    for (String skill : skills) {
      if (!skillIds.contains(skill)) {
        problems.add(
            new ContentProblem(
                file,
                front.lineOf("skills"),
                "`skills` nhắc đến kỹ năng `"
                    + skill
                    + "` nhưng không có tệp skills/"
                    + skill
                    + ".md"));
      }
    }
    String html =
        markdown.render(front.body(), MarkdownRenderer.Scope.standalone(file), false, problems);
    Program program =
        problems.isEmpty()
            ? new Program(id, title, summary, weight, html, List.of(), List.copyOf(skills))
            : null;
    return new ProgramResult(id, program, problems);
  }

  /**
   * A practical skill: front matter (title, summary, weight, optional reference label, optional
   * withdrawn), guidance for the trainer, and a checklist under "## Danh sách kiểm tra" written as
   * an unticked task list.
   */
  SkillResult loadSkill(Path file) {
    String fileName = file.getFileName().toString();
    String id = fileName.substring(0, fileName.length() - ".md".length());
    List<ContentProblem> problems = new ArrayList<>();
    if (!ID.matcher(id).matches()) {
      problems.add(new ContentProblem(file, 1, invalidId(fileName)));
    }
    String text = SourceText.read(file, MAX_MARKDOWN_BYTES, problems).orElse(null);
    if (text == null) {
      return new SkillResult(id, null, problems);
    }
    FrontMatter front = FrontMatter.parse(file, text, problems);
    front.rejectUnknownKeys(SKILL_KEYS);
    String title = front.requiredText("title", 120);
    String summary = front.requiredText("summary", 300);
    int weight = front.requiredInt("weight", 0, 100_000);
    String reference = front.optionalText("reference", 60).orElse(null);
    boolean withdrawn = front.optionalBoolean("withdrawn", false);
    String[] lines = front.body().split("\n", -1);
    List<String> checklist = new ArrayList<>();
    StringBuilder guidance = new StringBuilder();
    int headingLine = 0;
    boolean inChecklist = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (CHECKLIST_HEADING.matcher(line).matches()) {
        headingLine = i + 1;
        inChecklist = true;
        guidance.append('\n');
        continue;
      }
      if (inChecklist && line.startsWith("## ")) {
        inChecklist = false;
      }
      if (inChecklist) {
        java.util.regex.Matcher item = CHECKLIST_ITEM.matcher(line);
        if (item.matches()) {
          checklist.add(item.group(1).strip());
        } else if (!line.isBlank()) {
          problems.add(
              new ContentProblem(
                  file,
                  i + 1,
                  "trong \"Danh sách kiểm tra\" mỗi dòng là một mục \"- [ ] …\" chưa đánh dấu"));
        }
        guidance.append('\n');
      } else {
        guidance.append(line).append('\n');
      }
    }
    if (headingLine == 0) {
      problems.add(
          new ContentProblem(
              file, 1, "thiếu mục \"## Danh sách kiểm tra\" với các dòng \"- [ ] …\""));
    } else if (checklist.isEmpty()) {
      problems.add(new ContentProblem(file, headingLine, "\"Danh sách kiểm tra\" chưa có mục nào"));
    } else if (checklist.size() > MAX_CHECKLIST) {
      problems.add(
          new ContentProblem(
              file,
              headingLine,
              "\"Danh sách kiểm tra\" có " + checklist.size() + " mục; tối đa " + MAX_CHECKLIST));
    }
    String html =
        markdown.render(
            guidance.toString(), MarkdownRenderer.Scope.standalone(file), false, problems);
    Skill skill =
        problems.isEmpty()
            ? new Skill(
                id, title, summary, weight, reference, withdrawn, List.copyOf(checklist), html)
            : null;
    return new SkillResult(id, skill, problems);
  }

  ModuleResult loadModule(Path dir, Set<String> programIds, Map<String, Module> previous) {
    return loadModule(dir, programIds, previous, Set.of(), Rendered.NONE);
  }

  private ModuleResult loadModule(
      Path dir,
      Set<String> programIds,
      Map<String, Module> previous,
      Set<String> unchanged,
      Rendered rendered) {
    String id = dir.getFileName().toString();
    List<ContentProblem> problems = new ArrayList<>();
    Path index = dir.resolve("_index.md");
    if (!ID.matcher(id).matches()) {
      problems.add(new ContentProblem(index, 1, invalidId(id)));
      return new ModuleResult(id, null, null, problems);
    }
    Module last = previous.get(id);
    if (last != null && unchanged.contains(id) && programIds.containsAll(last.criteria())) {
      return new ModuleResult(id, last.version(), last, List.of());
    }
    String version = version(dir);
    if (last != null && last.version().equals(version) && programIds.containsAll(last.criteria())) {
      return new ModuleResult(id, version, last, List.of());
    }
    Optional<Module> kept =
        rendered.module(id, version).filter(module -> programIds.containsAll(module.criteria()));
    if (kept.isPresent()) {
      List<ContentProblem> mediaProblems = new ArrayList<>();
      Map<String, Media> media = loadMedia(dir, mediaProblems);
      if (mediaProblems.isEmpty()) {
        return new ModuleResult(id, version, kept.get().withMedia(media), List.of());
      }
    }
    if (!Files.isRegularFile(index)) {
      problems.add(new ContentProblem(index, 1, "thiếu tệp `_index.md` của học phần"));
      return new ModuleResult(id, version, null, problems);
    }
    String indexText = SourceText.read(index, MAX_MARKDOWN_BYTES, problems).orElse(null);
    if (indexText == null) {
      return new ModuleResult(id, version, null, problems);
    }
    FrontMatter front = FrontMatter.parse(index, indexText, problems);
    front.rejectUnknownKeys(MODULE_KEYS);
    String title = front.requiredText("title", 120);
    String summary = front.requiredText("summary", 300);
    int weight = front.requiredInt("weight", 0, 100_000);
    int minutes = front.requiredInt("minutes", 1, 600);
    int passMark = front.requiredInt("pass_mark", 1, 100);
    List<String> criteria = front.requiredList("criteria");
    for (String criterion : criteria) {
      if (!programIds.contains(criterion)) {
        problems.add(
            new ContentProblem(
                index,
                front.lineOf("criteria"),
                "`criteria` nhắc tới chương trình `"
                    + criterion
                    + "` không có trong thư mục programs/"));
      }
    }

    Map<String, String> lessonIdsByFolder = new LinkedHashMap<>();
    List<Path> lessonDirs = new ArrayList<>();
    for (Path child : list(dir)) {
      String name = child.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(child)) {
        if (Files.isRegularFile(child.resolve("index.md"))) {
          lessonDirs.add(child);
          lessonIdsByFolder.put(name, ORDER_PREFIX.matcher(name).replaceFirst(""));
        } else if (containsMarkdown(child)) {
          problems.add(
              new ContentProblem(
                  child.resolve("index.md"),
                  1,
                  "thư mục `" + name + "` có tệp .md nhưng thiếu `index.md` của bài học"));
        }
      } else if (name.endsWith(".md") && !name.equals("_index.md") && !name.equals("quiz.md")) {
        problems.add(
            new ContentProblem(
                child,
                1,
                "tệp `"
                    + name
                    + "` không thuộc bài học nào: mỗi bài học là một thư mục có tệp index.md"));
      }
    }

    MarkdownRenderer.Scope moduleScope =
        new MarkdownRenderer.Scope(index, dir, id, version, lessonIdsByFolder);
    String introHtml = markdown.render(front.body(), moduleScope, false, problems);

    List<ContentProblem> warnings = new ArrayList<>();
    List<Lesson> lessons = new ArrayList<>();
    Map<String, Path> lessonFileById = new HashMap<>();
    Map<Integer, String> lessonWeights = new HashMap<>();
    for (Path lessonDir : lessonDirs) {
      Lesson lesson =
          loadLesson(lessonDir, dir, id, version, lessonIdsByFolder, problems, warnings);
      if (lesson == null) {
        continue;
      }
      Path file = lessonDir.resolve("index.md");
      Path sameId = lessonFileById.putIfAbsent(lesson.id(), file);
      if (sameId != null) {
        problems.add(
            new ContentProblem(
                file,
                1,
                "trùng mã bài học `"
                    + lesson.id()
                    + "` với "
                    + dir.relativize(sameId).toString().replace('\\', '/')));
      }
      String sameWeight = lessonWeights.putIfAbsent(lesson.weight(), lesson.folder());
      if (sameWeight != null) {
        problems.add(
            new ContentProblem(
                file,
                lineOfKey(file, "weight"),
                "`weight: " + lesson.weight() + "` trùng với bài `" + sameWeight + "`"));
      }
      lessons.add(lesson);
    }
    lessons.sort(Comparator.comparingInt(Lesson::weight).thenComparing(Lesson::id));
    if (lessonDirs.isEmpty()) {
      problems.add(
          new ContentProblem(
              index, 1, "học phần chưa có bài học nào (mỗi bài là một thư mục có index.md)"));
    }
    int lessonMinutes = lessons.stream().mapToInt(Lesson::minutes).sum();
    if (minutes < lessonMinutes) {
      problems.add(
          new ContentProblem(
              index,
              front.lineOf("minutes"),
              "`minutes: "
                  + minutes
                  + "` nhỏ hơn tổng thời gian các bài học ("
                  + lessonMinutes
                  + " phút)"));
    }

    Path quizFile = dir.resolve("quiz.md");
    String quizSource = null;
    Quiz quiz = null;
    if (!Files.isRegularFile(quizFile)) {
      problems.add(
          new ContentProblem(quizFile, 1, "thiếu tệp `quiz.md` (bài kiểm tra của học phần)"));
    } else {
      quizSource = SourceText.read(quizFile, MAX_MARKDOWN_BYTES, problems).orElse(null);
      if (quizSource != null) {
        quiz =
            quizzes.parse(
                quizSource,
                new MarkdownRenderer.Scope(quizFile, dir, id, version, lessonIdsByFolder),
                problems,
                warnings);
      }
    }

    Map<String, Media> media = loadMedia(dir, problems);
    if (!problems.isEmpty()) {
      return new ModuleResult(id, version, null, problems);
    }
    checkPictureText(dir, media.keySet(), optionPictures(quizSource), warnings);
    Module module =
        new Module(
            id,
            title,
            summary,
            weight,
            minutes,
            passMark,
            criteria,
            introHtml,
            version,
            List.copyOf(lessons),
            quizSource,
            quiz,
            media);
    return new ModuleResult(id, version, module, List.of(), List.copyOf(warnings));
  }

  /** Most callouts one lesson shows before readers stop seeing them. */
  static final int MAX_CALLOUTS = 2;

  private static final Pattern CALLOUT_LINE = Pattern.compile("^>\\s*\\[![A-Z]+]\\s*$");

  /**
   * Warns about a lesson that shows no picture of the screen, and about the callout after the
   * second in a lesson (alarm fatigue: readers stop seeing them), at that callout's line.
   */
  private static void checkLessonShape(
      Path file, String text, String html, List<ContentProblem> warnings) {
    if (!html.contains("<img ")) {
      warnings.add(
          new ContentProblem(
              file,
              1,
              "bài học chưa có hình nào; mỗi bài nên có ít nhất một hình cho người đọc"
                  + " thấy màn hình trông thế nào"));
    }
    List<String> lines = text.lines().toList();
    int callouts = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (CALLOUT_LINE.matcher(lines.get(i)).matches() && ++callouts == MAX_CALLOUTS + 1) {
        warnings.add(
            new ContentProblem(
                file,
                i + 1,
                "bài học có hơn "
                    + MAX_CALLOUTS
                    + " hộp lưu ý; nhiều hộp quá thì người đọc bỏ qua cả điều quan trọng,"
                    + " hãy viết phần còn lại thành câu thường"));
      }
    }
  }

  /**
   * Loads one lesson of a module that is served without problems, as loading the whole module
   * would: with the module's version and lesson ids, checked against its other lessons (weights,
   * the module's minutes). A lesson's text changes nothing else in its module, so this gives the
   * problems and the page that loading the module with this text gives, at the cost of one lesson.
   *
   * @param moduleDir the module folder, holding the lesson's new text
   * @return the lesson, or null when it has problems (added to {@code problems})
   */
  public Lesson loadOneLesson(
      Path moduleDir,
      Module served,
      String folder,
      List<ContentProblem> problems,
      List<ContentProblem> warnings) {
    int before = problems.size();
    Map<String, String> lessonIdsByFolder = new LinkedHashMap<>();
    for (Lesson lesson : served.lessons()) {
      lessonIdsByFolder.put(lesson.folder(), lesson.id());
    }
    lessonIdsByFolder.put(folder, ORDER_PREFIX.matcher(folder).replaceFirst(""));
    Path lessonDir = moduleDir.resolve(folder);
    Lesson lesson =
        loadLesson(
            lessonDir,
            moduleDir,
            served.id(),
            served.version(),
            lessonIdsByFolder,
            problems,
            warnings);
    if (lesson == null) {
      return null;
    }
    Path file = lessonDir.resolve("index.md");
    int minutes = lesson.minutes();
    for (Lesson other : served.lessons()) {
      if (other.folder().equals(folder)) {
        continue;
      }
      minutes += other.minutes();
      if (other.weight() == lesson.weight()) {
        problems.add(
            new ContentProblem(
                file,
                lineOfKey(file, "weight"),
                "`weight: " + lesson.weight() + "` trùng với bài `" + other.folder() + "`"));
      }
    }
    if (served.minutes() < minutes) {
      Path index = moduleDir.resolve("_index.md");
      problems.add(
          new ContentProblem(
              index,
              lineOfKey(index, "minutes"),
              "`minutes: "
                  + served.minutes()
                  + "` nhỏ hơn tổng thời gian các bài học ("
                  + minutes
                  + " phút)"));
    }
    if (problems.size() > before) {
      return null;
    }
    checkPictureText(
        moduleDir, served.media().keySet(), optionPictures(served.quizSource()), warnings);
    return lesson;
  }

  private Lesson loadLesson(
      Path lessonDir,
      Path moduleDir,
      String moduleId,
      String version,
      Map<String, String> lessonIdsByFolder,
      List<ContentProblem> problems,
      List<ContentProblem> warnings) {
    Path file = lessonDir.resolve("index.md");
    String folder = lessonDir.getFileName().toString();
    String id = lessonIdsByFolder.get(folder);
    int before = problems.size();
    if (!ID.matcher(id).matches()) {
      problems.add(new ContentProblem(file, 1, invalidId(folder)));
    }
    String text = SourceText.read(file, MAX_MARKDOWN_BYTES, problems).orElse(null);
    if (text == null) {
      return null;
    }
    FrontMatter front = FrontMatter.parse(file, text, problems);
    front.rejectUnknownKeys(LESSON_KEYS);
    String title = front.requiredText("title", 120);
    int weight = front.requiredInt("weight", 0, 100_000);
    int minutes = front.requiredInt("minutes", 1, MAX_LESSON_MINUTES);
    String summary = front.optionalText("summary", 300).orElse("");
    MarkdownRenderer.RenderedLesson rendered =
        markdown.renderLesson(
            front.body(),
            new MarkdownRenderer.Scope(file, moduleDir, moduleId, version, lessonIdsByFolder),
            problems);
    if (problems.size() > before) {
      // Still counted for duplicate checks; the module will not be served anyway.
      return new Lesson(id, folder, title, weight, minutes, summary, "", "");
    }
    checkLessonShape(file, text, rendered.html(), warnings);
    return new Lesson(
        id, folder, title, weight, minutes, summary, rendered.html(), rendered.sourcesHtml());
  }

  /** A picture option of a quiz: {@code - [x] ![description](file.svg)}. */
  private static final Pattern OPTION_PICTURE =
      Pattern.compile("(?m)^\\s*[-*] \\[[ xX]\\]\\s*!\\[[^\\]]*\\]\\(\\s*([^)\\s]+)");

  private static Set<String> optionPictures(String quizSource) {
    Set<String> names = new HashSet<>();
    if (quizSource != null) {
      Matcher picture = OPTION_PICTURE.matcher(quizSource);
      while (picture.find()) {
        names.add(picture.group(1));
      }
    }
    return names;
  }

  /**
   * Warns about each SVG picture whose smallest text shows under {@link SvgReadability#MIN_TEXT_PX}
   * on a 360 px phone, at the width a lesson or a quiz's picture option gives it.
   */
  private static void checkPictureText(
      Path moduleDir, Set<String> pictures, Set<String> options, List<ContentProblem> warnings) {
    for (String name : pictures) {
      if (!name.toLowerCase(Locale.ROOT).endsWith(".svg")) {
        continue;
      }
      Path file = moduleDir.resolve(name);
      double width =
          options.contains(name) ? SvgReadability.OPTION_WIDTH : SvgReadability.LESSON_WIDTH;
      try {
        SvgReadability.smallestText(file, width)
            .filter(smallest -> smallest.px() < SvgReadability.MIN_TEXT_PX)
            .ifPresent(
                smallest ->
                    warnings.add(
                        new ContentProblem(
                            file,
                            smallest.line(),
                            String.format(
                                Locale.ROOT,
                                "chữ nhỏ nhất của hình chỉ cao %.1f px trên điện thoại rộng 360 px"
                                    + " (hình hiện rộng tối đa %.0f px); cần ít nhất %.0f px:"
                                    + " tăng cỡ chữ hoặc bớt chữ trong hình",
                                smallest.px(),
                                width,
                                SvgReadability.MIN_TEXT_PX))));
      } catch (IOException e) {
        warnings.add(
            new ContentProblem(file, 1, "không đọc được hình SVG để đo cỡ chữ: " + e.getMessage()));
      }
    }
  }

  private static Map<String, Media> loadMedia(Path moduleDir, List<ContentProblem> problems) {
    Map<String, Media> media = new TreeMap<>();
    for (Path file : files(moduleDir)) {
      String relative = moduleDir.relativize(file).toString().replace('\\', '/');
      String type = MarkdownRenderer.IMAGE_TYPES.get(extension(relative));
      if (type == null) {
        continue;
      }
      try {
        long size = Files.size(file);
        if (size > MAX_IMAGE_BYTES) {
          problems.add(
              new ContentProblem(
                  file,
                  1,
                  "hình quá lớn ("
                      + SourceText.megabytes(size)
                      + "); tối đa "
                      + SourceText.megabytes(MAX_IMAGE_BYTES)
                      + " để tải nhanh trên mạng chậm"));
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (relative.toLowerCase(Locale.ROOT).endsWith(".svg")) {
          List<SvgSafety.Problem> unsafe = SvgSafety.problems(bytes);
          if (!unsafe.isEmpty()) {
            unsafe.forEach(
                problem ->
                    problems.add(new ContentProblem(file, problem.line(), problem.message())));
            continue;
          }
        }
        media.put(relative, new Media(relative, type, bytes));
      } catch (IOException e) {
        problems.add(new ContentProblem(file, 1, "không đọc được hình (" + e.getMessage() + ")"));
      }
    }
    return Map.copyOf(media);
  }

  /** A short hash of every file of the module: paths and bytes, in a fixed order. */
  static String version(Path moduleDir) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      for (Path file : files(moduleDir)) {
        files.put(
            moduleDir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ContentVersions.of(files);
  }

  /** Regular, non-hidden files under {@code dir}, sorted by path. */
  private static List<Path> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> !isHidden(dir.relativize(path)))
          .sorted(Comparator.comparing(path -> dir.relativize(path).toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hidden files and editors' backups ({@code …~}) are not content. */
  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".") || part.toString().endsWith("~")) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean containsMarkdown(Path dir) {
    return files(dir).stream().anyMatch(path -> path.toString().endsWith(".md"));
  }

  /** The line of {@code key:} in a file's front matter, for problems found after parsing. */
  private static int lineOfKey(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(key + ":")) {
          return i + 1;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // fall through: point at the top of the file
    }
    return 1;
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String invalidId(String name) {
    return "tên `"
        + name
        + "` không dùng làm mã được: chỉ dùng chữ thường không dấu, số và dấu gạch ngang"
        + " (tối đa 64 ký tự), ví dụ an-toan-tren-mang";
  }
}
