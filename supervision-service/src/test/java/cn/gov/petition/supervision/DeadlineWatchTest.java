package cn.gov.petition.supervision;

import static cn.gov.petition.contracts.Step.ACCEPT;
import static cn.gov.petition.contracts.Step.EVALUATE;
import static cn.gov.petition.contracts.Step.HANDLE;
import static cn.gov.petition.contracts.Step.OBJECT;
import static cn.gov.petition.supervision.CaseEvents.progress;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Warnings, overdue marks and their clearing, driven by moving the clock (no sleeping): what a
 * county supervisor expects to see on the day each mark falls.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class DeadlineWatchTest {

  @Inject TestClock clock;
  @Inject DeadlineWatch watch;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());
  private final String county =
      TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** The alerts published for the case so far, in order, as "ALERT daysLeft on". */
  private List<String> alerts(String caseId, int expected) {
    return published(caseId, expected).stream()
        .map(v -> field(v, "alert") + " " + number(v, "daysLeft") + " " + field(v, "on"))
        .toList();
  }

  /** The same, as "ALERT daysLeft on STEP". */
  private List<String> withStep(String caseId, int expected) {
    return published(caseId, expected).stream()
        .map(
            v ->
                field(v, "alert")
                    + " "
                    + number(v, "daysLeft")
                    + " "
                    + field(v, "on")
                    + " "
                    + field(v, "step"))
        .toList();
  }

  private List<String> published(String caseId, int expected) {
    return kafka
        .await(
            Topics.SUPERVISION_EVENTS,
            seen -> caseId.equals(seen.key()),
            expected,
            Duration.ofSeconds(expected == 0 ? 2 : 15))
        .stream()
        .map(
            seen -> {
              assertEquals("cn.gov.petition.supervision.deadline-alerted", seen.header("ce_type"));
              return seen.value();
            })
        .toList();
  }

  private static String field(String json, String name) {
    int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }

  private static String number(String json, String name) {
    int start = json.indexOf("\"" + name + "\":") + name.length() + 3;
    int end = start;
    while (end < json.length()
        && (json.charAt(end) == '-' || Character.isDigit(json.charAt(end)))) {
      end++;
    }
    return json.substring(start, end);
  }

  private void sweepOn(String day) {
    clock.setToday(LocalDate.parse(day));
    watch.sweep();
  }

  @Test
  void aUnitIsWarnedThreeDaysAndOneDayBeforeMarkedOverdueAndClearedWhenItIsDoneLate() {
    String caseId = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-12-01"));
    // the unit must accept by 12-09; the petitioner's evaluation window is no duty of the unit
    progress(caseId, "FORWARDED").opens(ACCEPT, "2026-12-09").opens(EVALUATE, "2026-12-05").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> clocksOf(caseId).body("$", hasSize(2)));

    sweepOn("2026-12-05");
    assertEquals(List.of(), alerts(caseId, 0), "four days before: nothing yet");
    sweepOn("2026-12-06");
    sweepOn("2026-12-06"); // the watch running twice on a day warns once
    assertEquals(List.of("WARNING 3 2026-12-06"), alerts(caseId, 1));
    clocksOf(caseId).body("find { it.step == 'ACCEPT' }.stage", equalTo("WARNED"));
    sweepOn("2026-12-08");
    sweepOn("2026-12-09");
    assertEquals(List.of("WARNING 3 2026-12-06", "WARNING 1 2026-12-08"), alerts(caseId, 2));
    sweepOn("2026-12-10");
    sweepOn("2026-12-11");
    List<String> overdue = alerts(caseId, 3);
    assertEquals(
        "OVERDUE -1 2026-12-10", overdue.get(2), "overdue the first day after the due date");
    clocksOf(caseId)
        .body("find { it.step == 'ACCEPT' }.stage", equalTo("OVERDUE"))
        .body("find { it.step == 'ACCEPT' }.status", equalTo("OPEN"))
        .body("find { it.step == 'EVALUATE' }.stage", equalTo("RUNNING"));

    progress(caseId, "ACCEPTED").on("2026-12-11").closes(ACCEPT, "2026-12-09").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> clocksOf(caseId).body("find { it.step == 'ACCEPT' }.status", equalTo("LATE")));
    List<String> all = alerts(caseId, 4);
    assertEquals(
        List.of(
            "WARNING 3 2026-12-06",
            "WARNING 1 2026-12-08",
            "OVERDUE -1 2026-12-10",
            "CLEARED -2 2026-12-11"),
        all,
        "every mark once, the late completion clearing the overdue mark");
    assertFalse(
        kafka
            .await(Topics.SUPERVISION_EVENTS, s -> caseId.equals(s.key()), 5, Duration.ofSeconds(1))
            .stream()
            .anyMatch(s -> s.value().contains("\"EVALUATE\"")),
        "a petitioner's window is no unit's deadline");
  }

  @Test
  void aWatchThatDidNotRunForDaysGivesOnlyTheMarkThatHolds() {
    String caseId = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-12-01"));
    progress(caseId, "FORWARDED").opens(ACCEPT, "2026-12-09").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> clocksOf(caseId).body("$", hasSize(1)));
    sweepOn("2026-12-08");
    assertEquals(List.of("WARNING 1 2026-12-08"), alerts(caseId, 1), "not the 3-day warning late");
  }

  @Test
  void anExtensionMovesTheMarksToTheNewDueDate() {
    String caseId = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-12-01"));
    progress(caseId, "ACCEPTED").opens(HANDLE, "2026-12-09").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> clocksOf(caseId).body("$", hasSize(1)));
    sweepOn("2026-12-06");
    progress(caseId, "EXTENDED").on("2026-12-06").opens(HANDLE, "2027-01-08").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                clocksOf(caseId)
                    .body("[0].dueOn", equalTo("2027-01-08"))
                    .body("[0].stage", equalTo("RUNNING")));
    sweepOn("2026-12-10");
    assertEquals(List.of("WARNING 3 2026-12-06"), alerts(caseId, 2), "not overdue after 12-09");
    sweepOn("2027-01-05");
    assertEquals(List.of("WARNING 3 2026-12-06", "WARNING 3 2027-01-05"), alerts(caseId, 2));
  }

  /**
   * 国庆 2026 (10-01 to 10-07, 10-10 a make-up workday) inside the periods of a case routed on 09-29:
   * intake counts the objection window's 5 working days to 10-12 and the 15-day acceptance period
   * to 10-14 (intake's HandlingTest checks those dates). Supervision keeps those dates: no lateness
   * on the sixth calendar day, the marks counted back from the holiday-aware due date.
   */
  @Test
  void aHolidayInsideThePeriodIsNoDayOfLateness() {
    String caseId = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-09-29"));
    progress(caseId, "FORWARDED")
        .on("2026-09-29")
        .opens(ACCEPT, "2026-10-14")
        .opens(OBJECT, "2026-10-12")
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> clocksOf(caseId).body("$", hasSize(2)));

    sweepOn("2026-10-05"); // five calendar days have passed, one working day
    sweepOn("2026-10-08");
    assertEquals(List.of(), alerts(caseId, 0), "nothing during the holiday");
    sweepOn("2026-10-09");
    sweepOn("2026-10-11");
    assertEquals(
        List.of(
            "WARNING 3 2026-10-09 OBJECT",
            "WARNING 3 2026-10-11 ACCEPT",
            "WARNING 1 2026-10-11 OBJECT"),
        withStep(caseId, 3));

    progress(caseId, "OBJECTED").on("2026-10-12").closes(OBJECT, "2026-10-12").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> clocksOf(caseId).body("find { it.step == 'OBJECT' }.status", equalTo("ON_TIME")));
    sweepOn("2026-10-13");
    assertEquals(
        "WARNING 1 2026-10-13 ACCEPT",
        withStep(caseId, 4).get(3),
        "the acceptance period's 1-day warning");
    sweepOn("2026-10-14");
    assertEquals(
        4,
        kafka
            .await(Topics.SUPERVISION_EVENTS, a -> caseId.equals(a.key()), 5, Duration.ofSeconds(2))
            .size(),
        "on its due date the acceptance is not overdue");
  }

  private io.restassured.response.ValidatableResponse clocksOf(String caseId) {
    return given()
        .auth()
        .oauth2(county)
        .queryParam("caseId", caseId)
        .when()
        .get("/clocks")
        .then()
        .statusCode(200);
  }
}
