package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.CaseRegistered;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 更正问题属地 (issue 31, item 6) in 丽江市 (5307, this test's own): a case registered in 古城区 whose place is
 * corrected to 玉龙县 is counted there from then on — its registration and the repeat received on it,
 * in the volumes by region and in the daily volume — and the city's total stays the same.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class MatterPlaceCorrectionTest {

  private static final String PREFECTURE =
      TestTokens.token("lijiang-office", "5307:xfj", "5307", "joint-office");

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Test
  void aCorrectedPlaceMovesTheCasesCountsAndKeepsTheTotal() {
    String id = UUID.randomUUID().toString();
    LocalDate day = LocalDate.parse("2026-11-05");
    kafka.sendAll(
        Topics.CASE_EVENTS,
        List.of(
            Events.of(id, "n", registered(id, "VISIT", "530702001", day, 3)),
            Events.of(id, "n", progressed(id, "REPEAT_RECEIVED", "530702001", "2026-11-10")),
            // an unrelated case of 古城区 that stays
            Events.of(
                "other-" + id,
                "n",
                registered(UUID.randomUUID().toString(), "LETTER", "530702002", day, 1))));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                byRegion()
                    .statusCode(200)
                    .body("total.count", equalTo(3))
                    .body("rows.key", equalTo(List.of("530702")))
                    .body("rows[0].figures.count", equalTo(3)));
    volume("530702").body("cases", equalTo(2)).body("persons", equalTo(4));

    kafka.sendAll(
        Topics.CASE_EVENTS,
        List.of(
            Events.of(
                id, "n", progressed(id, "MATTER_PLACE_CORRECTED", "530721001", "2026-11-20"))));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                byRegion()
                    .statusCode(200)
                    .body("rows.key", equalTo(List.of("530702", "530721")))
                    .body("rows[0].figures.count", equalTo(1))
                    .body("rows[1].figures.count", equalTo(2)));
    byRegion().body("total.count", equalTo(3)).body("total.persons", equalTo(4));
    volume("530702").body("cases", equalTo(1)).body("persons", equalTo(1));
    volume("530721").body("cases", equalTo(1)).body("persons", equalTo(3));
    volume("5307").body("cases", equalTo(2)).body("persons", equalTo(4));

    // delivered again: the inbox takes it once, and a move to where the case is moves nothing
    kafka.sendAll(
        Topics.CASE_EVENTS,
        List.of(
            Events.of(id, "n", progressed(id, "MATTER_PLACE_CORRECTED", "530721001", "2026-11-21")),
            Events.of(id, "n", progressed(id, "REPEAT_RECEIVED", "530721001", "2026-11-22"))));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> byRegion().body("rows[1].figures.count", equalTo(3)));
    byRegion().body("rows[0].figures.count", equalTo(1)).body("total.count", equalTo(4));
  }

  private static CaseRegistered registered(
      String id, String channel, String region, LocalDate day, int persons) {
    return new CaseRegistered(
        id,
        "n-" + id.substring(0, 8),
        channel,
        "APPEAL",
        region,
        "0201",
        "530702:xfj",
        day,
        day.atStartOfDay().toInstant(ZoneOffset.UTC),
        persons,
        "SEEK_SOLUTION",
        "DIRECT",
        false,
        null);
  }

  private static CaseProgressed progressed(
      String id, String transition, String region, String day) {
    LocalDate on = LocalDate.parse(day);
    return new CaseProgressed(
        id,
        "n-" + id.substring(0, 8),
        transition,
        "FORWARDED",
        "APPEAL",
        "VISIT",
        "0201",
        region,
        "530702:rsj",
        "530702",
        "FORWARD",
        null,
        on,
        on.atStartOfDay().toInstant(ZoneOffset.UTC),
        List.of(),
        List.of());
  }

  private static ValidatableResponse byRegion() {
    return given()
        .auth()
        .oauth2(PREFECTURE)
        .queryParam("region", "5307")
        .queryParam("from", "2026-11-01")
        .queryParam("to", "2026-11-30")
        .queryParam("dimension", "REGION")
        .when()
        .get("/statistics/volume/by")
        .then();
  }

  private static ValidatableResponse volume(String region) {
    return given()
        .auth()
        .oauth2(PREFECTURE)
        .queryParam("region", region)
        .queryParam("from", "2026-11-01")
        .queryParam("to", "2026-11-30")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(200);
  }
}
