package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cases behind a rate never tell an accused unit of an accusation about it (issue 24, Art
 * 30(3)): 大理市's 住建局, accused in a petition its discipline body accepted late, sees that late
 * acceptance counted but not which case it was; the 信访 office and the discipline body see the case.
 * 大理州 (5329) is this test's own region.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class AccusationDrilldownTest {

  private static final String COUNTY = "532901";
  private static final String ACCUSED = COUNTY + ":zjj";
  private static final String DISCIPLINE = COUNTY + ":jw";

  @Inject TestClock clock;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void anAccusationsLateAcceptanceIsCountedButItsCaseIsWithheldFromTheAccusedUnit() {
    clock.setToday(LocalDate.parse("2026-12-01"));
    String accusation = UUID.randomUUID().toString();
    String appeal = UUID.randomUUID().toString();
    List<KafkaProbe.Outgoing> events = new ArrayList<>();
    events.addAll(lateAcceptance(accusation, COUNTY + "-20261102-00001", "ACCUSATION", DISCIPLINE));
    events.addAll(lateAcceptance(appeal, COUNTY + "-20261102-00002", "APPEAL", ACCUSED));
    kafka.sendAll(Topics.CASE_EVENTS, events);

    String office = TestTokens.token("dali-office", "5329:xfj", "5329", "joint-office");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                lateAcceptances(office)
                    .body(
                        "cases.caseNumber",
                        containsInAnyOrder(COUNTY + "-20261102-00001", COUNTY + "-20261102-00002"))
                    .body("cases.withheld", containsInAnyOrder(false, false)));

    String accusedLeader = TestTokens.token("dali-zjj-leader", ACCUSED, COUNTY, "leader");
    lateAcceptances(accusedLeader)
        .body("cases.size()", equalTo(2))
        .body("cases.caseId", not(hasItem(accusation)))
        .body("cases.caseNumber", not(hasItem(COUNTY + "-20261102-00001")))
        .body("cases.find { it.withheld }.unit", equalTo(DISCIPLINE))
        .body("cases.find { it.withheld }.caseNumber", equalTo(null))
        .body("cases.find { !it.withheld }.caseId", equalTo(appeal));

    String disciplineLeader = TestTokens.token("dali-jw-leader", DISCIPLINE, COUNTY, "leader");
    lateAcceptances(disciplineLeader)
        .body("cases.find { it.caseId == '" + accusation + "' }.withheld", equalTo(false));
  }

  private static ValidatableResponse lateAcceptances(String token) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("bucket", "LATE")
        .queryParam("region", COUNTY)
        .queryParam("from", "2026-11-01")
        .queryParam("to", "2026-11-30")
        .when()
        .get("/statistics/rates/TIMELY_ACCEPTANCE/cases")
        .then()
        .statusCode(200);
  }

  /** A petition received on 2026-11-02 whose acceptance, due 11-17, was done on 11-20. */
  private static List<KafkaProbe.Outgoing> lateAcceptance(
      String id, String number, String petitionClass, String unit) {
    LocalDate received = LocalDate.parse("2026-11-02");
    LocalDate due = LocalDate.parse("2026-11-17");
    LocalDate accepted = LocalDate.parse("2026-11-20");
    return List.of(
        Events.of(
            id,
            number,
            new CaseRegistered(
                id,
                number,
                "LETTER",
                petitionClass,
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
                petitionClass,
                unit,
                "FORWARDED",
                received,
                List.of(),
                List.of(new CaseProgressed.OpenedStep(Step.ACCEPT, unit, COUNTY, received, due)))),
        Events.of(
            id,
            number,
            progressed(
                id,
                number,
                petitionClass,
                unit,
                "ACCEPTED",
                accepted,
                List.of(new CaseProgressed.ClosedStep(Step.ACCEPT, due, accepted, false)),
                List.of())));
  }

  private static CaseProgressed progressed(
      String id,
      String number,
      String petitionClass,
      String unit,
      String transition,
      LocalDate on,
      List<CaseProgressed.ClosedStep> closed,
      List<CaseProgressed.OpenedStep> opened) {
    return new CaseProgressed(
        id,
        number,
        transition,
        "ACCEPTED",
        petitionClass,
        "LETTER",
        "0201",
        COUNTY,
        unit,
        COUNTY,
        "FORWARD",
        null,
        on,
        on.atStartOfDay().toInstant(ZoneOffset.UTC),
        closed,
        opened,
        false,
        List.of());
  }
}
