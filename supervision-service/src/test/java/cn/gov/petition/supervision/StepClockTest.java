package cn.gov.petition.supervision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.common.events.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.infra.PetitionTestInfrastructure;
import cn.gov.petition.infra.TestTokens;
import cn.gov.petition.supervision.store.ClockRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class StepClockTest {

  @Inject ClockRepository clocks;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  private static String progressed(String caseId, String transition, String closed, String opened) {
    return """
        {"caseId":"%s","caseNumber":"530302-20261124-00003","transition":"%s","status":"X",
         "petitionClass":"APPEAL","channel":"LETTER","category":"0105","matterRegionCode":"530302001",
         "unitCode":"530302:xfj","unitRegionCode":"530302","mode":"FORWARD","outcome":null,
         "occurredOn":"2026-09-30","occurredAt":"2026-09-30T02:00:00Z",
         "closedSteps":[%s],"openedSteps":[%s]}"""
        .formatted(caseId, transition, closed, opened);
  }

  private static String opened(String step, String dueOn) {
    return """
        {"step":"%s","unitCode":"530302:xfj","unitRegionCode":"530302","startedOn":"2026-09-30",
         "dueOn":"%s"}"""
        .formatted(step, dueOn);
  }

  private void send(String caseId, String data) {
    kafka.send(
        Topics.CASE_EVENTS,
        caseId,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(),
            "cn.gov.petition.case.progressed",
            "530302-20261124-00003"),
        data);
  }

  @Test
  void stepsOpenCloseAndMoveTheirClocksWithTheDatesTheEventsCarry() {
    String caseId = UUID.randomUUID().toString();
    String forwarded =
        progressed(
            caseId,
            "FORWARDED",
            "",
            opened("ACCEPT", "2026-10-15") + "," + opened("OBJECT", "2026-10-14"));
    var headers =
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(),
            "cn.gov.petition.case.progressed",
            "530302-20261124-00003");
    kafka.send(Topics.CASE_EVENTS, caseId, headers, forwarded);
    kafka.send(Topics.CASE_EVENTS, caseId, headers, forwarded); // a redelivery changes nothing

    String county = TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                clocksOf(county, caseId)
                    .body("$", hasSize(2))
                    .body("find { it.step == 'ACCEPT' }.dueOn", equalTo("2026-10-15"))
                    .body("find { it.step == 'ACCEPT' }.status", equalTo("OPEN")));

    send(
        caseId,
        progressed(
            caseId,
            "ACCEPTED",
            """
            {"step":"ACCEPT","dueOn":"2026-10-15","doneOn":"2026-10-16","onTime":false},
            {"step":"OBJECT","dueOn":"2026-10-14","doneOn":"2026-10-16","onTime":false}""",
            opened("HANDLE", "2026-12-15")));
    send(caseId, progressed(caseId, "EXTENDED", "", opened("HANDLE", "2027-01-14")));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                clocksOf(county, caseId)
                    .body("$", hasSize(3))
                    .body("find { it.step == 'ACCEPT' }.status", equalTo("LATE"))
                    .body("find { it.step == 'ACCEPT' }.doneOn", equalTo("2026-10-16"))
                    .body("find { it.step == 'HANDLE' }.dueOn", equalTo("2027-01-14"))
                    .body("find { it.step == 'HANDLE' }.status", equalTo("OPEN")));

    String province = TestTokens.token("yunnan-office", "53:xfj", "53", "joint-office");
    clocksOf(province, caseId).body("$", hasSize(3));

    String neighbour = TestTokens.token("zhanyi-supervisor", "530303:xfj", "530303", "supervisor");
    clocksOf(neighbour, caseId).body("$", hasSize(0));
  }

  @Test
  void aStepOutsideThisNodesRegionIsLeftToThatNodesSupervision() {
    // this node serves 53; a step owed in 贵州 (52) is another node's to supervise
    String caseId = UUID.randomUUID().toString();
    String inGuizhou =
        opened("ACCEPT", "2026-10-15")
            .replace("530302:xfj", "520102:xfj")
            .replace("\"530302\"", "\"520102\"");
    String inQilin = opened("OBJECT", "2026-10-14");
    send(caseId, progressed(caseId, "FORWARDED", "", inGuizhou + "," + inQilin));
    String province = TestTokens.token("yunnan-office", "53:xfj", "53", "joint-office");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                clocksOf(province, caseId)
                    .body("$", hasSize(1))
                    .body("[0].step", equalTo("OBJECT")));
    assertEquals(
        List.of("OBJECT"),
        clocks.list("caseId", UUID.fromString(caseId)).stream().map(c -> c.step).toList(),
        "no clock is kept for the other province's step");
  }

  @Test
  void badQueriesAndTokensWithoutARegionAreRefused() {
    String county = TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    given()
        .auth()
        .oauth2(county)
        .queryParam("limit", 0)
        .when()
        .get("/clocks")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("limit"));
    given()
        .auth()
        .oauth2(county)
        .queryParam("caseId", "x")
        .when()
        .get("/clocks")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("caseId"));
    String noRegion = TestTokens.token("nobody", "", "", "supervisor");
    given().auth().oauth2(noRegion).when().get("/clocks").then().statusCode(403);
  }

  /** The clocks of one case as the token's holder sees them. */
  private static ValidatableResponse clocksOf(String token, String caseId) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("caseId", caseId)
        .when()
        .get("/clocks")
        .then()
        .statusCode(200);
  }
}
