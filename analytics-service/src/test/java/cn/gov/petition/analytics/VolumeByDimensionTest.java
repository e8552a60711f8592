package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.CaseRegistered;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 分类统计 with 环比 and 同比, in 文山州 (5326, this test's own): November 2026 against the 30 days before it
 * and November 2025.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class VolumeByDimensionTest {

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());
  private final List<KafkaProbe.Outgoing> events = new ArrayList<>();

  /** A registration; returns the case id. */
  private String registered(String region, String channel, String day, int persons, boolean repeat)
      throws Exception {
    return registered(region, channel, day, persons, repeat, "532601:xfj");
  }

  /** A registration at the given office; five or more persons is a collective petition. */
  private String registered(
      String region, String channel, String day, int persons, boolean repeat, String office)
      throws Exception {
    return registered(region, channel, day, persons, repeat, office, "DIRECT");
  }

  private String registered(
      String region,
      String channel,
      String day,
      int persons,
      boolean repeat,
      String office,
      String origin)
      throws Exception {
    String id = UUID.randomUUID().toString();
    LocalDate on = LocalDate.parse(day);
    events.add(
        Events.of(
            id,
            "n",
            new CaseRegistered(
                id,
                "n-" + id.substring(0, 8),
                channel,
                "APPEAL",
                region,
                "0201",
                office,
                on,
                on.atStartOfDay().toInstant(ZoneOffset.UTC),
                persons,
                "SEEK_SOLUTION",
                origin,
                persons >= 5,
                repeat ? UUID.randomUUID().toString() : null)));
    return id;
  }

  private void repeatReceived(String id, String region, String channel, String day)
      throws Exception {
    progressed(id, "REPEAT_RECEIVED", region, channel, day, List.of(), List.of());
  }

  /** 受理: the acceptance period started on {@code started} ends on {@code day}. */
  private void accepted(String id, String started, String day) throws Exception {
    LocalDate start = LocalDate.parse(started);
    progressed(
        id,
        "FORWARDED",
        "532601001",
        "LETTER",
        started,
        List.of(),
        List.of(
            new CaseProgressed.OpenedStep(
                Step.ACCEPT, "532601:rsj", "532601", start, start.plusDays(15))));
    progressed(
        id,
        "ACCEPTED",
        "532601001",
        "LETTER",
        day,
        List.of(
            new CaseProgressed.ClosedStep(
                Step.ACCEPT, start.plusDays(15), LocalDate.parse(day), true)),
        List.of());
  }

  /** Routing found the visit registered more than one level above the authority (越级). */
  private void escalatedForwarding(String id, String region, String day) throws Exception {
    LocalDate on = LocalDate.parse(day);
    events.add(
        Events.of(
            id,
            "n",
            new CaseProgressed(
                id,
                "n-" + id.substring(0, 8),
                "FORWARDED",
                "FORWARDED",
                "APPEAL",
                "VISIT",
                "0201",
                region,
                "532601:rsj",
                "532601",
                "FORWARD",
                null,
                on,
                on.atStartOfDay().toInstant(ZoneOffset.UTC),
                List.of(),
                List.of(),
                true)));
  }

  private void progressed(
      String id,
      String transition,
      String region,
      String channel,
      String day,
      List<CaseProgressed.ClosedStep> closed,
      List<CaseProgressed.OpenedStep> opened)
      throws Exception {
    LocalDate on = LocalDate.parse(day);
    events.add(
        Events.of(
            id,
            "n",
            new CaseProgressed(
                id,
                "n-" + id.substring(0, 8),
                transition,
                "ACCEPTED",
                "APPEAL",
                channel,
                "0201",
                region,
                "532601:rsj",
                "532601",
                "FORWARD",
                null,
                on,
                on.atStartOfDay().toInstant(ZoneOffset.UTC),
                closed,
                opened)));
  }

  private static ValidatableResponse by(String token, String region, String dimension) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("region", region)
        .queryParam("from", "2026-11-01")
        .queryParam("to", "2026-11-30")
        .queryParam("dimension", dimension)
        .when()
        .get("/statistics/volume/by")
        .then();
  }

  @Test
  void petitionsAreCountedByChannelAndRegionAgainstThePeriodBeforeAndTheYearBefore()
      throws Exception {
    String wenshan = "532601001";
    String letter = registered(wenshan, "LETTER", "2026-11-03", 1, false);
    registered(wenshan, "LETTER", "2026-11-10", 2, true);
    registered("532622", "LETTER", "2026-11-30", 1, false);
    registered(wenshan, "VISIT", "2026-11-01", 5, false);
    String atProvince = registered(wenshan, "VISIT", "2026-11-15", 1, false, "53:xfj");
    escalatedForwarding(atProvince, wenshan, "2026-11-15"); // 越级: routed down to the county
    // 进京访 (in December): the national bureau registered a visit of two and sent it down
    registered(wenshan, "VISIT", "2026-12-16", 2, false, "53:xfj", "NATIONAL_TRANSFER");
    repeatReceived(letter, wenshan, "LETTER", "2026-11-20");
    accepted(letter, "2026-11-03", "2026-11-08");
    accepted(registered(wenshan, "LETTER", "2026-10-31", 1, false), "2026-11-10", "2026-11-12");
    registered(wenshan, "LETTER", "2026-10-02", 1, false); // the period before: 10-02 to 10-31
    registered(wenshan, "LETTER", "2026-10-01", 1, false); // in neither period
    registered(wenshan, "VISIT", "2025-11-30", 3, false); // a year earlier
    kafka.sendAll(Topics.CASE_EVENTS, events);

    String prefecture = TestTokens.token("wenshan-office", "5326:xfj", "5326", "joint-office");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                by(prefecture, "5326", "CHANNEL")
                    .statusCode(200)
                    .body("total.count", equalTo(6))
                    .body("total.previous", equalTo(2))
                    .body("total.lastYear", equalTo(1)));
    by(prefecture, "5326", "CHANNEL")
        .body("periods.previousFrom", equalTo("2026-10-02"))
        .body("periods.lastYearTo", equalTo("2025-11-30"))
        .body("total.persons", equalTo(10))
        .body("rows.key", equalTo(List.of("LETTER", "VISIT")))
        .body("rows[0].figures.count", equalTo(4))
        .body("rows[0].figures.periodOnPeriod", equalTo(1.0f))
        .body("rows[0].figures.yearOnYear", nullValue())
        .body("rows[1].figures.count", equalTo(2))
        .body("rows[1].figures.lastYear", equalTo(1))
        .body("rows[1].figures.yearOnYear", equalTo(1.0f))
        .body("total.periodOnPeriod", equalTo(2.0f));
    by(prefecture, "5326", "REGION")
        .statusCode(200)
        .body("rows.key", equalTo(List.of("532601", "532622")))
        .body("rows[0].name", equalTo("文山市"))
        .body("rows[0].figures.count", equalTo(5))
        .body("rows[1].figures.count", equalTo(1));
    by(prefecture, "5326", "CATEGORY").body("rows[0].name", equalTo("拖欠劳动报酬"));

    given()
        .auth()
        .oauth2(prefecture)
        .queryParam("region", "5326")
        .queryParam("from", "2026-11-01")
        .queryParam("to", "2026-11-30")
        .when()
        .get("/statistics/indicators")
        .then()
        .statusCode(200)
        .body("figures.petitions", equalTo(6))
        .body("figures.firstPetitions", equalTo(4))
        .body("figures.firstShare", equalTo(0.6667f))
        .body("figures.collectiveVisits.batches", equalTo(1))
        .body("figures.collectiveVisits.persons", equalTo(5))
        .body("figures.visitsToProvince.batches", equalTo(1))
        .body("figures.visitsToProvince.persons", equalTo(1))
        .body("figures.escalatedVisits.batches", equalTo(1))
        .body("figures.escalatedVisits.persons", equalTo(1))
        .body("figures.acceptance.steps", equalTo(2))
        .body("figures.acceptance.days", equalTo(3.5f))
        .body("figures.reply.steps", equalTo(0));

    // the visit to Beijing is no visit to the province
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(prefecture)
                    .queryParam("region", "5326")
                    .queryParam("period", "2026-12")
                    .when()
                    .get("/statistics/indicators")
                    .then()
                    .statusCode(200)
                    .body("figures.visitsToBeijing.batches", equalTo(1))
                    .body("figures.visitsToBeijing.persons", equalTo(2))
                    .body("figures.visitsToProvince.batches", equalTo(0)));

    // 单位收件: the two cases given to 文山市人社局 in November; none to the prefecture's own units
    given()
        .auth()
        .oauth2(prefecture)
        .queryParam("region", "532601")
        .queryParam("period", "2026-11")
        .when()
        .get("/statistics/volume/by-unit")
        .then()
        .statusCode(200)
        .body("rows.key", equalTo(List.of("532601:rsj")))
        .body("rows[0].name", equalTo("文山市人力资源和社会保障局"))
        .body("rows[0].figures.count", equalTo(2))
        .body("rows[0].figures.previous", equalTo(0));
    given()
        .auth()
        .oauth2(prefecture)
        .queryParam("region", "5326")
        .queryParam("period", "2026-11")
        .when()
        .get("/statistics/volume/by-unit")
        .then()
        .statusCode(200)
        .body("rows", equalTo(List.of()));

    String county = TestTokens.token("wenshan-supervisor", "532601:xfj", "532601", "supervisor");
    by(county, "5326", "CHANNEL").statusCode(403);
    by(county, "532601", "MOOD").statusCode(400).body("errors[0].field", equalTo("dimension"));
  }
}
