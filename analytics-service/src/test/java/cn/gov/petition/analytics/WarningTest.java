package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.CaseRegistered;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 预警研判 in 德宏州 (5331, this test's own), on Thursday 10 December 2026: each rule finds what it should
 * and nothing beside it (a near miss stands next to every finding), raises it once, names its
 * evidence, publishes it without personal data, and a rule changed by an administrator takes effect
 * at the next evaluation.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class WarningTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-12-10");

  @Inject TestClock clock;
  @Inject WarningWatch watch;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());
  private final List<KafkaProbe.Outgoing> events = new ArrayList<>();
  private int numbers;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  // ------------------------------------------------------------------ the events intake sends

  private String number() {
    return "5331-W-" + String.format("%04d", ++numbers);
  }

  /** A registration at {@code office} (a unit code); returns the case id. */
  private String registered(
      String region, String category, LocalDate day, String office, String repeatOf, int persons) {
    return registered(region, category, day, office, repeatOf, persons, "APPEAL");
  }

  private String registered(
      String region,
      String category,
      LocalDate day,
      String office,
      String repeatOf,
      int persons,
      String petitionClass) {
    String id = UUID.randomUUID().toString();
    events.add(
        Events.of(
            id,
            "n",
            new CaseRegistered(
                id,
                number(),
                "VISIT",
                petitionClass,
                region,
                category,
                office,
                day,
                day.atStartOfDay().toInstant(ZoneOffset.UTC),
                persons,
                "SEEK_SOLUTION",
                "DIRECT",
                persons >= 5,
                repeatOf)));
    return id;
  }

  private String registered(String region, String category, LocalDate day) {
    return registered(region, category, day, region.substring(0, 6) + ":xfj", null, 1);
  }

  private void progressed(
      String caseId,
      String number,
      String transition,
      String region,
      String unit,
      LocalDate on,
      List<CaseProgressed.ClosedStep> closed,
      List<CaseProgressed.OpenedStep> opened) {
    events.add(
        Events.of(
            caseId,
            number,
            new CaseProgressed(
                caseId,
                number,
                transition,
                "X",
                "APPEAL",
                "VISIT",
                "0201",
                region,
                unit,
                unit.substring(0, unit.indexOf(':')),
                "FORWARD",
                null,
                on,
                on.atStartOfDay().toInstant(ZoneOffset.UTC),
                closed,
                opened)));
  }

  private void repeatReceived(String caseId, String region, LocalDate on) {
    progressed(caseId, "n", "REPEAT_RECEIVED", region, region + ":xfj", on, List.of(), List.of());
  }

  /** An acceptance period of {@code unit} due on {@code due}, done on {@code done}. */
  private void acceptance(String unit, LocalDate due, LocalDate done) {
    String id = UUID.randomUUID().toString();
    String number = number();
    String region = unit.substring(0, unit.indexOf(':'));
    LocalDate start = due.minusDays(15);
    progressed(
        id,
        number,
        "FORWARDED",
        region,
        unit,
        start,
        List.of(),
        List.of(new CaseProgressed.OpenedStep(Step.ACCEPT, unit, region, start, due)));
    progressed(
        id,
        number,
        "ACCEPTED",
        region,
        unit,
        done,
        List.of(new CaseProgressed.ClosedStep(Step.ACCEPT, due, done, !done.isAfter(due))),
        List.of());
  }

  /** A handling period of {@code unit} started on {@code start}, due on {@code due}, open. */
  private String handling(String unit, LocalDate start, LocalDate due) {
    String id = UUID.randomUUID().toString();
    String number = number();
    String region = unit.substring(0, unit.indexOf(':'));
    progressed(
        id,
        number,
        "ACCEPTED",
        region,
        unit,
        start,
        List.of(),
        List.of(new CaseProgressed.OpenedStep(Step.HANDLE, unit, region, start, due)));
    return number;
  }

  // ------------------------------------------------------------------------------ the calls

  private static final String CITY =
      TestTokens.token("dehong-office", "5331:xfj", "5331", "joint-office");
  private static final String ADMIN =
      TestTokens.token("dehong-admin", "53:xfj", "53", "administrator");

  private static JsonPath warnings(String token, String region) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("region", region)
        .when()
        .get("/warnings")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<Map<String, Object>> ofKind(JsonPath list, String kind) {
    return list.getList("findAll { it.kind == '" + kind + "' }");
  }

  @Test
  void eachRuleFindsWhatItShouldOnceWithItsEvidence() {
    clock.setToday(TODAY);
    // 某类激增: 瑞丽市 0201, 6 in the last 7 days against 4 in the 8 weeks before (0.5 a week);
    // 梁河县 0201, 5 against 24 (3 a week) is no spike.
    for (int i = 0; i < 5; i++) {
      registered("533102", "0201", TODAY.minusDays(i));
    }
    // the sixth an accusation: counted, never named (an accused unit may read warnings)
    registered("533102", "0201", TODAY.minusDays(5), "533102:xfj", null, 1, "ACCUSATION");
    String accusationNumber = "5331-W-" + String.format("%04d", numbers);
    for (int i = 0; i < 4; i++) {
      registered("533102", "0201", TODAY.minusDays(10 + 12 * i));
    }
    for (int i = 0; i < 5; i++) {
      registered("533122", "0201", TODAY.minusDays(i));
    }
    for (int i = 0; i < 24; i++) {
      registered("533122", "0201", TODAY.minusDays(7 + 2 * i));
    }
    // 重复信访: one matter of 芒市 petitioned four times in 30 days (twice received again, once
    // registered anew and linked); another only twice.
    String repeated = registered("533103", "0301", TODAY.minusDays(20));
    repeatReceived(repeated, "533103", TODAY.minusDays(15));
    repeatReceived(repeated, "533103", TODAY.minusDays(5));
    registered("533103", "0301", TODAY.minusDays(2), "533103:xfj", repeated, 1);
    String twice = registered("533103", "0302", TODAY.minusDays(20));
    repeatReceived(twice, "533103", TODAY.minusDays(3));
    // 逐级上行: registered at the township of 芒市镇, then again at the prefecture.
    String climbing = registered("533103101", "0401", TODAY.minusDays(40), "533103101:zf", null, 1);
    registered("533103101", "0401", TODAY.minusDays(9), "5331:xfj", climbing, 1);
    // 集体访苗头: five different petitions on 0105 from 平原镇 in three days; four from 旧城镇.
    for (int i = 0; i < 5; i++) {
      registered("533123101", "0105", TODAY.minusDays(i % 3));
    }
    for (int i = 0; i < 4; i++) {
      registered("533123102", "0105", TODAY.minusDays(i % 3));
    }
    for (int i = 0; i < 40; i++) { // 盈江县's usual 0105: 5 a week, so no spike beside the signs
      registered("533123103", "0105", TODAY.minusDays(7 + i));
    }
    // 指标偏低: 瑞丽市人社局 accepted 7 of 10 on time in 30 days; 住建局 10 of 10; 梁河县人社局
    // 0 of 4 (too few to judge).
    for (int i = 0; i < 10; i++) {
      LocalDate due = TODAY.minusDays(2 + i);
      acceptance("533102:rsj", due, i < 3 ? due.plusDays(1) : due);
      acceptance("533102:zjj", due, due.minusDays(1));
    }
    for (int i = 0; i < 4; i++) {
      LocalDate due = TODAY.minusDays(3 + i);
      acceptance("533122:rsj", due, due.plusDays(2));
    }
    // 临期未办: 梁河县住建局 has one handling period due tomorrow open since 20 days; one due
    // tomorrow but given only 2 days ago, one due in ten days.
    String nearDue = handling("533122:zjj", TODAY.minusDays(20), TODAY.plusDays(1));
    handling("533122:zjj", TODAY.minusDays(2), TODAY.plusDays(1));
    handling("533122:zjj", TODAY.minusDays(20), TODAY.plusDays(10));
    kafka.sendAll(Topics.CASE_EVENTS, events);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                            .auth()
                            .oauth2(CITY)
                            .queryParam("region", "5331")
                            .queryParam("period", "2026-12")
                            .when()
                            .get("/statistics/indicators")
                            .then()
                            .extract()
                            .jsonPath()
                            .getInt("figures.petitions")
                        > 0
                    && handlingSeen());

    watch.evaluate();
    JsonPath raised = warnings(CITY, "5331");

    List<Map<String, Object>> spikes = ofKind(raised, "CATEGORY_SPIKE");
    assertEquals(List.of("533102/0201"), spikes.stream().map(w -> w.get("subject")).toList());
    Map<String, Object> spike = spikes.get(0);
    assertEquals(
        Map.of("count", 6.0f, "baseline", 0.5f, "factor", 2.0f, "ratio", 12.0f),
        spike.get("figures"));
    assertEquals(5, ((List<?>) spike.get("caseNumbers")).size());
    assertFalse(((List<?>) spike.get("caseNumbers")).contains(accusationNumber));
    assertTrue(spike.get("summary").toString().startsWith("瑞丽市 "), spike.get("summary").toString());

    List<Map<String, Object>> repeats = ofKind(raised, "REPEAT_PETITIONS");
    assertEquals(1, repeats.size(), repeats.toString());
    assertEquals(4.0f, ((Map<?, ?>) repeats.get(0).get("figures")).get("petitions"));
    assertEquals(2.0f, ((Map<?, ?>) repeats.get(0).get("figures")).get("cases"));
    assertEquals("533103", repeats.get(0).get("regionCode"));

    List<Map<String, Object>> climbs = ofKind(raised, "MOVING_UP");
    assertEquals(1, climbs.size(), climbs.toString());
    assertTrue(climbs.get(0).get("summary").toString().contains("乡级→市级"));
    assertEquals(2, ((List<?>) climbs.get(0).get("caseNumbers")).size());

    List<Map<String, Object>> collective = ofKind(raised, "COLLECTIVE_SIGNS");
    assertEquals(
        List.of("533123101/0105"), collective.stream().map(w -> w.get("subject")).toList());
    assertEquals(5.0f, ((Map<?, ?>) collective.get(0).get("figures")).get("petitions"));

    List<Map<String, Object>> low = ofKind(raised, "RATE_BELOW");
    assertEquals(List.of("533102:rsj"), low.stream().map(w -> w.get("subject")).toList());
    assertEquals(
        Map.of("numerator", 7.0f, "denominator", 10.0f, "value", 0.7f, "threshold", 0.9f),
        low.get(0).get("figures"));
    assertEquals("timely-acceptance-below", low.get(0).get("ruleId"));

    List<Map<String, Object>> near = ofKind(raised, "NEAR_DEADLINE");
    assertEquals(List.of("533122:zjj"), near.stream().map(w -> w.get("subject")).toList());
    assertEquals(List.of(nearDue), near.get(0).get("caseNumbers"));

    // raised once: evaluating again raises nothing new here
    watch.evaluate();
    assertEquals(raised.getList("id"), warnings(CITY, "5331").getList("id"));

    // broadcast as events, naming no person
    List<KafkaProbe.Seen> published =
        kafka.await(
            Topics.ANALYTICS_EVENTS,
            s -> s.value().contains("\"node\"") && s.value().contains("5331"),
            6,
            Duration.ofSeconds(20));
    assertTrue(published.size() >= 6);
    for (KafkaProbe.Seen event : published) {
      assertEquals("cn.gov.petition.analytics.warning-raised", event.header("ce_type"));
      assertFalse(event.value().contains("petitioner"), event.value());
    }

    // a county sees its own warnings only, and not another county's by id
    String ruili = TestTokens.token("ruili-supervisor", "533102:xfj", "533102", "supervisor");
    String lianghe = TestTokens.token("lianghe-supervisor", "533122:xfj", "533122", "supervisor");
    JsonPath own = warnings(ruili, "533102");
    assertEquals(2, own.getList("id").size());
    given()
        .auth()
        .oauth2(ruili)
        .queryParam("region", "5331")
        .when()
        .get("/warnings")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(lianghe)
        .when()
        .get("/warnings/" + spike.get("id"))
        .then()
        .statusCode(404);

    // 研判: acknowledged once with a note, then 409
    given()
        .auth()
        .oauth2(ruili)
        .contentType("application/json")
        .body(Map.of("note", "已约谈瑞丽市人社局"))
        .when()
        .post("/warnings/" + spike.get("id") + "/acknowledge")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("acknowledgedBy", equalTo("ruili-supervisor"));
    given()
        .auth()
        .oauth2(ruili)
        .contentType("application/json")
        .body(Map.of("note", "again"))
        .when()
        .post("/warnings/" + spike.get("id") + "/acknowledge")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(ruili)
        .contentType("application/json")
        .body(Map.of("note", ""))
        .when()
        .post("/warnings/" + spike.get("id") + "/acknowledge")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("note"));
  }

  private boolean handlingSeen() {
    // the near-deadline step facts are in: ask the unit volumes of 梁河县
    return given()
            .auth()
            .oauth2(CITY)
            .queryParam("region", "533122")
            .queryParam("from", "2026-11-01")
            .queryParam("to", "2026-12-31")
            .when()
            .get("/statistics/rates/by-unit")
            .then()
            .extract()
            .jsonPath()
            .getList("children")
            .size()
        > 0;
  }

  /** PUT /warning-rules/{rule}: the next version of a rule, enabled, with a reason. */
  private static io.restassured.response.ValidatableResponse changeRule(
      String token, String rule, int version, Map<String, ?> parameters, String reason) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(
            Map.of("version", version, "enabled", true, "parameters", parameters, "reason", reason))
        .when()
        .put("/warning-rules/" + rule)
        .then();
  }

  @Test
  void aRuleChangedByAnAdministratorTakesEffectAtTheNextEvaluation() {
    clock.setToday(TODAY.plusDays(1));
    // four different petitions on 0204 from 那邦镇 in three days: below the default five
    for (int i = 0; i < 4; i++) {
      registered("533123103", "0204", TODAY.plusDays(1).minusDays(i % 3));
    }
    kafka.sendAll(Topics.CASE_EVENTS, events);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .auth()
                        .oauth2(CITY)
                        .queryParam("region", "533123103")
                        .queryParam("period", "2026-12")
                        .when()
                        .get("/statistics/indicators")
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("figures.petitions")
                    >= 4);
    watch.evaluate();
    assertTrue(
        ofKind(warnings(CITY, "533123103"), "COLLECTIVE_SIGNS").stream()
            .noneMatch(w -> w.get("subject").equals("533123103/0204")));

    int version =
        given()
            .auth()
            .oauth2(ADMIN)
            .when()
            .get("/warning-rules")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getInt("find { it.id == 'collective-signs' }.version");
    Map<String, Object> parameters = Map.of("days", 3, "minPetitions", 4, "regionDigits", 9);

    // refused: not an administrator, parameters wrong, an old version
    changeRule(CITY, "collective-signs", version, parameters, "x").statusCode(403);
    changeRule(
            ADMIN,
            "collective-signs",
            version,
            Map.of("days", 0, "minPetitions", 4, "regionDigits", 5, "mood", 1),
            "x")
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            equalTo(List.of("parameters.days", "parameters.mood", "parameters.regionDigits")));
    changeRule(ADMIN, "collective-signs", version + 5, parameters, "x").statusCode(409);
    changeRule(ADMIN, "no-such-rule", 1, parameters, "x").statusCode(404);

    changeRule(ADMIN, "collective-signs", version, parameters, "边境乡镇聚集风险，阈值下调为4起")
        .statusCode(200)
        .body("version", equalTo(version + 1))
        .body("changedBy", equalTo("dehong-admin"));

    watch.evaluate();
    List<Map<String, Object>> signs =
        ofKind(warnings(CITY, "533123103"), "COLLECTIVE_SIGNS").stream()
            .filter(w -> w.get("subject").equals("533123103/0204"))
            .toList();
    assertEquals(1, signs.size());
    assertEquals(version + 1, signs.get(0).get("ruleVersion"));
    given()
        .auth()
        .oauth2(CITY)
        .when()
        .get("/warning-rules/collective-signs/versions")
        .then()
        .statusCode(200)
        .body("[0].reason", equalTo("边境乡镇聚集风险，阈值下调为4起"))
        .body("[1].version", equalTo(version));

    // back to the default, as a further version, for the other tests of this node
    changeRule(
            ADMIN,
            "collective-signs",
            version + 1,
            Map.of("days", 3, "minPetitions", 5, "regionDigits", 9),
            "恢复默认")
        .statusCode(200)
        .body("version", equalTo(version + 2));
  }
}
