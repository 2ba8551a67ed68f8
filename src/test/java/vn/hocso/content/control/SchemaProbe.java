package vn.hocso.content.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads the database directly for in-container tests (Arquillian cannot inject the EM itself). */
@ApplicationScoped
public class SchemaProbe {

  @PersistenceContext(unitName = "hocso")
  EntityManager em;

  @SuppressWarnings("unchecked")
  public List<String> appliedMigrations() {
    return em.createNativeQuery(
            "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                + " ORDER BY installed_rank")
        .getResultList();
  }

  public String columnCharset(String table, String column) {
    return (String)
        em.createNativeQuery(
                "SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
                    + " DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?")
            .setParameter(1, table)
            .setParameter(2, column)
            .getSingleResult();
  }
}
