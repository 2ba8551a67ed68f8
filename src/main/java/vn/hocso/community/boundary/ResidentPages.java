package vn.hocso.community.boundary;

import static vn.hocso.web.control.FormValues.orEmpty;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.community.control.Attestations;
import vn.hocso.community.control.ResidentAccess;
import vn.hocso.community.entity.Attestation;
import vn.hocso.completion.control.Completions;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.content.entity.Curriculum;
import vn.hocso.content.entity.Module;
import vn.hocso.content.entity.Skill;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.quiz.control.Attempts;
import vn.hocso.web.control.SignInRequired;

/**
 * A resident's card: quizzes taken together with the trainer, practical skills attested in person
 * and their withdrawal.
 */
@Path("ho-tro/nguoi-dan/{id}")
@Produces(MediaType.TEXT_HTML)
public class ResidentPages {

  @Inject CurrentAccount current;
  @Inject ResidentAccess residents;
  @Inject Attestations attestations;
  @Inject Attempts attempts;
  @Inject Completions completions;
  @Inject Households households;
  @Inject ContentCatalog catalog;
  @Inject Navigation navigation;

  // ---- A resident's card

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response resident(@PathParam("id") long residentId, @QueryParam("da_luu") String saved) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    Map<String, Object> model = new HashMap<>();
    model.put("message", saved == null ? null : "Đã lưu.");
    return Response.ok(residentPage(trainer, resident, model)).build();
  }

  private String residentPage(Account trainer, Account resident, Map<String, Object> model) {
    Curriculum curriculum = catalog.current();
    Set<String> done = new HashSet<>();
    completions.forAccount(resident.id()).forEach(c -> done.add(c.subjectId()));
    List<Map<String, Object>> modules = new ArrayList<>();
    for (Module module : curriculum.modules()) {
      modules.add(
          Map.of("id", module.id(), "title", module.title(), "done", done.contains(module.id())));
    }
    List<Attestation> held = attestations.ofResident(resident.id());
    Set<String> active = new HashSet<>();
    held.stream().filter(a -> !a.isWithdrawn()).forEach(a -> active.add(a.skillId()));
    List<Map<String, Object>> skills = new ArrayList<>();
    for (Skill skill : curriculum.skills()) {
      if (!skill.withdrawn()) {
        skills.add(Map.of("skill", skill, "held", active.contains(skill.id())));
      }
    }
    model.put("trainer", trainer);
    model.put("resident", resident);
    model.put("household", households.of(resident).orElse(null));
    model.put("modules", modules);
    model.put("skills", skills);
    model.put(
        "attestations",
        held.stream()
            .map(
                a ->
                    Map.of(
                        "a",
                        a,
                        "on",
                        Dates.vietnamese(a.attestedOn()),
                        "mine",
                        a.trainerId() == trainer.id()))
            .toList());
    model.put("today", LocalDate.now(Dates.VIETNAM_ZONE).toString());
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    Map<String, Object> none = new HashMap<>();
    none.put("skill", "");
    none.put("items", List.of());
    none.put("day", "");
    none.put("reference", "");
    model.putIfAbsent("attempted", none);
    model.putIfAbsent("withdrawing", Map.of("id", -1L, "reason", ""));
    return navigation.page("assist-resident", model);
  }

  @POST
  @Path("kiem-tra/{module}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response startQuiz(@PathParam("id") long residentId, @PathParam("module") String module) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    Attempts.Sheet sheet = attempts.startAssisted(module, trainer.id(), resident.id());
    return Response.seeOther(URI.create("/lam-bai/" + sheet.attempt().id())).build();
  }

  @POST
  @Path("xac-nhan")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response attest(
      @PathParam("id") long residentId,
      @FormParam("ky_nang") String skillId,
      @FormParam("ngay") String day,
      @FormParam("muc") List<String> items,
      @FormParam("tham_chieu") String reference) {
    Account trainer = residents.trainer();
    Account resident = residents.resident(trainer, residentId);
    try {
      List<Integer> confirmed = new ArrayList<>();
      for (String item : items == null ? List.<String>of() : items) {
        if (item.matches("[0-9]{1,2}")) {
          confirmed.add(Integer.valueOf(item));
        }
      }
      LocalDate on = Dates.parse(day, "Ngày thấy người dân làm");
      attestations.attest(
          trainer, resident.id(), new Attestations.Entry(skillId, on, confirmed, reference));
      return Response.seeOther(URI.create("/ho-tro/nguoi-dan/" + resident.id() + "?da_luu=1"))
          .build();
    } catch (Refusal refusal) {
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      Map<String, Object> attempted = new HashMap<>();
      attempted.put("skill", orEmpty(skillId));
      attempted.put(
          "items",
          items == null
              ? List.of()
              : items.stream()
                  .filter(item -> item.matches("[0-9]{1,2}"))
                  .map(Integer::valueOf)
                  .toList());
      attempted.put("day", orEmpty(day));
      attempted.put("reference", orEmpty(reference));
      model.put("attempted", attempted);
      return Response.status(refusal.status())
          .entity(residentPage(trainer, resident, model))
          .build();
    }
  }

  @POST
  @Path("rut-lai/{attestation}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response withdraw(
      @PathParam("id") long residentId,
      @PathParam("attestation") long attestationId,
      @FormParam("ly_do") String reason) {
    Account by = residents.trainer();
    Attestation attestation =
        attestations
            .find(attestationId)
            .filter(found -> found.residentId() == residentId)
            .orElseThrow(() -> new Refusal(404, "Không tìm thấy xác nhận này."));
    Account resident = residents.resident(by, attestation.residentId());
    try {
      attestations.withdraw(by, attestationId, reason);
      return Response.seeOther(URI.create("/ho-tro/nguoi-dan/" + resident.id() + "?da_luu=1"))
          .build();
    } catch (Refusal refusal) {
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      model.put("withdrawing", Map.of("id", attestationId, "reason", orEmpty(reason)));
      return Response.status(refusal.status()).entity(residentPage(by, resident, model)).build();
    }
  }
}
