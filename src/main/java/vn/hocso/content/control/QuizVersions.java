package vn.hocso.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.hocso.content.entity.ContentProblem;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Quiz;

/**
 * The quiz of any version of a module that was ever served: the current one from the content, an
 * older one from its recorded source. Attempts score against the version they started on.
 */
@ApplicationScoped
public class QuizVersions {

  private static final int CACHED_VERSIONS = 200;

  @Inject ContentCatalog catalog;
  @Inject ModuleVersionStore versions;
  @Inject ModuleVersionRecorder recorder;

  private final QuizParser parser = new QuizParser(new MarkdownRenderer());
  private final Map<String, Quiz> older = new ConcurrentHashMap<>();

  /**
   * The module as served now, after making sure its version is recorded: an attempt started on it
   * must be scorable even after the content changes, on any instance.
   */
  public Optional<Module> currentForAttempt(String moduleId) {
    Optional<Module> module = catalog.current().module(moduleId);
    module.ifPresent(recorder::ensureRecorded);
    return module;
  }

  /** The quiz of {@code moduleId} at {@code version}, if that version was ever recorded. */
  public Optional<Quiz> quiz(String moduleId, String version) {
    Optional<Module> current = catalog.current().module(moduleId);
    if (current.isPresent() && current.get().version().equals(version)) {
      return Optional.ofNullable(current.get().quiz());
    }
    String key = moduleId + "@" + version;
    Quiz cached = older.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    return versions
        .find(moduleId, version)
        .filter(recorded -> recorded.quizSource() != null)
        .map(
            recorded -> {
              Path moduleDir = catalog.root().resolve("modules").resolve(moduleId);
              List<ContentProblem> ignored = new ArrayList<>();
              Quiz quiz =
                  parser.parse(
                      recorded.quizSource(),
                      new MarkdownRenderer.Scope(
                          moduleDir.resolve("quiz.md"), moduleDir, moduleId, version, Map.of()),
                      ignored);
              if (older.size() >= CACHED_VERSIONS) {
                older.clear();
              }
              older.put(key, quiz);
              return quiz;
            });
  }
}
