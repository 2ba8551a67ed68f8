package it.vn.hocso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every ward dashboard, report and management endpoint, requested by every role for its own ward,
 * another ward and codes that do not exist: an officer reaches only their own ward (403 for every
 * other, existing or guessed), a trainer only their own ward's households, admins everything.
 */
class WardAccessIT {

  enum Who {
    ANONYMOUS,
    LEARNER,
    TRAINER,
    OFFICER,
    ADMIN
  }

  /** Who may: the ward's officer (and admins), its staff (officer, trainers, admins), admins. */
  enum Kind {
    OFFICER,
    STAFF,
    ADMIN
  }

  enum Target {
    OWN,
    OTHER,
    GUESSED
  }

  record Endpoint(String method, String path, Kind kind, boolean page, String body) {}

  static final Map<Who, Browser> BROWSERS = new LinkedHashMap<>();
  static long ownHousehold;
  static long otherHousehold;

  @BeforeAll
  static void staff() {
    Http.awaitReady();
    BROWSERS.put(Who.ANONYMOUS, new Browser());
    Browser learner = new Browser();
    Residents.register(learner, "Võ Thị Học", Residents.newPhone(), Residents.HAI_CHAU);
    BROWSERS.put(Who.LEARNER, learner);
    BROWSERS.put(Who.TRAINER, Staff.withRole("Hồ Văn Dạy", "trainer", Residents.HAI_CHAU));
    BROWSERS.put(Who.OFFICER, Staff.withRole("Mai Thị Phường", "officer", Residents.HAI_CHAU));
    BROWSERS.put(Who.ADMIN, Staff.admin());
    ownHousehold = household(BROWSERS.get(Who.OFFICER), "tam-" + Residents.HAI_CHAU);
    Browser otherOfficer = Staff.withRole("Mai Văn Khác", "officer", Residents.HOA_CUONG);
    otherHousehold = household(otherOfficer, "tam-" + Residents.HOA_CUONG);
  }

  static long household(Browser officer, String ward) {
    HttpResponse<String> group =
        officer.postJson(
            "/api/wards/" + ward + "/groups",
            "{\"name\":\"Tổ kiểm tra " + System.nanoTime() + "\"}");
    assertEquals(201, group.statusCode(), group.body());
    long groupId = Browser.json(group).getJsonNumber("id").longValue();
    HttpResponse<String> household =
        officer.postJson(
            "/api/wards/" + ward + "/households",
            "{\"groupId\":" + groupId + ",\"address\":\"Số " + System.nanoTime() + "\"}");
    assertEquals(201, household.statusCode(), household.body());
    return Browser.json(household).getJsonNumber("id").longValue();
  }

  static List<Endpoint> endpoints(String ward) {
    String targets =
        "{\"appliesFrom\":\"2026-02-01\",\"adults\":100,\"households\":40,"
            + "\"adultsTargetPercent\":100,\"onlineTargetPercent\":90,\"familyTargetPercent\":95}";
    return List.of(
        new Endpoint("GET", "/api/wards/" + ward + "/progress", Kind.OFFICER, false, null),
        new Endpoint("GET", "/api/wards/" + ward + "/report.csv", Kind.OFFICER, false, null),
        new Endpoint("GET", "/api/wards/" + ward + "/report.xlsx", Kind.OFFICER, false, null),
        new Endpoint(
            "GET", "/api/wards/" + ward + "/report.csv?from=2026-01-01", Kind.OFFICER, false, null),
        new Endpoint("GET", "/api/wards/" + ward + "/targets", Kind.OFFICER, false, null),
        new Endpoint("POST", "/api/wards/" + ward + "/targets", Kind.OFFICER, false, targets),
        new Endpoint("GET", "/api/wards/" + ward + "/groups", Kind.STAFF, false, null),
        new Endpoint(
            "POST",
            "/api/wards/" + ward + "/groups",
            Kind.STAFF,
            false,
            "{\"name\":\"Tổ ma trận " + System.nanoTime() + "\"}"),
        new Endpoint("GET", "/phuong/" + ward, Kind.OFFICER, true, null),
        new Endpoint("GET", "/phuong/" + ward + "/in", Kind.OFFICER, true, null),
        new Endpoint("GET", "/phuong/" + ward + "/chi-tieu", Kind.OFFICER, true, null),
        new Endpoint("GET", "/phuong/" + ward + "/ho-gia-dinh", Kind.STAFF, true, null));
  }

