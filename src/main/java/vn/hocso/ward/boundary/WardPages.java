package vn.hocso.ward.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.hocso.content.control.ContentCatalog;
import vn.hocso.learner.control.Accounts;
import vn.hocso.learner.control.CurrentAccount;
import vn.hocso.learner.control.Navigation;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.platform.control.VietnameseOrder;
import vn.hocso.ward.control.Dates;
import vn.hocso.ward.control.Households;
import vn.hocso.ward.control.Progress;
import vn.hocso.ward.control.Reconciliation;
import vn.hocso.ward.control.ReportFilters;
import vn.hocso.ward.control.WardAccess;
import vn.hocso.ward.control.WardCsv;
import vn.hocso.ward.control.WardImport;
import vn.hocso.ward.control.WardProgress;
import vn.hocso.ward.control.WardTargets;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Household;
import vn.hocso.ward.entity.ResidentialGroup;
import vn.hocso.ward.entity.Ward;
import vn.hocso.ward.entity.WardTarget;
import vn.hocso.web.control.Refusal;

/**
 * Ward pages: the officer's dashboard, targets, households and printable summary; the admins'
 * province roll-up, ward list import and reconciliation; the learner's own household. Server
 * rendered, no JavaScript needed.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class WardPages {

  @Inject CurrentAccount current;
  @Inject WardAccess access;
  @Inject WardProgress progress;
  @Inject WardTargets targets;
  @Inject ReportFilters reportFilters;
  @Inject Households households;
  @Inject WardImport wardImport;
  @Inject Reconciliation reconciliation;
  @Inject Accounts accounts;
  @Inject Wards wards;
  @Inject ContentCatalog catalog;
  @Inject Navigation navigation;

  // ---- Dashboard and printable summary

  @GET
  @Path("phuong/{key}")
  @Operation(hidden = true)
  public Response dashboard(@PathParam("key") String key) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Ward ward = access.forOfficer(key);
    return Response.ok(navigation.page("ward-dashboard", wardModel(ward))).build();
  }

  @GET
  @Path("phuong/{key}/in")
  @Operation(hidden = true)
  public Response printable(@PathParam("key") String key) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Ward ward = access.forOfficer(key);
    return Response.ok(navigation.page("ward-print", wardModel(ward))).build();
  }

  private Map<String, Object> wardModel(Ward ward) {
    Progress figures = progress.of(ward, Dates.today());
    Map<String, Object> model = new HashMap<>();
    model.put("ward", ward);
    model.put("date", Dates.vietnamese(figures.date()));
    model.put("figures", PageFigures.rows(figures));
    model.put("bars", PageFigures.bars(figures.months()));
    model.put("monthTotal", figures.months().stream().mapToLong(Progress.Count::count).sum());
    model.put("modules", figures.modules());
    model.put("programs", figures.programs());
    model.put("moduleCompletions", PageFigures.number(figures.moduleCompletions()));
    model.put("assistedCompletions", PageFigures.number(figures.assistedCompletions()));
    model.put("groups", PageFigures.groups(figures.groups()));
    model.put(
        "behind",
        PageFigures.groups(
            figures.groups().stream().filter(Progress.GroupFigures::behind).toList()));
    model.put("hasTarget", figures.adults().denominator() != null);
    model.put("catalogModules", catalog.current().modules());
    model.put("catalogPrograms", catalog.current().programs());
    model.put("isAdmin", current.required().role() == Role.ADMIN);
    model.put("adminView", current.required().role() == Role.ADMIN);
    model.put("wide", true);
    return model;
  }

  // ---- Reports to download

  @GET
  @Path("phuong/{key}/bao-cao")
  @Operation(hidden = true)
  public Response reportForm(@PathParam("key") String key) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Ward ward = access.forOfficer(key);
    return Response.ok(reportPage(ward, new HashMap<>())).build();
  }

  /**
   * The report form's answer: the file (from the report API, which streams it) or, when a filter is
   * wrong, the form again with what was entered and the problem.
   */
  @GET
  @Path("phuong/{key}/bao-cao/tai")
  @Operation(hidden = true)
  public Response downloadReport(
      @PathParam("key") String key,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("module") String module,
      @QueryParam("group") String group,
      @QueryParam("dinh_dang") String format) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Ward ward = access.forOfficer(key);
    try {
      reportFilters.parse(ward, from, to, module, null, group);
      UriBuilder file =
          UriBuilder.fromPath(
              "/api/wards/{key}/report." + ("xlsx".equals(format) ? "xlsx" : "csv"));
      for (String[] parameter :
          new String[][] {{"from", from}, {"to", to}, {"module", module}, {"group", group}}) {
        if (parameter[1] != null && !parameter[1].isBlank()) {
          file.queryParam(parameter[0], parameter[1].strip());
        }
      }
      return Response.seeOther(file.build(ward.key())).build();
    } catch (Refusal refusal) {
      Map<String, Object> model = new HashMap<>();
      model.put("error", refusal.getMessage());
      model.put(
          "entered",
          Map.of(
              "from", orEmpty(from),
              "to", orEmpty(to),
              "module", orEmpty(module),
              "group", orEmpty(group),
              "format", "xlsx".equals(format) ? "xlsx" : "csv"));
      return Response.status(refusal.status()).entity(reportPage(ward, model)).build();
    }
  }

  private String reportPage(Ward ward, Map<String, Object> model) {
    model.put("ward", ward);
    model.put("modules", catalog.current().modules());
    model.put("groups", households.groups(ward));
    model.putIfAbsent(
        "entered", Map.of("from", "", "to", "", "module", "", "group", "", "format", "csv"));
    model.putIfAbsent("error", null);
    @SuppressWarnings("unchecked")
    Map<String, String> entered = (Map<String, String>) model.get("entered");
    model.put("selectedGroup", id(entered.get("group")));
    model.put("adminView", current.required().role() == Role.ADMIN);
    return navigation.page("ward-report", model);
  }

  // ---- Targets

  @GET
  @Path("phuong/{key}/chi-tieu")
  @Operation(hidden = true)
  public Response targetsForm(@PathParam("key") String key, @QueryParam("da_luu") String saved) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Ward ward = access.forOfficer(key);
    Map<String, Object> model = new HashMap<>();
    model.put("message", saved == null ? null : "Đã lưu mẫu số và mục tiêu mới.");
    return Response.ok(targetsPage(ward, model)).build();
  }

  @POST
  @Path("phuong/{key}/chi-tieu")
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
    model.put("adminView", current.required().role() == Role.ADMIN);
    model.put("wide", true);
    return navigation.page("ward-targets", model);
  }

  // ---- Residential groups and households

  @GET
  @Path("phuong/{key}/ho-gia-dinh")
  @Operation(hidden = true)
  public Response householdsPage(@PathParam("key") String key, @QueryParam("to") Long groupId) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    Ward ward = access.forStaff(key);
    return Response.ok(householdsPage(ward, groupId, new HashMap<>())).build();
  }

  private String householdsPage(Ward ward, Long groupId, Map<String, Object> model) {
    List<ResidentialGroup> groups = households.groups(ward);
    ResidentialGroup chosen =
        groupId == null
            ? null
            : groups.stream().filter(g -> g.id().equals(groupId)).findFirst().orElse(null);
    model.put("ward", ward);
    model.put("groups", groups);
    model.put("group", chosen);
    model.put("households", chosen == null ? List.of() : households.ofGroup(chosen));
    model.put("isOfficer", current.required().role() != Role.TRAINER);
    model.put("adminView", current.required().role() == Role.ADMIN);
    model.put("wide", true);
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    // What was typed into the form that failed; each form shows its own value again.
    Map<String, Object> entered = new HashMap<>();
    entered.put("groupName", "");
    entered.put("address", "");
    entered.put("member", null);
    entered.put("signInName", "");
    @SuppressWarnings("unchecked")
    Map<String, Object> given = (Map<String, Object>) model.get("entered");
    if (given != null) {
      entered.putAll(given);
    }
    model.put("entered", entered);
    return navigation.page("ward-households", model);
  }

  @POST
  @Path("phuong/{key}/to-dan-pho")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response addGroup(@PathParam("key") String key, @FormParam("ten") String name) {
    Ward ward = access.forStaff(key);
    try {
      ResidentialGroup group = households.createGroup(ward, name);
      return Response.seeOther(
              URI.create("/phuong/" + ward.key() + "/ho-gia-dinh?to=" + group.id()))
          .build();
    } catch (Refusal refusal) {
      return refused(ward, null, refusal, Map.of("groupName", orEmpty(name)));
    }
  }

  @POST
  @Path("phuong/{key}/ho-gia-dinh")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response addHousehold(
      @PathParam("key") String key,
      @FormParam("to") String group,
      @FormParam("dia_chi") String address) {
    Ward ward = access.forStaff(key);
    Long groupId = id(group);
    try {
      households.create(ward, groupId, address, current.required());
      return Response.seeOther(URI.create("/phuong/" + ward.key() + "/ho-gia-dinh?to=" + groupId))
          .build();
    } catch (Refusal refusal) {
      return refused(ward, groupId, refusal, Map.of("address", orEmpty(address)));
    }
  }

  @POST
  @Path("phuong/{key}/ho-gia-dinh/{id}/thanh-vien")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response addMember(
      @PathParam("key") String key,
      @PathParam("id") long householdId,
      @FormParam("dang_nhap") String signInName) {
    Ward ward = access.forStaff(key);
    Household household =
        households
            .find(householdId)
            .filter(found -> found.wardId() == ward.id())
            .orElseThrow(() -> new Refusal(403, WardAccess.OTHER_WARD));
    try {
      Account learner =
          accounts
              .findBySignInName(signInName)
              .orElseThrow(() -> new Refusal(404, "Không có tài khoản nào đăng ký bằng số này."));
      households.link(household, learner);
      Map<String, Object> model = new HashMap<>();
      model.put(
          "message", "Đã thêm " + learner.displayName() + " vào hộ " + household.address() + ".");
      return Response.ok(householdsPage(ward, household.groupId(), model)).build();
    } catch (Refusal refusal) {
      return refused(
          ward,
          household.groupId(),
          refusal,
          Map.of("member", household.id(), "signInName", orEmpty(signInName)));
    }
  }

  private Response refused(Ward ward, Long groupId, Refusal refusal, Map<String, Object> entered) {
    Map<String, Object> model = new HashMap<>();
    model.put("error", refusal.getMessage());
    model.put("entered", entered);
    return Response.status(refusal.status()).entity(householdsPage(ward, groupId, model)).build();
  }

  // ---- The learner's own household

  @GET
  @Path("ho-gia-dinh")
  @Operation(hidden = true)
  public Response myHousehold() {
    if (current.get().isEmpty()) {
      return signIn();
    }
    return Response.ok(myHouseholdPage(new HashMap<>())).build();
  }

  @POST
  @Path("ho-gia-dinh")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response stateMyHousehold(
      @FormParam("to") String group, @FormParam("dia_chi") String address) {
    Account learner = current.required();
    Map<String, Object> model = new HashMap<>();
    try {
      Ward ward = ownWard(learner);
      households.stateOwn(ward, learner, id(group), address);
      model.put("message", "Đã lưu hộ gia đình của bác.");
      return Response.ok(myHouseholdPage(model)).build();
    } catch (Refusal refusal) {
      model.put("error", refusal.getMessage());
      model.put("chosenGroup", id(group));
      model.put("address", orEmpty(address));
      return Response.status(refusal.status()).entity(myHouseholdPage(model)).build();
    }
  }

  private String myHouseholdPage(Map<String, Object> model) {
    Account learner = current.required();
    Ward ward = learner.wardId() == null ? null : wards.find(learner.wardId()).orElse(null);
    Household household = households.of(learner).orElse(null);
    model.put("ward", ward);
    model.put("groups", ward == null ? List.of() : households.groups(ward));
    model.put("household", household);
    model.put(
        "householdGroup",
        household == null
            ? null
            : households.groups(ward).stream()
                .filter(g -> g.id() == household.groupId())
                .map(ResidentialGroup::name)
                .findFirst()
                .orElse(null));
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    model.putIfAbsent("chosenGroup", household == null ? null : household.groupId());
    model.putIfAbsent("address", "");
    return navigation.page("my-household", model);
  }

  private Ward ownWard(Account learner) {
    if (learner.wardId() == null) {
      throw new Refusal(400, "Tài khoản của bác chưa có phường, xã.");
    }
    return wards.find(learner.wardId()).orElseThrow();
  }

  // ---- Admins: every ward side by side, import, reconciliation

  /** The columns the roll-up page sorts by; names in the order of the Vietnamese alphabet. */
  private static final Map<String, Comparator<WardProgress.WardRow>> SORTS =
      Map.of(
          "ten", Comparator.comparing(row -> row.ward().name(), VietnameseOrder.NAMES),
          "ma", Comparator.comparing(row -> row.ward().key()),
          "nguoi_lon",
              Comparator.comparing(row -> percentOrMinus(row.progress().adults().percent())),
          "truc_tuyen",
              Comparator.comparing(row -> percentOrMinus(row.progress().online().percent())),
          "gia_dinh_so",
              Comparator.comparing(row -> percentOrMinus(row.progress().family().percent())),
          "hoan_thanh", Comparator.comparingLong(row -> row.progress().moduleCompletions()));

  private static BigDecimal percentOrMinus(BigDecimal percent) {
    return percent == null ? BigDecimal.valueOf(-1) : percent;
  }

  @GET
  @Path("tinh")
  @Operation(hidden = true)
  public Response province(
      @QueryParam("sap_xep") String sort,
      @QueryParam("chieu") String direction,
      @QueryParam("tinh") String provinceCode) {
    if (current.get().isEmpty()) {
      return signIn();
    }
    access.admin();
    String by = sort != null && SORTS.containsKey(sort) ? sort : "ten";
    boolean descending = "giam".equals(direction);
    String province = WardApi.blankToNull(provinceCode);
    List<WardProgress.WardRow> rows =
        new java.util.ArrayList<>(progress.rollup(Dates.today(), province));
    Comparator<WardProgress.WardRow> order =
        SORTS.get(by).thenComparing(row -> row.ward().name(), VietnameseOrder.NAMES);
    rows.sort(descending ? order.reversed() : order);
    Map<String, Object> model = new HashMap<>();
    model.put(
        "rows",
        rows.stream()
            .map(
                row ->
                    Map.of(
                        "ward", row.ward(),
                        "figures", PageFigures.rows(row.progress()),
                        "completions", PageFigures.number(row.progress().moduleCompletions())))
            .toList());
    model.put("sort", by);
    model.put("descending", descending);
    model.put("province", province == null ? "" : province);
    model.put(
        "provinces",
        wards.all().stream()
            .filter(w -> w.provinceCode() != null)
            .map(w -> Map.of("code", w.provinceCode(), "name", w.provinceName()))
            .distinct()
            .sorted(Comparator.comparing(p -> p.get("name"), VietnameseOrder.NAMES))
            .toList());
    model.put("date", Dates.vietnamese(Dates.today()));
    model.put("wide", true);
    return Response.ok(navigation.page("province", model)).build();
  }

  @GET
  @Path("quan-ly/phuong")
  @Operation(hidden = true)
  public Response wardAdmin() {
    if (current.get().isEmpty()) {
      return signIn();
    }
    access.admin();
    return Response.ok(wardAdminPage(new HashMap<>())).build();
  }

  private String wardAdminPage(Map<String, Object> model) {
    model.putIfAbsent("error", null);
    model.putIfAbsent("message", null);
    model.putIfAbsent("problems", List.of());
    model.putIfAbsent("report", null);
    model.put("wardCount", wards.all().size());
    return navigation.page("ward-admin", model);
  }

  @POST
  @Path("quan-ly/phuong/nhap")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(hidden = true)
  public Response importWards(@FormParam("tep") EntityPart file) throws IOException {
    access.admin();
    Map<String, Object> model = new HashMap<>();
    byte[] bytes;
    if (file == null) {
      bytes = new byte[0];
    } else {
      try (InputStream in = file.getContent()) {
        bytes = in.readNBytes(WardApi.MAX_IMPORT_BYTES + 1);
      }
    }
    if (bytes.length == 0) {
      model.put("error", "Bác hãy chọn tệp CSV danh sách phường, xã.");
      return Response.status(400).entity(wardAdminPage(model)).build();
    }
    if (bytes.length > WardApi.MAX_IMPORT_BYTES) {
      model.put("error", "Tệp lớn quá 20 MB; hãy chia nhỏ tệp.");
      return Response.status(413).entity(wardAdminPage(model)).build();
    }
    WardCsv.Result parsed = WardCsv.parse(bytes);
    if (!parsed.ok()) {
      model.put("error", WardApi.importError(parsed));
      model.put("problems", parsed.problems());
      return Response.status(400).entity(wardAdminPage(model)).build();
    }
    WardImport.Outcome outcome = wardImport.apply(parsed.rows());
    model.put(
        "message",
        "Đã nhập: "
            + outcome.created()
            + " phường, xã mới; "
            + outcome.updated()
            + " cập nhật; "
            + outcome.unchanged()
            + " không đổi"
            + (outcome.codesGiven() > 0
                ? "; " + outcome.codesGiven() + " phường, xã có sẵn được gắn mã."
                : "."));
    return Response.ok(wardAdminPage(model)).build();
  }

  @POST
  @Path("quan-ly/phuong/doi-soat")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(hidden = true)
  public Response reconcile(@FormParam("sua") String fix) {
    access.admin();
    Map<String, Object> model = new HashMap<>();
    model.put("report", reconciliation.run("1".equals(fix)));
    return Response.ok(wardAdminPage(model)).build();
  }

  // ---- Form values

  private static Response signIn() {
    return Response.seeOther(URI.create("/dang-nhap")).build();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

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

  private static Long id(String text) {
    if (text == null || !text.strip().matches("[0-9]{1,18}")) {
      return null;
    }
    return Long.valueOf(text.strip());
  }
}
