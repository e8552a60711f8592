package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.petition.common.events.CaseProgressed;
import cn.gov.petition.common.events.CaseRegistered;
import cn.gov.petition.common.events.Step;
import cn.gov.petition.common.events.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.infra.PetitionTestInfrastructure;
import cn.gov.petition.infra.TestClock;
import cn.gov.petition.infra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A done step whose verdict a new calendar version changes is counted again (ADR 23): accepted on
 * 2027-01-04 against a provisional 2027-01-01, late; once 2027's notice makes 01-01 a holiday and
 * the period end on 01-04, on time. 楚雄州 (5323) is this test's own region.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class CalendarCorrectionTest {

  private static final String COUNTY = "532301";
  private static final String UNIT = COUNTY + ":zjj";
  private static final String OFFICE =
      TestTokens.token("chuxiong-office", "5323:xfj", "5323", "joint-office");

  @Inject TestClock clock;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aCorrectedVerdictMovesTheStepFromLateToOnTimeInTheRates() {
    clock.setToday(LocalDate.parse("2027-02-10"));
    String id = UUID.randomUUID().toString();
    String number = COUNTY + "-20261217-00001";
    LocalDate received = LocalDate.parse("2026-12-17");
    LocalDate provisional = LocalDate.parse("2027-01-01");
    LocalDate accepted = LocalDate.parse("2027-01-04");
    kafka.sendAll(
        Topics.CASE_EVENTS,
        List.of(
            Events.of(
                id,
                number,
                new CaseRegistered(
                    id,
                    number,
                    "LETTER",
                    "APPEAL",
                    COUNTY,
                    "0201",
                    COUNTY + ":xfj",
                    received,
                    received.atStartOfDay().toInstant(ZoneOffset.UTC),
                    1,
                    "SEEK_SOLUTION",
                    "DIRECT",
                    false,
                    null)),
            Events.of(
                id,
                number,
                progressed(
                    id,
                    number,
                    "FORWARDED",
                    received,
                    List.of(),
                    List.of(
                        new CaseProgressed.OpenedStep(
                            Step.ACCEPT, UNIT, COUNTY, received, provisional, 1, true, null)),
                    List.of())),
            Events.of(
                id,
                number,
                progressed(
                    id,
                    number,
                    "ACCEPTED",
                    accepted,
                    List.of(
                        new CaseProgressed.ClosedStep(Step.ACCEPT, provisional, accepted, false)),
                    List.of(),
                    List.of()))));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> timelyAcceptance().body("numerator", equalTo(0)).body("denominator", equalTo(1)));

    kafka.sendAll(
        Topics.CASE_EVENTS,
        List.of(
            Events.of(
                id,
                number,
                progressed(
                    id,
                    number,
                    "DEADLINES_RECOMPUTED",
                    LocalDate.parse("2027-01-05"),
                    List.of(),
                    List.of(),
                    List.of(
                        new CaseProgressed.ClosedStep(
                            Step.ACCEPT, accepted, accepted, true, provisional))))));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> timelyAcceptance().body("numerator", equalTo(1)).body("denominator", equalTo(1)));
  }

  private static ValidatableResponse timelyAcceptance() {
    return given()
        .auth()
        .oauth2(OFFICE)
        .queryParam("region", COUNTY)
        .queryParam("from", "2027-01-01")
        .queryParam("to", "2027-01-31")
        .when()
        .get("/statistics/rates")
        .then()
        .statusCode(200)
        .rootPath("rates.find { it.rate == 'TIMELY_ACCEPTANCE' }");
  }

  private static CaseProgressed progressed(
      String id,
      String number,
      String transition,
      LocalDate on,
      List<CaseProgressed.ClosedStep> closed,
      List<CaseProgressed.OpenedStep> opened,
      List<CaseProgressed.ClosedStep> corrected) {
    return new CaseProgressed(
        id,
        number,
        transition,
        "ACCEPTED",
        "APPEAL",
        "LETTER",
        "0201",
        COUNTY,
        UNIT,
        COUNTY,
        "FORWARD",
        transition.equals("DEADLINES_RECOMPUTED") ? "CALENDAR_V2" : null,
        on,
        on.atStartOfDay().toInstant(ZoneOffset.UTC),
        closed,
        opened,
        false,
        corrected);
  }
}
