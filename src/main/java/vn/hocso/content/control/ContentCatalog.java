package vn.hocso.content.control;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Program;
import vn.hocso.content.entity.Skill;
import vn.hocso.platform.control.SchemaMigration;

/**
 * The curriculum the site serves now, built from the files published in the database ({@link
 * ContentStore}) by the same {@link ContentLoader} that checks a folder. At start the content
 * folder is brought into the store first ({@link ContentFolderSync}); then every instance reads
 * each scope's serial twice a second and reloads only the scopes another instance (or this one)
 * changed. With watching on, a file saved in the content folder goes the same way within a second.
 *
 * <p>A module that fails to load keeps its last good version; its problems are logged and shown on
 * {@code /health}.
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

  @Inject
  @ConfigProperty(name = "content.poll-millis", defaultValue = "250")
  long pollMillis;

  @Resource ManagedThreadFactory threadFactory;

  /**
   * Loads modules side by side: a start on two cores loads the curriculum in about half the time.
   */
  @Resource ManagedExecutorService executor;

  @Inject Event<Changed> changed;
  @Inject ContentStore store;
  @Inject ContentFolderSync folderSync;
  @Inject RenderedModules rendered;

  private final ContentLoader loader = new ContentLoader();
  private final FileSystem tree = Jimfs.newFileSystem(Configuration.unix());
  private volatile Curriculum current = Curriculum.EMPTY;
  private volatile boolean loaded;
  private volatile Map<String, byte[]> files = Map.of();
  private Map<String, Long> serials = Map.of();
  private Map<String, Module> lastGoodModules = Map.of();
  private Map<String, Program> lastGoodPrograms = Map.of();
  private List<String> lastProblems = List.of();
  private WatchService watcher;
  private Thread watchThread;
  private Thread pollThread;
  private boolean reportedPollFailure;

  /**
   * Once the schema is ready: the content folder is brought in, then the poll loop loads the
   * curriculum and follows its changes. Both are retried until the database answers.
   */
  void onSchemaReady(@ObservesAsync SchemaMigration.Migrated migrated) {
    pollThread = threadFactory.newThread(this::pollLoop);
    pollThread.setName("hocso-content-poll");
    pollThread.setDaemon(true);
    pollThread.start();
    if (watch) {
      startWatching();
    }
  }

  @PreDestroy
  void stop() {
    if (pollThread != null) {
      pollThread.interrupt();
    }
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

  /**
   * The folder the served curriculum is loaded from: an in-memory copy of the published files, laid
   * out as a content folder. Read it through {@link #publishedFiles()} where a consistent set of
   * files matters.
   */
  public Path root() {
    return tree.getPath("/content");
  }

  /** The content folder on disk that seeds the database ({@code CONTENT_DIR}). */
  public Path folder() {
    return Path.of(contentDir).toAbsolutePath().normalize();
  }

  /** The published files being served, by path inside the content folder. */
  public Map<String, byte[]> publishedFiles() {
    return files;
  }

  /** Brings the content folder into the store; logs and goes on when that fails. */
  /**
   * Brings the content folder into the store; logs and goes on when that fails.
   *
   * @return whether it is done (or there is no folder)
   */
  private boolean syncFolder(ContentFolderSync.Mode mode) {
    Path folder = folder();
    if (!Files.isDirectory(folder)) {
      LOG.info(() -> "No content folder at " + folder + ": serving what the database holds.");
      return true;
    }
    try {
      folderSync.sync(folder, mode, instanceName());
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Could not bring the content folder " + folder + " into the database", e);
      return false;
    }
  }

  /**
   * Reloads the scopes whose serial moved since the last load (all of them the first time), and
   * serves what loaded well.
   */
  public synchronized Curriculum refresh() {
    long started = System.nanoTime();
    Map<String, Long> now = store.serials();
    Set<String> moved = new TreeSet<>();
    now.forEach(
        (scope, serial) -> {
          if (!serial.equals(serials.get(scope))) {
            moved.add(scope);
          }
        });
    serials.keySet().stream().filter(scope -> !now.containsKey(scope)).forEach(moved::add);
    if (moved.isEmpty() && loaded) {
      return current;
    }
    Map<String, ContentStore.StoredFile> read = store.published(moved);
    Map<String, byte[]> next = new TreeMap<>(files);
    next.keySet().removeIf(path -> moved.contains(ContentStore.scopeOf(path).orElse("")));
    read.forEach((path, file) -> next.put(path, file.body()));
    try {
      Path root = root();
      for (String scope : moved) {
        deleteTree(root.resolve(ContentStore.folderOf(scope)));
      }
      Files.createDirectories(root.resolve("modules"));
      for (ContentStore.StoredFile file : read.values()) {
        Path target = root.resolve(file.path());
        Files.createDirectories(target.getParent());
        Files.write(target, file.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files = Map.copyOf(next);
    serials = Map.copyOf(now);
    Set<String> unchanged = new TreeSet<>(lastGoodModules.keySet());
    unchanged.removeAll(moved);
    Set<String> movedModules = new TreeSet<>(moved);
    movedModules.removeIf(scope -> !ContentStore.isModule(scope));
    ContentLoader.Rendered kept = keptModules(movedModules);
    Curriculum result = load(loaded ? unchanged : Set.of(), kept);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    long readAsRendered =
        movedModules.stream()
            .map(lastGoodModules::get)
            .filter(module -> module != null && kept.has(module.id(), module.version()))
            .count();
    LOG.info(
        () ->
            "Content loaded from the database ("
                + (moved.size() == now.size() ? "all" : String.join(", ", moved))
                + "): "
                + result.modules().size()
                + " modules, "
                + result.programs().size()
                + " programs, "
                + result.problems().size()
                + " problems ("
                + readAsRendered
                + " read as rendered before), in "
                + millis
                + " ms.");
    keepRendered(movedModules, kept);
    return result;
  }

  /**
   * The modules this build rendered before, for those about to load; none if they cannot be read.
   */
  private ContentLoader.Rendered keptModules(Set<String> moduleIds) {
    try {
      return rendered.find(moduleIds);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot read the rendered modules kept; rendering them.", e);
      return ContentLoader.Rendered.NONE;
    }
  }

  /** Keeps the modules just rendered, for the next start and the other instances. */
  private void keepRendered(Set<String> moduleIds, ContentLoader.Rendered kept) {
    List<Module> renderedNow =
        moduleIds.stream()
            .map(lastGoodModules::get)
            .filter(module -> module != null && !kept.has(module.id(), module.version()))
            .toList();
    try {
      rendered.keep(renderedNow);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot keep the rendered modules; the next start renders them.", e);
    }
  }

  /** Loads the in-memory folder again and serves what loaded well. */
  private Curriculum load(Set<String> unchanged, ContentLoader.Rendered kept) {
    Path root = root();
    ContentLoader.Result result = loader.load(root, lastGoodModules, executor, unchanged, kept);

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
    return current;
  }

  private void pollLoop() {
    boolean folderDone = false;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (!folderDone && !reportedPollFailure) {
          // At start the folder comes first, so that the first load serves it; retried until the
          // database takes it (the curriculum already stored is served meanwhile).
          folderDone = syncFolder(ContentFolderSync.Mode.RELEASE);
        }
        refresh();
        reportedPollFailure = false;
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        if (!reportedPollFailure) {
          LOG.log(Level.WARNING, "Cannot read content changes from the database; retrying.", e);
          reportedPollFailure = true;
        }
        try {
          Thread.sleep(pollMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * Which instance holds the folder lock, for whoever reads the table: host, process and server.
   */
  private static String instanceName() {
    String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
    String server = System.getProperty("wlp.server.name", "hocso");
    return host + "/" + ProcessHandle.current().pid() + "/" + server;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
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
    Path root = folder();
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
        registerAll(folder());
        syncFolder(ContentFolderSync.Mode.WATCH);
        refresh();
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
