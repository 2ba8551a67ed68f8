package vn.hocso.content.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;

/**
 * Ready once the content is loaded. Problems in the content folder do not make the app unready (the
 * last good version of a broken module is served) but are listed here for whoever edits it.
 */
@Readiness
@ApplicationScoped
public class ContentReadiness implements HealthCheck {

  private static final int LISTED_PROBLEMS = 20;

  @Inject ContentCatalog catalog;

  @Override
  public HealthCheckResponse call() {
    Curriculum curriculum = catalog.current();
    List<String> problems = curriculum.problems();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("content")
            .status(catalog.isLoaded())
            .withData("modules", curriculum.modules().size())
            .withData("programs", curriculum.programs().size())
            .withData("problems", problems.size());
    for (int i = 0; i < Math.min(problems.size(), LISTED_PROBLEMS); i++) {
      response.withData("problem." + (i + 1), problems.get(i));
    }
    return response.build();
  }
}
