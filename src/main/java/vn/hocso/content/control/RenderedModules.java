package vn.hocso.content.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import vn.hocso.content.entity.Module;
import vn.hocso.platform.control.Sql;

/**
 * Modules as the loader made them, kept in the database ({@code content_rendered}) so that a start,
 * or another instance, reads them instead of parsing, checking and rendering every file again. A
 * kept module is found by its id and content version, and only for the build that rendered it
 * ({@code META-INF/hocso-build.properties}): a new release may render differently, so it renders
 * once and keeps its own. The pictures are not kept here: they are the published files themselves.
 *
 * <p>Nothing here is a source of truth. A row that cannot be read is ignored (the module renders);
 * the table may be emptied at any time.
 */
@ApplicationScoped
public class RenderedModules {

  private static final Logger LOG = Logger.getLogger(RenderedModules.class.getName());

  /** How long rows of other builds stay: long enough for a rolling restart or a quick rollback. */
  static final Duration OTHER_BUILDS_KEPT = Duration.ofDays(7);

  private static final String BUILD = readBuild();

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  private final Jsonb jsonb = JsonbBuilder.create();

  @PreDestroy
  void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing JSON-B", e);
    }
  }

  /** The build that keeps and reads modules here; empty when the build did not name itself. */
  public static Optional<String> build() {
    return Optional.ofNullable(BUILD);
  }

  /**
   * The kept modules of this build for the modules named, read when the loader asks for one of the
   * same version ({@link ContentLoader.Rendered}).
   */
  @Transactional
  public ContentLoader.Rendered find(Set<String> moduleIds) {
    if (BUILD == null || moduleIds.isEmpty()) {
      return ContentLoader.Rendered.NONE;
    }
    List<Object> values = new ArrayList<>();
    values.add(BUILD);
    values.addAll(moduleIds);
    Map<String, Kept> kept = new ConcurrentHashMap<>();
    Sql.query(
        em,
        "SELECT module_id, version, body FROM content_rendered WHERE build = ? AND module_id IN ("
            + Sql.placeholders(moduleIds.size())
            + ")",
        values,
        row -> {
          Kept each = new Kept(row.getString(2), row.getBytes(3));
          // Only the newest version is kept per module; should two be there, any is correct.
          return kept.put(row.getString(1), each);
        });
    return new KeptModules(kept);
  }

  /**
   * Keeps the modules given for this build, each in place of its earlier versions, and drops rows
   * other builds wrote more than {@link #OTHER_BUILDS_KEPT} ago.
   */
  @Transactional
  public void keep(Collection<Module> modules) {
    if (BUILD == null || modules.isEmpty()) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    for (Module module : modules) {
      Sql.update(
          em,
          "DELETE FROM content_rendered WHERE module_id = ? AND build = ? AND version <> ?",
          List.of(module.id(), BUILD, module.version()));
      // Two instances of one build may render the same version at once: either row is right.
      Sql.update(
          em,
          "INSERT IGNORE INTO content_rendered (module_id, version, build, body, created_at)"
              + " VALUES (?, ?, ?, ?, ?)",
          List.of(module.id(), module.version(), BUILD, write(module), now));
    }
    Sql.update(
        em,
        "DELETE FROM content_rendered WHERE build <> ? AND created_at < ?",
        List.of(BUILD, now.minus(OTHER_BUILDS_KEPT)));
  }

  /** The module as kept: JSON, gzipped, without its pictures. */
  byte[] write(Module module) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
      jsonb.toJson(module.withMedia(Map.of()), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A kept module read back, without its pictures. */
  Module read(byte[] body) {
    try (Reader in =
        new InputStreamReader(
            new GZIPInputStream(new ByteArrayInputStream(body)), StandardCharsets.UTF_8)) {
      return jsonb.fromJson(in, Module.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Kept(String version, byte[] body) {}

  /** Rows read at once; each is turned back into a module only if the loader asks for it. */
  private final class KeptModules implements ContentLoader.Rendered {
    private final Map<String, Kept> kept;

    KeptModules(Map<String, Kept> kept) {
      this.kept = kept;
    }

    @Override
    public Optional<Module> module(String id, String version) {
      Kept row = kept.get(id);
      if (row == null || !row.version().equals(version)) {
        return Optional.empty();
      }
      try {
        Module module = read(row.body());
        if (module.id().equals(id) && module.version().equals(version)) {
          return Optional.of(module);
        }
        LOG.warning(() -> "The module kept as " + id + "@" + version + " is another; rendering.");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Cannot read the module kept as " + id + "@" + version, e);
      }
      // Rendered again, it is kept again in place of the row that could not be read.
      kept.remove(id);
      return Optional.empty();
    }

    @Override
    public boolean has(String id, String version) {
      Kept row = kept.get(id);
      return row != null && row.version().equals(version);
    }
  }

  private static String readBuild() {
    try (InputStream in =
        RenderedModules.class.getResourceAsStream("/META-INF/hocso-build.properties")) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      String build = properties.getProperty("build", "").strip();
      // Unfiltered (run from sources without Maven): no build to key rows by.
      return build.isEmpty() || build.contains("${") ? null : build;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot read META-INF/hocso-build.properties", e);
      return null;
    }
  }
}
