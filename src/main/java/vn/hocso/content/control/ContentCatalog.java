package vn.hocso.content.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Program;
import vn.hocso.content.entity.Skill;

/**
 * The curriculum the site serves now. Loads the content folder at start and, when watching is on,
 * again within a fraction of a second of any change to it. A module that fails to load keeps its
 * last good version; its problems are logged and shown on {@code /health}.
 */
@ApplicationScoped
public class ContentCatalog {

  /** Fired after every load that changed what is served. */
  public record Changed(Curriculum curriculum) {}

  private static final Logger LOG = Logger.getLogger(ContentCatalog.class.getName());
  private static final long SETTLE_MILLIS = 100;

  @Inject
  @ConfigProperty(name = "content.dir", defaultValue = "content")
  String contentDir;

  @Inject
  @ConfigProperty(name = "content.watch", defaultValue = "true")
  boolean watch;

  @Resource ManagedThreadFactory threadFactory;

  @Inject Event<Changed> changed;

  private final ContentLoader loader = new ContentLoader();
  private volatile Curriculum current = Curriculum.EMPTY;
  private volatile boolean loaded;
  private Map<String, Module> lastGoodModules = Map.of();
  private Map<String, Program> lastGoodPrograms = Map.of();
  private List<String> lastProblems = List.of();
  private WatchService watcher;
  private Thread watchThread;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    reload();
    if (watch) {
      startWatching();
    }
  }

  @PreDestroy
  void stop() {
    if (watchThread != null) {
      watchThread.interrupt();
    }
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing the content watcher", e);
      }
    }
  }

  public Curriculum current() {
    return current;
  }

  /** Whether a load has finished and at least one module can be served. */
  public boolean isLoaded() {
    return loaded && !current.modules().isEmpty();
  }

  public Path root() {
    return Path.of(contentDir).toAbsolutePath().normalize();
  }

  /** Loads the content folder again and serves what loaded well. */
  public synchronized Curriculum reload() {
    long started = System.nanoTime();
    Path root = root();
    ContentLoader.Result result = loader.load(root, lastGoodModules);

    Map<String, Module> modules = new LinkedHashMap<>();
    result
        .modules()
        .forEach(
            (id, moduleResult) -> {
              Module module = moduleResult.ok() ? moduleResult.module() : lastGoodModules.get(id);
              if (module != null) {
                modules.put(id, module);
              }
            });
    Map<String, Program> programs = new LinkedHashMap<>();
    result
        .programs()
        .forEach(
            (id, programResult) -> {
              Program program =
                  programResult.ok() ? programResult.program() : lastGoodPrograms.get(id);
              if (program != null) {
                programs.put(id, program);
              }
            });
    List<String> problems =
        result.problems().stream().map(problem -> problem.format(root)).toList();

    List<Module> orderedModules =
        modules.values().stream()
            .sorted(Comparator.comparingInt(Module::weight).thenComparing(Module::id))
            .toList();
    List<Program> orderedPrograms =
        programs.values().stream()
            .map(program -> withServedModules(program, orderedModules))
            .filter(program -> !program.moduleIds().isEmpty())
            .sorted(Comparator.comparingInt(Program::weight).thenComparing(Program::id))
            .toList();

    List<Skill> orderedSkills =
        result.skills().values().stream()
            .filter(ContentLoader.SkillResult::ok)
            .map(ContentLoader.SkillResult::skill)
            .sorted(Comparator.comparingInt(Skill::weight).thenComparing(Skill::id))
            .toList();
    boolean changedSkills = !orderedSkills.equals(current.skills());
    boolean changedModules = !versions(modules).equals(versions(lastGoodModules));
    boolean changedPrograms = !programs.equals(lastGoodPrograms);
    lastGoodModules = Map.copyOf(modules);
    lastGoodPrograms = Map.copyOf(programs);
    if (!problems.equals(lastProblems)) {
      for (String problem : problems) {
        LOG.warning("Content problem: " + problem);
      }
      lastProblems = problems;
    }
    if (changedModules
        || changedPrograms
        || changedSkills
        || !problems.equals(current.problems())
        || !loaded) {
      current =
          new Curriculum(
              current.generation() + 1,
              Instant.now(),
              orderedModules,
              orderedPrograms,
              orderedSkills,
              problems);
      changed.fireAsync(new Changed(current));
    }
    loaded = true;
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    LOG.info(
        () ->
            "Content loaded from "
                + root
                + ": "
                + orderedModules.size()
                + " modules, "
                + orderedPrograms.size()
                + " programs, "
                + problems.size()
                + " problems, in "
                + millis
                + " ms.");
    return current;
  }

  private static Map<String, String> versions(Map<String, Module> modules) {
    Map<String, String> versions = new HashMap<>();
    modules.forEach((id, module) -> versions.put(id, module.version()));
    return versions;
  }

  /** A program lists the modules that are served, old good versions included. */
  private static Program withServedModules(Program program, List<Module> modules) {
    List<String> moduleIds =
        modules.stream()
            .filter(module -> module.criteria().contains(program.id()))
            .map(Module::id)
            .toList();
    return new Program(
        program.id(),
        program.title(),
        program.summary(),
        program.weight(),
        program.descriptionHtml(),
        moduleIds,
        program.skillIds());
  }

  private void startWatching() {
    Path root = root();
    if (!Files.isDirectory(root)) {
      return;
    }
    try {
      watcher = FileSystems.getDefault().newWatchService();
      registerAll(root);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot watch the content folder; edits need a restart.", e);
      return;
    }
    watchThread = threadFactory.newThread(this::watchLoop);
    watchThread.setName("hocso-content-watcher");
    watchThread.setDaemon(true);
    watchThread.start();
  }

  private void registerAll(Path root) throws IOException {
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isDirectory).forEach(dirs::add);
    }
    for (Path dir : dirs) {
      dir.register(
          watcher,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_DELETE,
          StandardWatchEventKinds.ENTRY_MODIFY);
    }
  }

  private void watchLoop() {
    Map<WatchKey, Boolean> seen = new HashMap<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        WatchKey key = watcher.take();
        seen.put(key, true);
        // Editors save in several steps (temp file, rename): let them finish, then load once.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          seen.put(more, true);
        }
        for (WatchKey each : seen.keySet()) {
          each.pollEvents();
          each.reset();
        }
        seen.clear();
        registerAll(root());
        reload();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.nio.file.ClosedWatchServiceException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Reloading content after a change failed; will retry.", e);
      }
    }
  }
}
