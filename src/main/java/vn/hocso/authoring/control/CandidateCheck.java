package vn.hocso.authoring.control;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.control.ContentLoader;
import vn.hocso.content.control.ContentStore;
import vn.hocso.content.entity.ContentProblem;
import vn.hocso.content.entity.Module;
import vn.hocso.progress.control.TargetDefinitions;

/**
 * Checks the curriculum a draft would make: the published files with the draft's changes applied,
 * loaded by the same {@link ContentLoader} as the site, in an in-memory folder. Modules that did
 * not change are reused, so a check costs about the loading of the draft's own module.
 */
@ApplicationScoped
public class CandidateCheck {

  @Inject ContentCatalog catalog;
  @Inject TargetDefinitions targets;

  /** A check result, its file inside the content folder. */
  public record Problem(String file, int line, String message) {
    /** As {@code check-content} prints it. */
    public String printed() {
      return file + ":" + line + ": " + message;
    }
  }

  /**
   * What the check found: problems in the draft's scope, problems its change makes elsewhere, the
   * warnings of its scope, and the content version the module would have.
   */
  public record Outcome(
      List<Problem> problems, List<Problem> elsewhere, List<Problem> warnings, String version) {

    public boolean publishable() {
      return problems.isEmpty() && elsewhere.isEmpty();
    }

    /** Every problem as {@code check-content} prints it. */
    public List<String> printed() {
      List<String> lines = new ArrayList<>();
      problems.forEach(problem -> lines.add(problem.printed()));
      elsewhere.forEach(problem -> lines.add(problem.printed()));
      return lines;
    }
  }

  /**
   * Checks {@code published} with {@code changes} applied (a null body removes the file).
   *
   * @param published the curriculum's files by path, as they are now (problems the served
   *     curriculum already has are not reported elsewhere than in the draft's scope)
   */
  public Outcome check(String scope, Map<String, byte[]> published, Map<String, byte[]> changes) {
    Map<String, byte[]> after = new TreeMap<>(published);
    changes.forEach(
        (path, body) -> {
          if (body == null) {
            after.remove(path);
          } else {
            after.put(path, body);
          }
        });
    Map<String, Module> reusable =
        catalog.current().modules().stream()
            .collect(Collectors.toMap(Module::id, Function.identity()));
    try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix())) {
      Path root = write(memory.getPath("/content"), after);
      ContentLoader loader = new ContentLoader();
      // Problems the served curriculum has already are not this change's doing.
      Set<String> earlier = new HashSet<>(catalog.current().problems());
      ContentLoader.Result result = loader.load(root, reusable);
      String folder = ContentStore.folderOf(scope) + "/";
      List<Problem> own = new ArrayList<>();
      List<Problem> elsewhere = new ArrayList<>();
      for (ContentProblem found : result.problems()) {
        Problem problem = relative(root, found);
        if (problem.file().startsWith(folder)) {
          own.add(problem);
        } else if (!earlier.contains(found.format(root))) {
          elsewhere.add(problem);
        }
      }
      List<Problem> warnings =
          result.warnings().stream()
              .map(found -> relative(root, found))
              .filter(problem -> problem.file().startsWith(folder))
              .toList();
      elsewhere.addAll(targetsKept(root, result));
      String version = null;
      if (ContentStore.isModule(scope)) {
        ContentLoader.ModuleResult module = result.modules().get(scope);
        version = module == null ? null : module.version();
      }
      return new Outcome(own, elsewhere, warnings, version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The campaign's targets name programs and a module (TARGETS_* settings): a change may not take
   * away one that is served now.
   */
  private List<Problem> targetsKept(Path root, ContentLoader.Result result) {
    List<Problem> lost = new ArrayList<>();
    var served = catalog.current();
    for (String program : List.of(targets.basicProgram(), targets.familyProgram())) {
      boolean before = served.program(program).isPresent();
      ContentLoader.ProgramResult after = result.programs().get(program);
      if (before && (after == null || !after.ok() || after.program().moduleIds().isEmpty())) {
        lost.add(
            new Problem(
                "programs/" + program + ".md",
                1,
                "chương trình `"
                    + program
                    + "` được dùng cho chỉ tiêu của phường (TARGETS_*): không thể bỏ hay để trống"));
      }
    }
    String module = targets.onlineModule();
    if (served.module(module).isPresent()) {
      ContentLoader.ModuleResult after = result.modules().get(module);
      if (after == null || !after.ok()) {
        lost.add(
            new Problem(
                "modules/" + module + "/_index.md",
                1,
                "học phần `"
                    + module
                    + "` được dùng cho chỉ tiêu nộp hồ sơ trực tuyến (TARGETS_ONLINE_MODULE):"
                    + " không thể bỏ"));
      }
    }
    return lost;
  }

  private static Problem relative(Path root, ContentProblem problem) {
    String printed = problem.format(root);
    String file = root.relativize(problem.file()).toString();
    if (!problem.file().startsWith(root)) {
      file = printed.substring(0, printed.indexOf(':'));
    }
    return new Problem(file, problem.line(), problem.message());
  }

  private static Path write(Path root, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(root.resolve("modules"));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    return root;
  }
}
