package vn.hocso.completion.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.completion.control.Completions;
import vn.hocso.completion.entity.Completion;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.ward.control.Wards;
import vn.hocso.web.control.SignInRequired;

/**
 * "Tiến độ của tôi": the modules and programs a learner has completed, with their certificates, and
 * how far each program is.
 */
@Path("tien-do")
@Produces(MediaType.TEXT_HTML)
public class MyProgressPage {

  /**
   * A module or program on the progress page, with its completion if there is one; for a program,
   * how many of its modules are done.
   */
  public record Status(String id, String title, Completion completion, int done, int total) {}

  @Inject CurrentAccount current;
  @Inject Completions completions;
  @Inject ContentCatalog catalog;
  @Inject Wards wards;
  @Inject Navigation navigation;

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public String progress() {
    Account account = current.required();
    Curriculum curriculum = catalog.current();
    Map<String, Completion> modulesDone = new HashMap<>();
    Map<String, Completion> programsDone = new HashMap<>();
    for (Completion completion : completions.forAccount(account.id())) {
      (completion.isProgram() ? programsDone : modulesDone).put(completion.subjectId(), completion);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("account", account);
    model.put("ward", account.wardId() == null ? null : wards.find(account.wardId()).orElse(null));
    model.put(
        "modules",
        curriculum.modules().stream()
            .map(
                module ->
                    new Status(module.id(), module.title(), modulesDone.get(module.id()), 0, 0))
            .toList());
    List<Status> programs =
        curriculum.programs().stream()
            // Household programs (they require practical skills) are shown with the household.
            .filter(program -> program.skillIds().isEmpty())
            .map(
                program ->
                    new Status(
                        program.id(),
                        program.title(),
                        programsDone.get(program.id()),
                        (int) program.moduleIds().stream().filter(modulesDone::containsKey).count(),
                        program.moduleIds().size()))
            .toList();
    model.put("programs", programs);
    return navigation.page("progress", model);
  }
}
