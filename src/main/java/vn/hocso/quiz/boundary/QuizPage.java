package vn.hocso.quiz.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Module;
import vn.hocso.learner.control.Navigation;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.quiz.entity.Attempt;

/**
 * A module's quiz: what it is, the resident's result so far, and the form that starts an attempt.
 */
@Path("hoc-phan/{moduleId}/kiem-tra")
@Produces(MediaType.TEXT_HTML)
public class QuizPage {

  @Inject ContentCatalog catalog;
  @Inject Attempts attempts;
  @Inject QuizCallers callers;
  @Inject Navigation navigation;

  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @GET
  @Operation(hidden = true)
  public String quiz(@PathParam("moduleId") String moduleId) {
    Module module =
        catalog
            .current()
            .module(moduleId)
            .orElseThrow(() -> new Attempts.Refused(404, "Không tìm thấy học phần này."));
    Map<String, Object> model = new HashMap<>();
    model.put("module", module);
    model.put("quiz", module.quiz());
    model.put("policy", module.quiz().policy());
    String owner = callers.existing(headers);
    List<Attempt> history = owner == null ? List.of() : attempts.history(owner, module.id());
    Attempt counting = null;
    for (Attempt attempt : history) {
      if (counting == null) {
        counting = attempt;
      } else if (module.quiz().policy().countsBest() && attempt.score() > counting.score()) {
        counting = attempt;
      }
    }
    model.put("counting", counting);
    model.put("attemptsDone", history.size());
    return navigation.page("quiz", model);
  }

  @POST
  @Operation(hidden = true)
  public Response start(@PathParam("moduleId") String moduleId) {
    QuizCallers.Key owner = callers.existingOrNew(headers, uri);
    Attempts.Sheet sheet = attempts.start(moduleId, owner.hash(), owner.learnerId());
    Response.ResponseBuilder response =
        Response.seeOther(URI.create("/lam-bai/" + sheet.attempt().id()));
    if (owner.newCookie() != null) {
      response.cookie(owner.newCookie());
    }
    return response.build();
  }
}
