package cn.gov.petition.supervision;

import static cn.gov.petition.contracts.Step.ACCEPT;
import static cn.gov.petition.contracts.Step.EVALUATE;
import static cn.gov.petition.contracts.Step.HANDLE;
import static cn.gov.petition.contracts.Step.REPORT;
import static cn.gov.petition.supervision.Calls.get;
import static cn.gov.petition.supervision.Calls.post;
import static cn.gov.petition.supervision.CaseEvents.progress;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 积案: an overdue case of 思茅区人社局 is put on the list by 普洱市 with a leader, a team and a plan;
 * crossing it off is refused, each failing 一案双督 check named, until the case is closed, the
 * petitioner's position is known, every step is done and the reports are in. 普洱市 (5308) is this
 * test's own.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class BacklogTest {

  private static final String BUREAU = "530802:rsj";

  @Inject TestClock clock;

  private final String city = TestTokens.token("puer-office", "5308:xfj", "5308", "joint-office");
  private final String county =
      TestTokens.token("simao-supervisor", "530802:xfj", "530802", "supervisor");
  private final String neighbour =
      TestTokens.token("ninger-supervisor", "530821:xfj", "530821", "supervisor");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private static Map<String, Object> takeOn(String caseId) {
    Map<String, Object> body = new HashMap<>();
    body.put("caseId", caseId);
    body.put("leaderName", "李明");
    body.put("leaderPost", "思茅区副区长");
    body.put("team", List.of("王芳，区人社局副局长", "赵强，南屏镇副镇长"));
    body.put("plan", "一周内约见信访人，会同人社局核查工资拖欠情况");
    body.put("resolveBy", "2027-03-31");
    return body;
  }

  private void awaitClocks(String caseId, int count) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                get(county, "/clocks?caseId=" + caseId).statusCode(200).body("$", hasSize(count)));
  }

  private static List<String> failing(io.restassured.response.ValidatableResponse refused) {
    return refused
        .statusCode(422)
        .contentType("application/problem+json")
        .extract()
        .jsonPath()
        .getList("errors.field");
  }

  @Test
  void anOverdueCaseIsTakenOnAndCrossedOffOnlyWhenBothSupervisionsPass() {
    String caseId = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-12-01"));
    progress(caseId, "ASSIGNED")
        .status("ASSIGNED")
        .mode("ASSIGN")
        .unit(BUREAU)
        .matter("530802102")
        .opens(ACCEPT, "2026-12-16")
        .opens(REPORT, "2027-03-01")
        .send();
    awaitClocks(caseId, 2);

    // not overdue yet: not backlog
    List<String> notYet = failing(post(city, "/backlog", takeOn(caseId)));
    org.junit.jupiter.api.Assertions.assertEquals(List.of("caseId"), notYet);
    get(city, "/backlog/candidates").statusCode(200).body("caseId", not(hasItem(caseId)));

    clock.setToday(LocalDate.parse("2026-12-18"));
    get(city, "/backlog/candidates")
        .statusCode(200)
        .body("caseId", hasItem(caseId))
        .body("find { it.caseId == '" + caseId + "' }.unitName", equalTo("思茅区人力资源和社会保障局"));
    String id =
        post(city, "/backlog", takeOn(caseId))
            .statusCode(201)
            .body("grounds", equalTo(List.of("OVERDUE")))
            .body("groundLabels", equalTo(List.of("超期未办结")))
            .body("leaderName", equalTo("李明"))
            .body("team", hasSize(2))
            .body("status", equalTo("OPEN"))
            .body("listedOn", equalTo("2026-12-18"))
            .extract()
            .path("id");
    post(city, "/backlog", takeOn(caseId)).statusCode(409).contentType("application/problem+json");
    get(city, "/backlog/candidates").statusCode(200).body("caseId", not(hasItem(caseId)));
    get(county, "/backlog").statusCode(200).body("id", hasItem(id));
    get(neighbour, "/backlog/" + id).statusCode(404);
    get(neighbour, "/backlog").statusCode(200).body("id", not(hasItem(id)));

    // nothing done yet: every check but "on time since listing" fails
    assertFailing(
        id,
        Map.of("resolution", "PROBLEM_SOLVED"),
        "checks.caseConcluded",
        "checks.petitionerPosition",
        "checks.stepsDone",
        "checks.closingReport");

    // accepted late (the lateness that made it backlog), handled on time, evaluated unsatisfied,
    // the assigned matter's closing report sent, closed
    progress(caseId, "ACCEPTED")
        .status("ACCEPTED")
        .mode("ASSIGN")
        .unit(BUREAU)
        .on("2026-12-19")
        .closes(ACCEPT, "2026-12-16")
        .opens(HANDLE, "2027-02-17")
        .send();
    progress(caseId, "OPINION_ISSUED")
        .status("OPINION_ISSUED")
        .mode("ASSIGN")
        .unit(BUREAU)
        .on("2027-01-10")
        .closes(HANDLE, "2027-02-17")
        .opens(EVALUATE, "2027-01-17")
        .send();
    progress(caseId, "EVALUATED")
        .status("OPINION_ISSUED")
        .mode("ASSIGN")
        .unit(BUREAU)
        .outcome("UNSATISFIED")
        .on("2027-01-12")
        .closes(EVALUATE, "2027-01-17")
        .send();
    progress(caseId, "REPORT_SUBMITTED")
        .status("OPINION_ISSUED")
        .mode("ASSIGN")
        .unit(BUREAU)
        .on("2027-01-15")
        .closes(REPORT, "2027-03-01")
        .send();
    progress(caseId, "CLOSED").status("CLOSED").mode("ASSIGN").unit(BUREAU).on("2027-01-16").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                get(city, "/backlog/" + id).statusCode(200).body("caseStatus", equalTo("CLOSED")));
    clock.setToday(LocalDate.parse("2027-01-20"));
    get(city, "/backlog/" + id + "/checks")
        .statusCode(200)
        .body(
            "findAll { it.passed }.name",
            containsInAnyOrder("caseConcluded", "stepsDone", "stepsOnTime"))
        .body("find { it.name == 'petitionerPosition' }.detail", containsString("UNSATISFIED"));

    post(city, "/backlog/" + id + "/report", Map.of("report", "已协调企业支付拖欠工资"))
        .statusCode(200)
        .body("reportedOn", equalTo("2027-01-20"));
    // the petitioner is not content and has not said the matter is settled
    assertFailing(id, Map.of("resolution", "PROBLEM_SOLVED"), "checks.petitionerPosition");
    // the county sees it but did not put it on the list: it does not cross it off
    post(county, "/backlog/" + id + "/cross-off", crossOff()).statusCode(403);
    post(city, "/backlog/" + id + "/cross-off", crossOff())
        .statusCode(200)
        .body("status", equalTo("CROSSED_OFF"))
        .body("crossedOffOn", equalTo("2027-01-20"))
        .body("resolutionLabel", equalTo("解决问题到位"));
    post(city, "/backlog/" + id + "/cross-off", crossOff()).statusCode(409);
    get(county, "/backlog?status=CROSSED_OFF").statusCode(200).body("id", hasItems(id));
    get(county, "/backlog?status=OPEN").statusCode(200).body("id", not(hasItem(id)));

    // statistics and dashboards learn of the listing and the crossing off, and of nobody
    List<KafkaProbe.Seen> changes =
        new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers())
            .await(
                Topics.SUPERVISION_EVENTS,
                seen ->
                    caseId.equals(seen.key())
                        && "cn.gov.petition.supervision.backlog-changed"
                            .equals(seen.header("ce_type")),
                2,
                Duration.ofSeconds(15));
    assertEquals(
        List.of("LISTED", "CROSSED_OFF"),
        changes.stream().map(c -> JsonPath.from(c.value()).getString("change")).toList());
    JsonPath crossed = JsonPath.from(changes.get(1).value());
    assertEquals("2027-01-20", crossed.getString("on"));
    assertEquals("PROBLEM_SOLVED", crossed.getString("resolution"));
    assertEquals("5308", crossed.getString("listingRegion"));
    for (KafkaProbe.Seen change : changes) {
      assertFalse(change.value().contains("李明"), "no leader's name in a broadcast");
      assertFalse(change.value().contains("约见信访人"), "no plan in a broadcast");
    }
  }

  private static Map<String, Object> crossOff() {
    return Map.of("resolution", "PROBLEM_SOLVED", "petitionerStatement", "本人诉求已解决，不再信访");
  }

  private void assertFailing(String id, Map<String, Object> body, String... fields) {
    List<String> failed = failing(post(city, "/backlog/" + id + "/cross-off", body));
    org.junit.jupiter.api.Assertions.assertEquals(List.of(fields), failed);
    get(city, "/backlog/" + id).statusCode(200).body("status", equalTo("OPEN"));
  }

  @Test
  void aCasePetitionedAgainAndAgainIsBacklogAndAStepLateSinceListingFailsTheProcedureCheck() {
    String caseId = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-12-01"));
    progress(caseId, "ACCEPTED").status("ACCEPTED").unit(BUREAU).opens(HANDLE, "2027-01-30").send();
    progress(caseId, "REPEAT_RECEIVED").status("ACCEPTED").unit(BUREAU).on("2026-12-05").send();
    awaitClocks(caseId, 1);
    clock.setToday(LocalDate.parse("2026-12-10"));
    get(county, "/backlog/candidates").statusCode(200).body("caseId", not(hasItem(caseId)));

    progress(caseId, "REPEAT_RECEIVED").status("FORWARDED").unit(BUREAU).on("2026-12-09").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                get(county, "/backlog/candidates")
                    .statusCode(200)
                    .body("find { it.caseId == '" + caseId + "' }.repeatPetitions", equalTo(2)));
    String id =
        post(county, "/backlog", takeOn(caseId))
            .statusCode(201)
            .body("grounds", equalTo(List.of("REPEATED")))
            .extract()
            .path("id");

    // accepted on time the day after; the handling period begun then ends late
    progress(caseId, "ACCEPTED")
        .status("ACCEPTED")
        .unit(BUREAU)
        .on("2026-12-11")
        .closes(ACCEPT, "2026-12-16")
        .opens(HANDLE, "2027-02-08")
        .send();
    progress(caseId, "OPINION_ISSUED")
        .status("OPINION_ISSUED")
        .unit(BUREAU)
        .on("2027-02-10")
        .closes(HANDLE, "2027-02-08")
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                get(county, "/backlog/" + id + "/checks")
                    .statusCode(200)
                    .body("find { it.name == 'stepsOnTime' }.passed", equalTo(false))
                    .body(
                        "find { it.name == 'stepsOnTime' }.detail",
                        containsString("办理答复（2027-02-08 到期，2027-02-10 完成）")));
  }

  @Test
  void aBacklogCaseMovedToAUnitOfAnotherCountyIsFollowedThere() {
    String caseId = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-12-01"));
    progress(caseId, "FORWARDED")
        .status("FORWARDED")
        .unit(BUREAU)
        .opens(ACCEPT, "2026-12-16")
        .send();
    for (String day : List.of("2026-12-02", "2026-12-03")) {
      progress(caseId, "REPEAT_RECEIVED").status("FORWARDED").unit(BUREAU).on(day).send();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> get(city, "/backlog/candidates").statusCode(200).body("caseId", hasItem(caseId)));
    String id = post(city, "/backlog", takeOn(caseId)).statusCode(201).extract().path("id");
    get(county, "/backlog?status=OPEN&limit=1000").body("id", hasItem(id));

    // the objection is upheld: 宁洱县人社局 has the case now
    progress(caseId, "OBJECTION_UPHELD")
        .status("FORWARDED")
        .unit("530821:rsj")
        .on("2026-12-04")
        .opens(ACCEPT, "2026-12-19")
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> get(neighbour, "/backlog").statusCode(200).body("id", hasItem(id)));
    get(county, "/backlog?limit=1000").statusCode(200).body("id", not(hasItem(id)));
    get(county, "/backlog/" + id).statusCode(404);
    get(city, "/backlog/" + id).statusCode(200).body("unitCode", equalTo("530821:rsj"));
  }

  @Test
  void
      anAccusationOnTheBacklogIsListedToNoUnitButTheHandlingOneAndThePetitionAndDisciplineOffices() {
    // an accusation against 思茅区's labour bureau, handled by the district's discipline body
    String caseId = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-12-01"));
    progress(caseId, "FORWARDED")
        .petitionClass("ACCUSATION")
        .status("FORWARDED")
        .unit("530802:jw")
        .opens(ACCEPT, "2026-12-16")
        .send();
    for (String day : List.of("2026-12-02", "2026-12-03")) {
      progress(caseId, "REPEAT_RECEIVED")
          .petitionClass("ACCUSATION")
          .status("FORWARDED")
          .unit("530802:jw")
          .on(day)
          .send();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> get(city, "/backlog/candidates").statusCode(200).body("caseId", hasItem(caseId)));
    String id = post(city, "/backlog", takeOn(caseId)).statusCode(201).extract().path("id");

    String accused = TestTokens.token("simao-rsj", BUREAU, "530802", "supervisor");
    get(accused, "/backlog?limit=1000").statusCode(200).body("id", not(hasItem(id)));
    get(accused, "/backlog/" + id).statusCode(404);
    get(accused, "/backlog/candidates").statusCode(200).body("caseId", not(hasItem(caseId)));
    String discipline = TestTokens.token("simao-jw", "530802:jw", "530802", "supervisor");
    get(discipline, "/backlog/" + id).statusCode(200);
    get(county, "/backlog?limit=1000").statusCode(200).body("id", hasItem(id));
  }

  @Test
  void badRequestsAreRefusedWithTheFieldAndTheRuleAndChangeNothing() {
    clock.setToday(LocalDate.parse("2026-12-01"));
    Map<String, Object> bad = takeOn("not-a-uuid");
    bad.put("team", List.of());
    bad.remove("plan");
    post(city, "/backlog", bad)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("caseId", "team", "plan"));

    Map<String, Object> unknown = takeOn(UUID.randomUUID().toString());
    unknown.put("resolveBy", "2026-11-30");
    post(city, "/backlog", unknown)
        .statusCode(422)
        .body("errors.field", containsInAnyOrder("caseId"))
        .body("errors[0].rule", equalTo("KnownCase"));
    get(city, "/backlog/" + UUID.randomUUID()).statusCode(404);
    get(city, "/backlog/nope").statusCode(400);
    get(city, "/backlog?status=GONE").statusCode(400);
    get(city, "/backlog/candidates?limit=0").statusCode(400);
    get(city, "/backlog?limit=1001").statusCode(400).body("errors[0].field", equalTo("limit"));
    String handler = TestTokens.token("simao-rsj", BUREAU, "530802", "handler");
    get(handler, "/backlog").statusCode(403);
  }
}
