package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.CaseRegistered;
import cn.gov.petition.contracts.StatisticsSnapshot;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Statistics exchanged between levels, in 怒江州 (5333, this test's own): this node (云南省, 53)
 * publishes each day's figures when they change, and they are its own figures; the snapshots of a
 * node below are summed into that node's figures for a period.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class SnapshotTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-12-05");
  private static final LocalDate DAY = LocalDate.parse("2026-12-02");
  private static final String PROVINCE =
      TestTokens.token("yunnan-office", "53:xfj", "53", "joint-office");

  @Inject TestClock clock;
  @Inject SnapshotPublisher publisher;
  @Inject ObjectMapper json;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private static KafkaProbe.Outgoing registered(String region, LocalDate day, int persons) {
    String id = UUID.randomUUID().toString();
    return Events.of(
        id,
        "n",
        new CaseRegistered(
            id,
            "5333-S-" + id.substring(0, 6),
            "LETTER",
            "APPEAL",
            region,
            "0201",
            region + ":xfj",
            day,
            day.atStartOfDay().toInstant(ZoneOffset.UTC),
            persons,
            "SEEK_SOLUTION",
            "DIRECT",
            false,
            null));
  }

  /** An acceptance period of {@code unit}, due on DAY, done on {@code done} or still open. */
  private static List<KafkaProbe.Outgoing> acceptance(String unit, LocalDate done) {
    String id = UUID.randomUUID().toString();
    String region = unit.substring(0, 6);
    List<KafkaProbe.Outgoing> events = new ArrayList<>();
    events.add(
        Events.of(
            id,
            "n",
            progressed(
                id,
                "FORWARDED",
                unit,
                DAY.minusDays(5),
                List.of(),
                List.of(
                    new CaseProgressed.OpenedStep(
                        Step.ACCEPT, unit, region, DAY.minusDays(5), DAY)))));
    if (done != null) {
      events.add(
          Events.of(
              id,
              "n",
              progressed(
                  id,
                  "ACCEPTED",
                  unit,
                  done,
                  List.of(
                      new CaseProgressed.ClosedStep(Step.ACCEPT, DAY, done, !done.isAfter(DAY))),
                  List.of())));
    }
    return events;
  }

  private static CaseProgressed progressed(
      String id,
      String transition,
      String unit,
      LocalDate on,
      List<CaseProgressed.ClosedStep> closed,
      List<CaseProgressed.OpenedStep> opened) {
    String region = unit.substring(0, 6);
    return new CaseProgressed(
        id,
        "5333-S-" + id.substring(0, 6),
        transition,
        "X",
        "APPEAL",
        "LETTER",
        "0201",
        region,
        unit,
        region,
        "FORWARD",
        null,
        on,
        on.atStartOfDay().toInstant(ZoneOffset.UTC),
        closed,
        opened);
  }

  private static JsonPath rates(String region, LocalDate day) {
    return given()
        .auth()
        .oauth2(PROVINCE)
        .queryParam("region", region)
        .queryParam("period", day.toString())
        .when()
        .get("/statistics/rates")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void eachDayIsPublishedWhenItChangesWithTheNodesOwnFigures() throws Exception {
    clock.setToday(TODAY);
    List<KafkaProbe.Outgoing> events = new ArrayList<>();
    events.add(registered("533301", DAY, 2));
    events.add(registered("533323", DAY, 1));
    events.addAll(acceptance("533301:rsj", DAY.minusDays(1)));
    events.addAll(acceptance("533301:rsj", DAY.plusDays(1)));
    events.addAll(acceptance("533323:zjj", null));
    kafka.sendAll(Topics.CASE_EVENTS, events);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                rates("5333", DAY)
                        .getInt("rates.find { it.rate == 'TIMELY_ACCEPTANCE' }.denominator")
                    == 3);

    List<LocalDate> published = publisher.publishChanged();
    assertTrue(published.contains(DAY), published.toString());
    StatisticsSnapshot snapshot = snapshotOf(DAY);
    assertEquals("53", snapshot.node());
    assertEquals(TODAY, snapshot.asOf());
    StatisticsSnapshot.RegionFigures nujiang =
        snapshot.regions().stream()
            .filter(r -> r.regionCode().equals("5333"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, nujiang.petitions());
    assertEquals(3, nujiang.persons());
    // the node's own answer for the same region and day, figure by figure
    JsonPath own = rates("5333", DAY);
    for (StatisticsSnapshot.RateFigure rate : nujiang.rates()) {
      String at = "rates.find { it.rate == '" + rate.rate() + "' }";
      assertEquals(own.getLong(at + ".numerator"), rate.numerator(), rate.rate());
      assertEquals(own.getLong(at + ".denominator"), rate.denominator(), rate.rate());
      assertEquals(own.getString(at + ".formulaVersion"), rate.formulaVersion(), rate.rate());
    }
    assertEquals(
        Map.of("ON_TIME", 1L, "LATE", 1L, "OVERDUE_OPEN", 1L),
        nujiang.rates().stream()
            .filter(r -> r.rate().equals("TIMELY_ACCEPTANCE"))
            .findFirst()
            .orElseThrow()
            .buckets());

    // nothing changed: nothing published; one more petition: that day only
    assertEquals(List.of(), publisher.publishChanged());
    kafka.sendAll(Topics.CASE_EVENTS, List.of(registered("533301", DAY.minusDays(1), 1)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                rates("5333", DAY.minusDays(1))
                        .getInt("rates.find { it.rate == 'REPEAT_PETITIONS' }.denominator")
                    == 1);
    assertEquals(List.of(DAY.minusDays(1)), publisher.publishChanged());
  }

  private StatisticsSnapshot snapshotOf(LocalDate day) throws Exception {
    List<KafkaProbe.Seen> seen =
        kafka.await(
            Topics.ANALYTICS_EVENTS, s -> ("53:" + day).equals(s.key()), 1, Duration.ofSeconds(20));
    return json.readValue(seen.get(seen.size() - 1).value(), StatisticsSnapshot.class);
  }

  private static KafkaProbe.Outgoing snapshot(
      String node, LocalDate day, LocalDate asOf, long petitions, long onTime, long late) {
    StatisticsSnapshot snapshot =
        new StatisticsSnapshot(
            node,
            day,
            asOf,
            List.of(
                new StatisticsSnapshot.RegionFigures(
                    "533301",
                    petitions,
                    petitions,
                    List.of(
                        new StatisticsSnapshot.RateFigure(
                            "TIMELY_ACCEPTANCE",
                            "timely-acceptance/v1",
                            onTime,
                            onTime + late,
                            Map.of("ON_TIME", onTime, "LATE", late, "OVERDUE_OPEN", 0L))))));
    KafkaProbe.Outgoing event = Events.of(node + ":" + day, node + ":" + day, snapshot);
    return event;
  }

  @Test
  void theSnapshotsOfANodeBelowAddUpToItsFiguresForAPeriod() {
    // 泸水市's own node (533301) reports two days of November; a redelivered older computation of
    // the first day does not replace the newer one
    kafka.sendAll(
        Topics.ANALYTICS_EVENTS,
        List.of(
            snapshot(
                "533301", LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-10"), 4, 3, 1),
            snapshot(
                "533301", LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-10"), 2, 1, 1),
            snapshot(
                "533301", LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-05"), 9, 0, 9),
            snapshot(
                "5399", LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-10"), 7, 7, 0)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(PROVINCE)
                    .queryParam("region", "533301")
                    .queryParam("period", "2026-11")
                    .when()
                    .get("/statistics/exchanged")
                    .then()
                    .statusCode(200)
                    .body("sourceNode", equalTo("533301"))
                    .body("daysReported", equalTo(2))
                    .body("petitions", equalTo(6))
                    .body("rates[0].rate", equalTo("TIMELY_ACCEPTANCE"))
                    .body("rates[0].numerator", equalTo(4))
                    .body("rates[0].denominator", equalTo(6))
                    .body("rates[0].value", equalTo(0.6667f))
                    .body("rates[0].formulaVersions", equalTo(List.of("timely-acceptance/v1"))));
    // no node below reports 福贡县; a county may not ask for another's
    given()
        .auth()
        .oauth2(PROVINCE)
        .queryParam("region", "533323")
        .queryParam("period", "2026-11")
        .when()
        .get("/statistics/exchanged")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    String fugong = TestTokens.token("fugong", "533323:xfj", "533323", "supervisor");
    given()
        .auth()
        .oauth2(fugong)
        .queryParam("region", "533301")
        .queryParam("period", "2026-11")
        .when()
        .get("/statistics/exchanged")
        .then()
        .statusCode(403);
  }
}
