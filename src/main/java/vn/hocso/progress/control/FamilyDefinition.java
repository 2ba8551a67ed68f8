package vn.hocso.progress.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.platform.control.SchemaMigration;

/**
 * Keeps households' "Gia đình số" flags, and the ward counters of such households, true to the
 * program's definition in force.
 *
 * <p>"Gia đình số" is a status, not a record: a household holds it while its members together have
 * completed the program's modules and hold its skills <em>as the curriculum defines them now</em>.
 * The flags are stored and updated when members change; when a content change adds a module or a
 * skill to the program (or removes one), the flags of households nobody touched would keep the old
 * definition. So after every content change (and at start) the definition is compared with the one
 * the figures were last computed with, kept in {@code applied_definition}; the instance whose
 * UPDATE claims the change runs a {@link Reconciliation} fix, which sets every household's flag
 * from the records and adds the differences to the ward counters. Program completions already
 * issued are records and never change: a program that gains a module certifies it only for
 * completions issued afterwards.
 */
@ApplicationScoped
public class FamilyDefinition {

  private static final Logger LOG = Logger.getLogger(FamilyDefinition.class.getName());

  static final String NAME = "family-program";

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @Inject TargetDefinitions targets;
  @Inject Reconciliation reconciliation;
  @Inject SchemaMigration schema;
  @Inject ContentCatalog catalog;
  @Inject FamilyDefinition self;

  void onContentChange(@ObservesAsync ContentCatalog.Changed change) {
    if (schema.isDone()) {
      apply();
    }
  }

  void onSchemaReady(@ObservesAsync SchemaMigration.Migrated migrated) {
    apply();
  }

  /** The definition in force, written the same way whatever the order of the lists. */
  String current() {
    return "modules="
        + sorted(targets.familyModules())
        + ";skills="
        + sorted(targets.familySkills());
  }

  private static String sorted(List<String> ids) {
    return ids.stream().sorted().collect(Collectors.joining(","));
  }

  /**
   * Recomputes the flags and counters if the definition changed since they were last computed, and
   * this instance is the one that claimed the change. Returns whether it recomputed.
   */
  public synchronized boolean apply() {
    if (!catalog.isLoaded()) {
      // The curriculum comes from the database once the schema is ready: until it is loaded there
      // is no definition to compare, and an empty one would recompute every household for nothing.
      // The load's change event applies it.
      return false;
    }
    String definition = current();
    try {
      if (!self.claim(definition)) {
        return false;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not compare the Gia đình số definition", e);
      return false;
    }
    LOG.info(() -> "The Gia đình số program is now " + definition + ": recomputing households");
    try {
      reconciliation.run(true);
      return true;
    } catch (RuntimeException e) {
      // Leaves the claim undone, so the next start or content change tries again.
      self.release(definition);
      LOG.log(Level.SEVERE, "Households were not recomputed for " + definition, e);
      return false;
    }
  }

  /** Records the definition as applied; true only for the one caller that changed the row. */
  @Transactional
  public boolean claim(String definition) {
    em.createNativeQuery(
            "INSERT IGNORE INTO applied_definition (name, definition, applied_at)"
                + " VALUES (?, '', UTC_TIMESTAMP(6))")
        .setParameter(1, NAME)
        .executeUpdate();
    return em.createNativeQuery(
                "UPDATE applied_definition SET definition = ?, applied_at = UTC_TIMESTAMP(6)"
                    + " WHERE name = ? AND definition <> ?")
            .setParameter(1, definition)
            .setParameter(2, NAME)
            .setParameter(3, definition)
            .executeUpdate()
        == 1;
  }

  /** Forgets a claimed definition whose recomputation failed. */
  @Transactional
  public void release(String definition) {
    em.createNativeQuery(
            "UPDATE applied_definition SET definition = '' WHERE name = ? AND definition = ?")
        .setParameter(1, NAME)
        .setParameter(2, definition)
        .executeUpdate();
  }
}
