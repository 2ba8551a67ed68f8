package vn.hocso.progress.boundary;

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
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.Dates;
import vn.hocso.platform.control.Refusal;
import vn.hocso.progress.control.Households;
import vn.hocso.progress.control.WardAccess;
import vn.hocso.progress.control.WardTargets;
import vn.hocso.progress.entity.WardTarget;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.SignInRequired;

/**
 * A ward's denominators and targets: the officer enters them from a date on; every entry is kept. A
 * refused entry comes back with every problem named at its field.
 */
@Path("phuong/{key}/chi-tieu")
@Produces(MediaType.TEXT_HTML)
public class TargetPages {

  @Inject CurrentAccount current;
  @Inject WardAccess access;
  @Inject WardTargets targets;
  @Inject Households households;
  @Inject Navigation navigation;

  // ---- Targets

  @GET
  @SignInRequired
  @Operation(hidden = true)
  public Response targetsForm(@PathParam("key") String key, @QueryParam("da_luu") String saved) {
    Ward ward = access.forOfficer(key);
    Map<String, Object> model = new HashMap<>();
    model.put("message", saved == null ? null : "Đã lưu mẫu số và mục tiêu mới.");
    return Response.ok(targetsPage(ward, model)).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response setTargets(
      @PathParam("key") String key,
      @FormParam("ap_dung_tu") String appliesFrom,
      @FormParam("nguoi_lon") String adults,
      @FormParam("so_ho") String householdCount,
      @FormParam("muc_tieu_nguoi_lon") String adultsTarget,
      @FormParam("muc_tieu_truc_tuyen") String onlineTarget,
      @FormParam("muc_tieu_gia_dinh_so") String familyTarget) {
    Ward ward = access.forOfficer(key);
    Map<String, Object> model = new HashMap<>();
    Map<String, String> entered = new HashMap<>();
    entered.put("appliesFrom", orEmpty(appliesFrom));
    entered.put("adults", orEmpty(adults));
    entered.put("households", orEmpty(householdCount));
    entered.put("adultsTarget", orEmpty(adultsTarget));
    entered.put("onlineTarget", orEmpty(onlineTarget));
    entered.put("familyTarget", orEmpty(familyTarget));
    model.put("entered", entered);
    // Every problem at once, each by its field: what cannot be read, then what is out of range.
    Map<String, String> problems = new LinkedHashMap<>();
    WardTargets.Entry entry =
        new WardTargets.Entry(
            read(
                WardTargets.APPLIES_FROM,
                problems,
                () -> Dates.parse(appliesFrom, "Ngày bắt đầu áp dụng")),
            read(WardTargets.ADULTS, problems, () -> whole(adults, "Số người trưởng thành")),
            read(WardTargets.HOUSEHOLDS, problems, () -> whole(householdCount, "Số hộ gia đình")),
            read(WardTargets.ADULTS_TARGET, problems, () -> decimal(adultsTarget)),
            read(WardTargets.ONLINE_TARGET, problems, () -> decimal(onlineTarget)),
            read(WardTargets.FAMILY_TARGET, problems, () -> decimal(familyTarget)));
    WardTargets.problems(entry).forEach(problems::putIfAbsent);
    if (problems.isEmpty()) {
      try {
        targets.set(ward, entry, current.required());
        return Response.seeOther(URI.create("/phuong/" + ward.key() + "/chi-tieu?da_luu=1"))
            .build();
      } catch (Refusal refusal) {
        problems.put("", refusal.getMessage());
      }
    }
    model.put("problems", problems);
    return Response.status(400).entity(targetsPage(ward, model)).build();
  }

  /** A form field's value, or null with its problem noted when it cannot be read. */
  private static <T> T read(String field, Map<String, String> problems, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (Refusal refusal) {
      problems.put(field, refusal.getMessage());
      return null;
    }
  }

  private String targetsPage(Ward ward, Map<String, Object> model) {
    List<WardTarget> history = targets.history(ward);
    model.put("ward", ward);
    model.put(
        "history",
        history.stream()
            .map(
                target ->
                    Map.of(
                        "appliesFrom", Dates.vietnamese(target.appliesFrom()),
                        "adults", PageFigures.number(target.adults()),
                        "households", PageFigures.number(target.households()),
                        "adultsTarget", PageFigures.percent(target.adultsTarget()),
                        "onlineTarget", PageFigures.percent(target.onlineTarget()),
                        "familyTarget", PageFigures.percent(target.familyTarget()),
                        "setAt", Dates.vietnamese(target.setAt())))
            .toList());
    if (!model.containsKey("entered")) {
      Map<String, String> entered = new HashMap<>();
      WardTarget last = history.isEmpty() ? null : history.get(0);
      entered.put("appliesFrom", Dates.today().toString());
      entered.put("adults", last == null ? "" : String.valueOf(last.adults()));
      entered.put("households", last == null ? "" : String.valueOf(last.households()));
      entered.put(
          "adultsTarget",
          last == null ? "100" : last.adultsTarget().stripTrailingZeros().toPlainString());
      entered.put(
          "onlineTarget",
          last == null ? "90" : last.onlineTarget().stripTrailingZeros().toPlainString());
      entered.put(
          "familyTarget",
          last == null ? "" : last.familyTarget().stripTrailingZeros().toPlainString());
      model.put("entered", entered);
    }
    model.putIfAbsent("problems", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, String> problems = (Map<String, String>) model.get("problems");
    Map<String, String> fieldError = new HashMap<>();
    for (String field :
        List.of(
            WardTargets.APPLIES_FROM,
            WardTargets.ADULTS,
            WardTargets.HOUSEHOLDS,
            WardTargets.ADULTS_TARGET,
            WardTargets.ONLINE_TARGET,
            WardTargets.FAMILY_TARGET)) {
      fieldError.put(field, problems.get(field));
    }
    model.put("fieldError", fieldError);
    model.putIfAbsent("message", null);
    model.put("adminView", current.required().has(Role.ADMIN));
    model.put("wide", true);
    return navigation.page("ward-targets", model);
  }

  // ---- Form values

  private static Integer whole(String text, String what) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String digits = text.strip().replace(".", "").replace(" ", "");
    if (!digits.matches("-?[0-9]{1,9}")) {
      throw new Refusal(400, what + " phải là một số nguyên, ví dụ 12500.");
    }
    return Integer.valueOf(digits);
  }

  private static BigDecimal decimal(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip().replace(',', '.').replace("%", "").strip();
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new Refusal(400, "Mục tiêu phải là một số phần trăm, ví dụ 90 hoặc 97,5.");
    }
  }
}
