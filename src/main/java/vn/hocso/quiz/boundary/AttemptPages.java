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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.completion.control.Completions;
import vn.hocso.completion.entity.Completion;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Lesson;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Question;
import vn.hocso.content.entity.QuestionType;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.Navigation;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.quiz.entity.Attempt;
import vn.hocso.quiz.entity.Shown;

/**
 * An attempt: one form with every question while open (it works with JavaScript off), then the
 * result with the resident's own answers and the explanations.
 */
@Path("lam-bai")
@Produces(MediaType.TEXT_HTML)
public class AttemptPages {

  /** A question on the form or in the review. */
  public record QuestionPage(
      int number,
      String id,
      String type,
      String instruction,
      String text,
      String html,
      List<OptionPage> options,
      Boolean correct,
      List<OptionPage> answer,
      String explanationHtml,
      Lesson lesson) {}

  /** The resident an assisted attempt is for. */
  public record Resident(long id, String name) {}

  /** An option on the form, or one the resident chose. */
  public record OptionPage(String id, String html, int position) {}

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

  /**
   * The form's fields as answers: {@code cau-<question>} holds the chosen option ids; for an
   * ordering question {@code thu-tu-<question>-<option>} holds each step's position. Steps with a
   * missing or repeated position make no order at all, which scores as wrong.
   */
  static Map<String, List<String>> answers(
      Attempts.Sheet sheet, MultivaluedMap<String, String> form) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Shown shown : sheet.shown()) {
      Question question = sheet.quiz().question(shown.questionId()).orElseThrow();
      if (question.type() == QuestionType.ORDERING) {
        TreeMap<Integer, String> byPosition = new TreeMap<>();
        boolean complete = true;
        for (String option : shown.optionIds()) {
          String position = form.getFirst("thu-tu-" + question.id() + "-" + option);
          try {
            int number = Integer.parseInt(position == null ? "" : position.strip());
            complete &= byPosition.put(number, option) == null;
          } catch (NumberFormatException e) {
            complete = false;
          }
        }
        answers.put(question.id(), complete ? new ArrayList<>(byPosition.values()) : List.of());
      } else {
        List<String> chosen = form.get("cau-" + question.id());
        if (chosen != null) {
          answers.put(question.id(), List.copyOf(new HashSet<>(chosen)));
        }
      }
    }
    return answers;
  }

  private static List<QuestionPage> form(Attempts.Sheet sheet) {
    List<QuestionPage> pages = new ArrayList<>();
    int number = 1;
    for (Shown shown : sheet.shown()) {
      Question question = sheet.quiz().question(shown.questionId()).orElseThrow();
      pages.add(
          new QuestionPage(
              number++,
              question.id(),
              question.type().apiName(),
              question.type().instruction(),
              question.text(),
              question.html(),
              optionPages(question, shown.optionIds()),
              null,
              List.of(),
              null,
              null));
    }
    return pages;
  }

  /** Options of a question by id, in the given order, numbered from 1. */
  private static List<OptionPage> optionPages(Question question, List<String> optionIds) {
    List<OptionPage> pages = new ArrayList<>();
    for (String id : optionIds) {
      pages.add(new OptionPage(id, question.option(id).orElseThrow().html(), pages.size() + 1));
    }
    return pages;
  }

  /**
   * The questions as answered. A question that names its lesson ({@code Bài học:}) leads back to
   * it, when the module still has that lesson.
   */
  private static List<QuestionPage> review(Attempts.Sheet sheet, Module module) {
    Map<String, List<String>> answers = Attempts.answers(sheet.attempt());
    Map<String, Boolean> results = Attempts.results(sheet.attempt());
    List<QuestionPage> pages = new ArrayList<>();
    int number = 1;
    for (Shown shown : sheet.shown()) {
      Question question = sheet.quiz().question(shown.questionId()).orElseThrow();
      List<String> answer = answers.getOrDefault(question.id(), List.of());
      pages.add(
          new QuestionPage(
              number++,
              question.id(),
              question.type().apiName(),
              question.type().instruction(),
              question.text(),
              question.html(),
              List.of(),
              Boolean.TRUE.equals(results.get(question.id())),
              optionPages(question, answer),
              question.explanationHtml(),
              lessonOf(module, question.lessonId())));
    }
    return pages;
  }

  private static Lesson lessonOf(Module module, String lessonId) {
    if (module == null || lessonId == null) {
      return null;
    }
    return module.lessons().stream()
        .filter(lesson -> lesson.id().equals(lessonId))
        .findFirst()
        .orElse(null);
  }
}