  static List<Endpoint> adminEndpoints() {
    return List.of(
        new Endpoint("GET", "/api/reports/rollup", Kind.ADMIN, false, null),
        new Endpoint("GET", "/api/reports/rollup.csv", Kind.ADMIN, false, null),
        new Endpoint("GET", "/api/reports/rollup.xlsx", Kind.ADMIN, false, null),
        new Endpoint("GET", "/tinh", Kind.ADMIN, true, null),
        new Endpoint("GET", "/tinh?sap_xep=truc_tuyen&chieu=giam", Kind.ADMIN, true, null),
        new Endpoint("GET", "/quan-ly/phuong", Kind.ADMIN, true, null),
        new Endpoint("POST", "/api/admin/reconcile", Kind.ADMIN, false, ""));
  }

  static int expected(Who who, Kind kind, Target target, boolean page) {
    if (who == Who.ANONYMOUS) {
      return page ? 303 : 401;
    }
    if (who == Who.ADMIN) {
      return target == Target.GUESSED ? 404 : 200;
    }
    boolean allowed =
        switch (kind) {
          case OFFICER -> who == Who.OFFICER;
          case STAFF -> who == Who.OFFICER || who == Who.TRAINER;
          case ADMIN -> false;
        };
    return allowed && target == Target.OWN ? 200 : 403;
  }

  static int status(Browser browser, Endpoint endpoint) {
    HttpResponse<String> response =
        endpoint.method().equals("GET")
            ? browser.get(endpoint.path())
            : browser.post(
                endpoint.path(),
                "application/json",
                endpoint.body().getBytes(StandardCharsets.UTF_8));
    int status = response.statusCode();
    return status == 201 ? 200 : status;
  }

  @Test
  void everyRoleReachesOnlyWhatItMay() {
    Map<Target, String> wards =
        Map.of(
            Target.OWN, "tam-" + Residents.HAI_CHAU,
            Target.OTHER, "tam-" + Residents.HOA_CUONG,
            Target.GUESSED, "tam-987654");
    List<String> wrong = new ArrayList<>();
    int crossWard = 0;
    int crossWardDenied = 0;
    for (Map.Entry<Who, Browser> who : BROWSERS.entrySet()) {
      for (Target target : Target.values()) {
        for (Endpoint endpoint : endpoints(wards.get(target))) {
          int expected = expected(who.getKey(), endpoint.kind(), target, endpoint.page());
          int actual = status(who.getValue(), endpoint);
          if (expected != actual) {
            wrong.add(
                who.getKey()
                    + " "
                    + endpoint.method()
                    + " "
                    + endpoint.path()
                    + ": "
                    + actual
                    + ", expected "
                    + expected);
          }
          if (target != Target.OWN
              && (who.getKey() == Who.OFFICER || who.getKey() == Who.TRAINER)) {
            crossWard++;
            crossWardDenied += actual == 403 ? 1 : 0;
          }
        }
      }
      for (Endpoint endpoint : adminEndpoints()) {
        int expected = expected(who.getKey(), endpoint.kind(), Target.OWN, endpoint.page());
        int actual = status(who.getValue(), endpoint);
        if (expected != actual) {
          wrong.add(
              who.getKey()
                  + " "
                  + endpoint.method()
                  + " "
                  + endpoint.path()
                  + ": "
                  + actual
                  + ", expected "
                  + expected);
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertEquals(crossWard, crossWardDenied, "every cross-ward request is denied with 403");
    assertTrue(crossWard >= 40);
  }

  @Test
  void householdIdsOfAnotherWardAreRefusedToItsStaffAndGuessedIdsToo() {
    String member = "{\"signInName\":\"" + Residents.newPhone() + "\"}";
    for (Who who : List.of(Who.OFFICER, Who.TRAINER)) {
      Browser browser = BROWSERS.get(who);
      assertEquals(
          403,
          browser.postJson("/api/households/" + otherHousehold + "/members", member).statusCode(),
          who + ": another ward's household");
      assertEquals(
          403,
          browser.postJson("/api/households/987654321/members", member).statusCode(),
          who + ": a guessed id");
      assertEquals(
          404,
          browser.postJson("/api/households/" + ownHousehold + "/members", member).statusCode(),
          who + ": own ward, but nobody registered with that number");
      assertEquals(
          403,
          browser
              .postForm(
                  "/phuong/tam-"
                      + Residents.HAI_CHAU
                      + "/ho-gia-dinh/"
                      + otherHousehold
                      + "/thanh-vien",
                  List.of(Map.entry("dang_nhap", Residents.newPhone())))
              .statusCode(),
          who + ": another ward's household through the own ward's page");
    }
    assertEquals(
        403,
        BROWSERS
            .get(Who.LEARNER)
            .postJson("/api/households/" + ownHousehold + "/members", member)
            .statusCode());
    assertEquals(
        404,
        BROWSERS.get(Who.ADMIN).postJson("/api/households/987654321/members", member).statusCode());
  }
}
