package vn.hocso.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Says where to open the site once the database is ready (the content loads before that). */
@ApplicationScoped
public class StartupAnnouncement {

  private static final Logger LOG = Logger.getLogger(StartupAnnouncement.class.getName());

  @Inject
  @ConfigProperty(name = "http.port", defaultValue = "9080")
  String httpPort;

  void onSchemaReady(@ObservesAsync SchemaMigration.Migrated migrated) {
    LOG.info("Học Số is ready: open http://localhost:" + httpPort + "/");
  }
}
