package vn.hocso.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Module;
import vn.hocso.platform.control.SchemaMigration;

/**
 * Writes every module version the site serves into the database, once the schema is ready and after
 * every content change. Content is served whether or not this succeeds.
 */
@ApplicationScoped
public class ModuleVersionRecorder {

  private static final Logger LOG = Logger.getLogger(ModuleVersionRecorder.class.getName());

  @Inject ModuleVersionStore store;
  @Inject ContentCatalog catalog;
  @Inject SchemaMigration schema;

  void onContentChange(@ObservesAsync ContentCatalog.Changed change) {
    if (schema.isDone()) {
      record(change.curriculum());
    }
  }

  void onSchemaReady(@ObservesAsync SchemaMigration.Migrated migrated) {
    record(catalog.current());
  }

  /** Versions this instance knows are recorded: saves a write per quiz attempt. */
  private final java.util.Set<String> recorded = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Records the module's version now unless this instance already knows it is recorded. */
  public void ensureRecorded(Module module) {
    String key = module.id() + "@" + module.version();
    if (!recorded.contains(key)) {
      store.record(module, Instant.now());
      recorded.add(key);
    }
  }

  private synchronized void record(Curriculum curriculum) {
    Instant now = Instant.now();
    for (Module module : curriculum.modules()) {
      if (recorded.contains(module.id() + "@" + module.version())) {
        continue;
      }
      try {
        if (store.record(module, now)) {
          LOG.info(() -> "New content version " + module.id() + "@" + module.version());
        }
        recorded.add(module.id() + "@" + module.version());
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Could not record content version " + module.id() + "@" + module.version(),
            e);
      }
    }
  }
}
