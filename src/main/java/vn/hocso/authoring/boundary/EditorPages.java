package vn.hocso.authoring.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Module;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Permission;
import vn.hocso.web.control.SignInRequired;

/** The content editor's page: the curriculum being served, module by module, and its download. */
@Path("bien-tap")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class EditorPages {

  @Inject CurrentAccount current;
  @Inject ContentCatalog catalog;
  @Inject Navigation navigation;
  @Inject vn.hocso.authoring.control.Drafts drafts;

  /** One module as the page lists it. */
  public record Row(
      String id, String title, String version, int lessons, int minutes, int pool, int draw) {}

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public String editorHome() {
    Account editor = current.require(Permission.EXPORT_CONTENT);
    Curriculum curriculum = catalog.current();
    List<Row> rows =
        curriculum.modules().stream()
            .sorted(Comparator.comparingInt(Module::weight))
            .map(
                module ->
                    new Row(
                        module.id(),
                        module.title(),
                        module.version(),
                        module.lessons().size(),
                        module.minutes(),
                        module.quiz().questions().size(),
                        module.quiz().draw()))
            .toList();
    Map<String, Object> model = new HashMap<>();
    model.put("editor", editor);
    model.put("roleLabels", Navigation.roleLabels(editor));
    model.put("modules", rows);
    model.put("programs", curriculum.programs());
    model.put(
        "waiting",
        editor.can(Permission.PUBLISH_CONTENT)
            ? drafts.list(editor, vn.hocso.authoring.control.Drafts.SUBMITTED).size()
            : 0);
    return navigation.page("editor", model);
  }
}
