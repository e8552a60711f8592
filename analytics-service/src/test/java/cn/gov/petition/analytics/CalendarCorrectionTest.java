package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
 * The v2 rate rules on the events intake sends. A done step whose verdict a new calendar version
 * changes is counted again (ADR 23): accepted on 2027-01-04 against a provisional 2027-01-01, late;
 * once 2027's notice makes 01-01 a holiday and the period end on 01-04, on time. 楚雄州 (5323) is this
 * test's own region.
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
            registered(id, number, COUNTY, received),
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

  @Test
  void anAcceptancePeriodWithdrawnByAnUpheldObjectionCountsForNobody() {
    // 禄丰市 (532302): the 住建局 objects in time and the objection is upheld; the 人社局 takes the
    // matter and accepts it late. Only the 人社局's period counts (timely-acceptance/v2).
    clock.setToday(LocalDate.parse("2026-12-20"));
    String county = "532302";
    String id = UUID.randomUUID().toString();
    String number = county + "-20261102-00001";
    LocalDate received = LocalDate.parse("2026-11-02");
    LocalDate firstDue = LocalDate.parse("2026-11-17");
    LocalDate upheldOn = LocalDate.parse("2026-11-05");
    LocalDate secondDue = LocalDate.parse("2026-11-20");
    kafka.sendAll(
        Topics.CASE_EVENTS,
        List.of(
            registered(id, number, county, received),
            Events.of(
                id,
                number,
                progressed(
                    id,
                    number,
                    county,
                    county + ":zjj",
                    "FORWARDED",
                    received,
                    List.of(),
                    List.of(
                        new CaseProgressed.OpenedStep(
                            Step.ACCEPT, county + ":zjj", county, received, firstDue)),
                    List.of())),
            Events.of(
                id,
                number,
                progressed(
                    id,
                    number,
                    county,
                    county + ":rsj",
                    "OBJECTION_UPHELD",
                    upheldOn,
                    List.of(
                        new CaseProgressed.ClosedStep(
                            Step.ACCEPT, firstDue, upheldOn, false, null, true)),
                    List.of(
                        new CaseProgressed.OpenedStep(
                            Step.ACCEPT, county + ":rsj", county, upheldOn, secondDue)),
                    List.of())),
            Events.of(
                id,
                number,
                progressed(
                    id,
                    number,
                    county,
                    county + ":rsj",
                    "ACCEPTED",
                    LocalDate.parse("2026-11-23"),
                    List.of(
                        new CaseProgressed.ClosedStep(
                            Step.ACCEPT, secondDue, LocalDate.parse("2026-11-23"), false)),
                    List.of(),
                    List.of()))));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                rate(county, "2026-11-01", "2026-11-30", "TIMELY_ACCEPTANCE")
                    .body("numerator", equalTo(0))
                    .body("denominator", equalTo(1))
                    .body("buckets.LATE", equalTo(1))
                    .body("formulaVersion", equalTo("timely-acceptance/v2")));
    given()
        .auth()
        .oauth2(OFFICE)
        .queryParam("bucket", "LATE")
        .queryParam("region", county)
        .queryParam("from", "2026-11-01")
        .queryParam("to", "2026-11-30")
        .when()
        .get("/statistics/rates/TIMELY_ACCEPTANCE/cases")
        .then()
        .statusCode(200)
        .body("cases.size()", equalTo(1))
        .body("cases[0].unit", equalTo(county + ":rsj"));
  }

  /** The registration of a letter about the county, received on a day. */
  private static KafkaProbe.Outgoing registered(
      String id, String number, String county, LocalDate received) {
    return Events.of(
        id,
        number,
        new CaseRegistered(
            id,
            number,
            "LETTER",
            "APPEAL",
            county,
            "0201",
            county + ":xfj",
            received,
            received.atStartOfDay().toInstant(ZoneOffset.UTC),
            1,
            "SEEK_SOLUTION",
            "DIRECT",
            false,
            null));
  }

  private static ValidatableResponse timelyAcceptance() {
    return rate(COUNTY, "2027-01-01", "2027-01-31", "TIMELY_ACCEPTANCE");
  }

  private static ValidatableResponse rate(String region, String from, String to, String rate) {
    return given()
        .auth()
        .oauth2(OFFICE)
        .queryParam("region", region)
        .queryParam("from", from)
        .queryParam("to", to)
        .when()
        .get("/statistics/rates")
        .then()
        .statusCode(200)
        .rootPath("rates.find { it.rate == '" + rate + "' }");
  }

  private static CaseProgressed progressed(
      String id,
      String number,
      String transition,
      LocalDate on,
      List<CaseProgressed.ClosedStep> closed,
      List<CaseProgressed.OpenedStep> opened,
      List<CaseProgressed.ClosedStep> corrected) {
    return progressed(id, number, COUNTY, UNIT, transition, on, closed, opened, corrected);
  }

  private static CaseProgressed progressed(
      String id,
      String number,
      String county,
      String unit,
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
        county,
        unit,
        county,
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
