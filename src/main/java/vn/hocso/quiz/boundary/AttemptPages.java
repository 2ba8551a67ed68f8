package vn.hocso.quiz.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.completion.control.Completions;
import vn.hocso.completion.entity.Completion;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Module;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.Navigation;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.quiz.control.QuizForms;
import vn.hocso.quiz.entity.Attempt;

/**
 * An attempt: one form with every question while open (it works with JavaScript off), then the
 * result with the resident's own answers and the explanations.
 */
@Path("lam-bai")
@Produces(MediaType.TEXT_HTML)
public class AttemptPages {

  /** The resident an assisted attempt is for. */
  public record Resident(long id, String name) {}

  @Inject ContentCatalog catalog;
  @Inject Attempts attempts;
  @Inject Accounts accounts;
  @Inject Completions completions;
  @Inject QuizCallers callers;
  @Inject Navigation navigation;

  @Context HttpHeaders headers;

  @GET
  @Path("{attemptId}")
  @Operation(hidden = true)
  public String attempt(@PathParam("attemptId") String attemptId) {
    Attempts.Sheet sheet =
        attempts.sheet(attemptId, callers.existing(headers), callers.accountId());
    Attempt attempt = sheet.attempt();
    Module module = catalog.current().module(attempt.moduleId()).orElse(null);
    Map<String, Object> model = new HashMap<>();
    model.put("attempt", attempt);
    model.put("action", "/lam-bai/" + attempt.id());
    model.put("trial", false);
    model.put("moduleId", attempt.moduleId());
    model.put("moduleTitle", module == null ? "Bài kiểm tra" : module.title());
    // An attempt a trainer answers with a resident names the resident and leads back to the card.
    model.put(
        "resident",
        attempt.assistedBy() == null || attempt.learnerId() == null
            ? null
            : accounts
                .find(attempt.learnerId())
                .map(resident -> new Resident(resident.id(), resident.displayName()))
                .orElse(null));
    if (attempt.isSubmitted()) {
      model.put("questions", review(sheet, module));
      // A guest who passed is told an account keeps the result; a learner gets the certificate.
      model.put("guest", attempt.learnerId() == null);
      model.put(
          "certificate",
          attempt.learnerId() == null
                  || attempt.assistedBy() != null
                  || !Boolean.TRUE.equals(attempt.passed())
              ? null
              : completions.forAccount(attempt.learnerId()).stream()
                  .filter(c -> !c.isProgram() && c.subjectId().equals(attempt.moduleId()))
                  .map(Completion::code)
                  .findFirst()
                  .orElse(null));
      return navigation.page("attempt-result", model);
    }
    if (attempt.isExpired(Instant.now())) {
      return navigation.page("attempt-expired", model);
    }
    model.put("questions", form(sheet));
    return navigation.page("attempt", model);
  }

  @POST
  @Path("{attemptId}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response submit(
      @PathParam("attemptId") String attemptId, MultivaluedMap<String, String> form) {
    String owner = callers.existing(headers);
    Attempts.Sheet sheet = attempts.sheet(attemptId, owner, callers.accountId());
    attempts.submit(attemptId, owner, callers.accountId(), answers(sheet, form));
    return Response.seeOther(URI.create("/lam-bai/" + attemptId)).build();
  }

  /** The form's fields as answers ({@link QuizForms#answers}). */
  static Map<String, List<String>> answers(
      Attempts.Sheet sheet, MultivaluedMap<String, String> form) {
    return QuizForms.answers(sheet.quiz(), sheet.shown(), form::getFirst, form::get);
  }

  private static List<QuizForms.QuestionPage> form(Attempts.Sheet sheet) {
    return QuizForms.form(sheet.quiz(), sheet.shown());
  }

  /** The questions as answered ({@link QuizForms#review}). */
  private static List<QuizForms.QuestionPage> review(Attempts.Sheet sheet, Module module) {
    return QuizForms.review(
        sheet.quiz(),
        sheet.shown(),
        Attempts.answers(sheet.attempt()),
        Attempts.results(sheet.attempt()),
        module);
  }
}
