package cn.gov.petition.supervision;

import static cn.gov.petition.contracts.Step.ACCEPT;
import static cn.gov.petition.contracts.Step.HANDLE;
import static cn.gov.petition.contracts.Step.OBJECT;
import static cn.gov.petition.supervision.CaseEvents.progress;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.supervision.store.CaseRepository;
import cn.gov.petition.supervision.store.ClockRepository;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class StepClockTest {

  private static final String QILIN_XFJ = "530302:xfj";

  @Inject ClockRepository clocks;
  @Inject Backlog backlog;
  @Inject CaseRepository supervisedCases;
  @Inject EntityManager entityManager;

  @Test
  void stepsOpenCloseAndMoveTheirClocksWithTheDatesTheEventsCarry() {
    String caseId = UUID.randomUUID().toString();
    var forwarded =
        progress(caseId, "FORWARDED").unit(QILIN_XFJ).on("2026-09-30").opens(ACCEPT, "2026-10-15");
    String eventId = UUID.randomUUID().toString();
    forwarded.opens(OBJECT, "2026-10-14").send(eventId);
    forwarded.send(eventId); // a redelivery changes nothing

    String county = TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                clocksOf(county, caseId)
                    .body("$", hasSize(2))
                    .body("find { it.step == 'ACCEPT' }.dueOn", equalTo("2026-10-15"))
                    .body("find { it.step == 'ACCEPT' }.status", equalTo("OPEN")));

    progress(caseId, "ACCEPTED")
        .unit(QILIN_XFJ)
        .on("2026-10-16")
        .closes(ACCEPT, "2026-10-15")
        .closes(OBJECT, "2026-10-14")
        .opens(HANDLE, "2026-12-15")
        .send();
    progress(caseId, "EXTENDED")
        .unit(QILIN_XFJ)
        .on("2026-10-20")
        .opens(HANDLE, "2027-01-14")
        .send();
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
  void aNewCalendarVersionMovesAProvisionalClockAndCorrectsADoneStepsVerdict() {
    String county = TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    // 2027's notice not loaded: the acceptance period's last day is provisional (待定)
    String open = UUID.randomUUID().toString();
    progress(open, "FORWARDED")
        .unit(QILIN_XFJ)
        .on("2026-12-17")
        .opens(ACCEPT, "2027-01-01", 1, true)
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                clocksOf(county, open)
                    .body("find { it.step == 'ACCEPT' }.provisional", equalTo(true))
                    .body("find { it.step == 'ACCEPT' }.calendarVersion", equalTo(1)));
    // loaded: 01-01 is 元旦, the period ends on 01-04
    progress(open, "DEADLINES_RECOMPUTED")
        .unit(QILIN_XFJ)
        .on("2026-12-18")
        .opens(ACCEPT, "2027-01-04", 2, false)
        .send();

    // a step done on 01-04 was late against 01-01 and is on time against 01-04
    String done = UUID.randomUUID().toString();
    progress(done, "FORWARDED")
        .unit(QILIN_XFJ)
        .on("2026-12-17")
        .opens(ACCEPT, "2027-01-01", 1, true)
        .send();
    progress(done, "ACCEPTED").unit(QILIN_XFJ).on("2027-01-04").closes(ACCEPT, "2027-01-01").send();
    progress(done, "DEADLINES_RECOMPUTED")
        .unit(QILIN_XFJ)
        .on("2027-01-05")
        .corrects(ACCEPT, "2027-01-01", "2027-01-04", "2027-01-04")
        .send();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              clocksOf(county, open)
                  .body("$", hasSize(1))
                  .body("find { it.step == 'ACCEPT' }.dueOn", equalTo("2027-01-04"))
                  .body("find { it.step == 'ACCEPT' }.provisional", equalTo(false))
                  .body("find { it.step == 'ACCEPT' }.status", equalTo("OPEN"));
              clocksOf(county, done)
                  .body("find { it.step == 'ACCEPT' }.dueOn", equalTo("2027-01-04"))
                  .body("find { it.step == 'ACCEPT' }.status", equalTo("ON_TIME"));
            });
  }

  @Test
  void
      anAccusationsClocksAreHiddenFromEveryUnitButTheHandlingOneAndThePetitionAndDisciplineOffices() {
    // an accusation against the county's housing bureau, handled by the county's discipline body
    String caseId = UUID.randomUUID().toString();
    progress(caseId, "FORWARDED")
        .petitionClass("ACCUSATION")
        .unit("530302:jw")
        .on("2026-12-01")
        .opens(ACCEPT, "2026-12-16")
        .send();
    String discipline = TestTokens.token("qilin-jw", "530302:jw", "530302", "supervisor");
    String petitionOffice =
        TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    String accused = TestTokens.token("qilin-zjj", "530302:zjj", "530302", "supervisor");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              clocksOf(discipline, caseId).body("$", hasSize(1));
              clocksOf(petitionOffice, caseId).body("$", hasSize(1));
            });
    // the accused bureau, in the same county, learns nothing of it: not by case, unit or region
    clocksOf(accused, caseId).body("$", hasSize(0));
    given()
        .auth()
        .oauth2(accused)
        .queryParam("unit", "530302:jw")
        .when()
        .get("/clocks")
        .then()
        .statusCode(200)
        .body("caseId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId)));
    given()
        .auth()
        .oauth2(accused)
        .queryParam("limit", 1000)
        .when()
        .get("/clocks")
        .then()
        .statusCode(200)
        .body("caseId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId)));
  }

  /**
   * 协办 (issue 31, item 1): two units assist one case, each with its own clock; one late
   * contribution is that unit's lateness, shown on its clock, and does not make the lead's case
   * overdue (积案).
   */
  @Test
  void eachAssistingUnitHasItsOwnClockAndItsLatenessDoesNotJudgeTheLead() {
    String caseId = UUID.randomUUID().toString();
    progress(caseId, "ACCEPTED")
        .unit(QILIN_XFJ)
        .on("2026-11-02")
        .opens(HANDLE, "2027-01-04")
        .send();
    progress(caseId, "ASSISTANCE_REQUESTED")
        .unit(QILIN_XFJ)
        .on("2026-11-03")
        .asks("530302:zjj", "2026-11-20")
        .send();
    progress(caseId, "ASSISTANCE_REQUESTED")
        .unit(QILIN_XFJ)
        .on("2026-11-03")
        .asks("530302:rsj", "2026-11-13")
        .send();
    progress(caseId, "ASSISTANCE_GIVEN")
        .unit(QILIN_XFJ)
        .on("2026-11-16")
        .hears("530302:rsj", "2026-11-13")
        .send();
    String county = TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                clocksOf(county, caseId)
                    .body("$", hasSize(3))
                    .body(
                        "find { it.step == 'ASSIST' && it.unitCode == '530302:rsj' }.status",
                        equalTo("LATE"))
                    .body(
                        "find { it.step == 'ASSIST' && it.unitCode == '530302:zjj' }.status",
                        equalTo("OPEN"))
                    .body(
                        "find { it.step == 'ASSIST' && it.unitCode == '530302:zjj' }.dueOn",
                        equalTo("2026-11-20")));
    UUID id = UUID.fromString(caseId);
    var grounds =
        QuarkusTransaction.requiringNew()
            .call(() -> backlog.grounds(supervisedCases.findById(id), clocks.list("caseId", id)));
    assertEquals(Set.of(), grounds, "an assisting unit's lateness is not the lead's");
  }

  @Test
  void onlyTheEventsItAppliesAreRecordedAsProcessed() {
    String caseId = UUID.randomUUID().toString();
    String registered = UUID.randomUUID().toString();
    // a type supervision does not take, on the same key: read in the same or an earlier poll
    new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers())
        .send(
            Topics.CASE_EVENTS,
            caseId,
            KafkaProbe.cloudEventHeaders(
                registered, "cn.gov.petition.case.registered", "530302-20260930-00001"),
            "{}");
    String forwarded = UUID.randomUUID().toString();
    progress(caseId, "FORWARDED")
        .unit(QILIN_XFJ)
        .on("2026-09-30")
        .opens(ACCEPT, "2026-10-15")
        .send(forwarded);

    await().atMost(Duration.ofSeconds(20)).until(() -> processed(forwarded) == 1);
    // committed with the poll that read the registration, or one after it
    assertEquals(0, processed(registered), "an event of a type not applied is not kept");
  }

  /** How many times supervision has recorded the event as applied (0 or 1). */
  private long processed(String eventId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "SELECT count(*) FROM processed_event WHERE consumer = 'supervision'"
                                    + " AND event_id = :id")
                            .setParameter("id", eventId)
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void aStepOutsideThisNodesRegionIsLeftToThatNodesSupervision() {
    // this node serves 53; a step owed in 贵州 (52) is another node's to supervise
    String caseId = UUID.randomUUID().toString();
    progress(caseId, "FORWARDED")
        .unit("520102:xfj")
        .opens(ACCEPT, "2026-10-15")
        .unit(QILIN_XFJ)
        .opens(OBJECT, "2026-10-14")
        .send();
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
        clocks.list("caseId", UUID.fromString(caseId)).stream().map(c -> c.step.name()).toList(),
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
