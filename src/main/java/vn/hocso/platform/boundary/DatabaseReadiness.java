package vn.hocso.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.hocso.platform.control.SchemaMigration;

/** Ready only when the database answers and its schema is up to date. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject SchemaMigration schema;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database")
        .status(schema.isDatabaseUp())
        .withData("schemaMigrated", schema.isDone())
        .build();
  }
}
