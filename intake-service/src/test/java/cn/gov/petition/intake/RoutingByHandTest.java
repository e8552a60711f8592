package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 人工转送、交办 (issue 31, item 3): a 信访 office forwards or assigns a matter by hand, with its reason,
 * when the rules could not place it or placed it wrongly; the history keeps the rules' proposal
 * beside the act; never to an accused unit.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class RoutingByHandTest {

  /** The registering office, 麒麟区信访局. */
  private static final String OFFICE = TestTokens.qilinRegistrar();

  private static final String CITY_OFFICE =
      TestTokens.token("qujing-handler", "5303:xfj", "5303", "handler");

  /** A bureau of the county: not a 信访 office. */
  private static final String BUREAU =
      TestTokens.token("qilin-zjj", "530302:zjj", "530302", "handler");

  @Inject TestClock clock;

  @Inject DataSource dataSource;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aCaseTheRulesCouldNotPlaceIsAssignedByTheRegisteringOfficeWithItsOwnDeadline() {
    clock.setToday(LocalDate.parse("2026-11-02"));
    String id =
        Petitions.registered(Petitions.letterWith("receivedOn", "2026-11-02"))
            .path("petitionCase.id");
    String path = "/cases/" + id + "/routing-by-hand";
    Map<String, Object> byHand = byHand("530302:zjj", "麒麟区住房和城乡建设局", "ASSIGN");
    byHand.put("reportDays", 20);

    // a bureau is no 信访 office: refused, and not offered; the registering office is offered it
    post(BUREAU, path, byHand).statusCode(403).body("detail", containsString("信访 office"));
    acts(BUREAU, id).body("act", not(hasItem("routing-by-hand")));
    acts(OFFICE, id).body("act", hasItem("routing-by-hand"));
    read(id).body("status", equalTo("REGISTERED"));

    clock.setToday(LocalDate.parse("2026-11-04"));
    post(OFFICE, path, byHand)
        .statusCode(200)
        .body("status", equalTo("ASSIGNED"))
        .body("handlingUnit.code", equalTo("530302:zjj"))
        .body("steps.find { it.step == 'FORWARD' }.state", equalTo("ON_TIME"))
        .body("steps.find { it.step == 'ACCEPT' }.unitCode", equalTo("530302:zjj"))
        .body("steps.find { it.step == 'ACCEPT' }.startedOn", equalTo("2026-11-04"))
        // the deadline the office set: 20 days from the assignment
        .body("steps.find { it.step == 'REPORT' }.dueOn", equalTo("2026-11-24"));
    history(id)
        .body("find { it.transition == 'ROUTED_BY_HAND' }.toStatus", equalTo("ASSIGNED"))
        .body(
            "find { it.transition == 'ROUTED_BY_HAND' }.details.reason",
            equalTo("规则未能确定办理单位，经核实属住建部门职责。"))
        .body("find { it.transition == 'ROUTED_BY_HAND' }.details.reportDays", equalTo(20))
        .body("find { it.transition == 'ROUTED_BY_HAND' }.details.proposedUnit", nullValue());

    // the rules' decision, arriving after the person's, is taken in and changes nothing
    String late = Decisions.route(id, "530302:rsj", "麒麟区人力资源和社会保障局").send();
    await().atMost(Duration.ofSeconds(20)).until(() -> processed(late));
    read(id).body("handlingUnit.code", equalTo("530302:zjj")).body("status", equalTo("ASSIGNED"));
  }

  @Test
  void aCaseRoutedWronglyIsForwardedAgainBeforeAcceptanceWithTheProposalKeptBesideIt() {
    clock.setToday(LocalDate.parse("2026-11-02"));
    String id =
        Petitions.registered(Petitions.letterWith("receivedOn", "2026-11-02"))
            .path("petitionCase.id");
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").ruleVersion("authority-3").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("status", equalTo("FORWARDED")));
    String path = "/cases/" + id + "/routing-by-hand";

    // the unit it was sent to objects instead; it is not offered the act
    acts(BUREAU, id).body("act", not(hasItem("routing-by-hand")));
    Map<String, Object> same = byHand("530302:zjj", "麒麟区住房和城乡建设局", null);
    post(CITY_OFFICE, path, same).statusCode(422).body("errors[0].rule", equalTo("DifferentUnit"));
    Map<String, Object> unknown = byHand("530302:abc", "不存在的单位", null);
    post(CITY_OFFICE, path, unknown).statusCode(422).body("errors[0].rule", equalTo("KnownUnit"));
    Map<String, Object> beijing = byHand("110101:rsj", "东城区人力资源和社会保障局", null);
    post(CITY_OFFICE, path, beijing)
        .statusCode(422)
        .body("errors[0].rule", equalTo("WithinDecidingRegion"));
    Map<String, Object> noReason = byHand("530302:rsj", "麒麟区人力资源和社会保障局", null);
    noReason.remove("reason");
    post(CITY_OFFICE, path, noReason).statusCode(400).body("errors[0].field", equalTo("reason"));
    Map<String, Object> reportOnForward = byHand("530302:rsj", "麒麟区人力资源和社会保障局", "FORWARD");
    reportOnForward.put("reportDays", 10);
    post(CITY_OFFICE, path, reportOnForward)
        .statusCode(422)
        .body("errors[0].rule", equalTo("AssignOnly"));
    read(id).body("handlingUnit.code", equalTo("530302:zjj")).body("status", equalTo("FORWARDED"));

    clock.setToday(LocalDate.parse("2026-11-03"));
    post(CITY_OFFICE, path, byHand("530302:rsj", "麒麟区人力资源和社会保障局", null))
        .statusCode(200)
        .body("status", equalTo("FORWARDED"))
        .body("handlingUnit.code", equalTo("530302:rsj"))
        // the unit it was wrongly sent to owes nothing: neither on time nor late
        .body(
            "steps.find { it.step == 'ACCEPT' && it.unitCode == '530302:zjj' }.state",
            equalTo("WITHDRAWN"))
        .body(
            "steps.find { it.step == 'ACCEPT' && it.unitCode == '530302:rsj' }.state",
            equalTo("OPEN"));
    history(id)
        .body(
            "find { it.transition == 'ROUTED_BY_HAND' }.details.proposedUnit",
            equalTo("530302:zjj"))
        .body(
            "find { it.transition == 'ROUTED_BY_HAND' }.details.proposedRuleVersion",
            equalTo("authority-3"))
        .body(
            "find { it.transition == 'ROUTED_BY_HAND' }.details.previousUnit",
            equalTo("530302:zjj"))
        .body("find { it.transition == 'ROUTED_BY_HAND' }.user", equalTo("qujing-handler"));

    // once accepted, the unit is on it: a wrong unit now objects no more, and no one re-routes by
    // hand
    String rsj = TestTokens.token("qilin-rsj", "530302:rsj", "530302", "handler");
    post(rsj, "/cases/" + id + "/acceptance", Map.of("notice", "已受理")).statusCode(200);
    post(CITY_OFFICE, path, byHand("530302:zjj", "麒麟区住房和城乡建设局", null))
        .statusCode(409)
        .body("detail", containsString("ACCEPTED"));
  }

  @Test
  void anAccusationIsNeverPlacedByHandWithTheAccusedNorUnderAnAccusedLeader() {
    String id = Petitions.registered(Petitions.accusation()).path("petitionCase.id");
    String path = "/cases/" + id + "/routing-by-hand";
    // the accused township office, and its 纪工委, inside its department
    post(OFFICE, path, byHand("530302001:zf", "南宁街道办事处", null))
        .statusCode(422)
        .body("errors[0].rule", equalTo("NotTheAccused"));
    post(OFFICE, path, byHand("530302001:jw", "南宁街道纪工委", null))
        .statusCode(422)
        .body("errors[0].rule", equalTo("NotTheAccused"));
    post(OFFICE, path, byHand("530302:jw", "麒麟区纪委监委", null))
        .statusCode(200)
        .body("handlingUnit.code", equalTo("530302:jw"));

    Map<String, Object> leader = Petitions.accusation();
    @SuppressWarnings("unchecked")
    Map<String, Object> accused =
        new HashMap<>(((List<Map<String, Object>>) leader.get("accused")).get(0));
    accused.put("unitCode", "530302:zf");
    accused.put("unitName", "麒麟区人民政府");
    accused.put("post", "区长");
    accused.put("leader", true);
    leader.put("accused", List.of(accused));
    String led = Petitions.registered(leader).path("petitionCase.id");
    post(OFFICE, "/cases/" + led + "/routing-by-hand", byHand("530302:jw", "麒麟区纪委监委", null))
        .statusCode(422)
        .body("errors[0].rule", equalTo("AboveTheAccusedLeader"));
    Petitions.read(led).body("status", equalTo("REGISTERED"));
    post(OFFICE, "/cases/" + led + "/routing-by-hand", byHand("5303:jw", "曲靖市纪委监委", null))
        .statusCode(200)
        .body("handlingUnit.code", equalTo("5303:jw"));
  }

  /** Whether intake's inbox has taken the event in (applied or found nothing to do). */
  private boolean processed(String eventId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT 1 FROM processed_event WHERE event_id = ?")) {
      statement.setString(1, eventId);
      try (ResultSet found = statement.executeQuery()) {
        return found.next();
      }
    }
  }

  private static Map<String, Object> byHand(String unit, String name, String mode) {
    Map<String, Object> body = new HashMap<>();
    body.put("unit", Map.of("code", unit, "name", name));
    if (mode != null) {
      body.put("mode", mode);
    }
    body.put("reason", "规则未能确定办理单位，经核实属住建部门职责。");
    return body;
  }

  private static ValidatableResponse read(String id) {
    return Petitions.read(id);
  }

  private static ValidatableResponse history(String id) {
    return given()
        .auth()
        .oauth2(OFFICE)
        .when()
        .get("/cases/" + id + "/history")
        .then()
        .statusCode(200);
  }

  private static ValidatableResponse acts(String token, String id) {
    return given().auth().oauth2(token).when().get("/cases/" + id + "/acts").then().statusCode(200);
  }

  private static ValidatableResponse post(String token, String path, Object body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then();
  }
}
