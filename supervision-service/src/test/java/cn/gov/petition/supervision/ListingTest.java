package cn.gov.petition.supervision;

import static cn.gov.petition.supervision.Calls.get;
import static cn.gov.petition.supervision.Calls.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 挂牌督办: the city lists a township with a deadline; a failed close-out review keeps it listed, a
 * passed one takes it off; the neighbouring county never sees it. 昭通市 (5306) is this test's own.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class ListingTest {

  @Inject TestClock clock;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  private final String city =
      TestTokens.token("zhaotong-office", "5306:xfj", "5306", "joint-office");
  private final String county =
      TestTokens.token("zhaoyang-supervisor", "530602:xfj", "530602", "supervisor");
  private final String neighbour =
      TestTokens.token("ludian-supervisor", "530621:xfj", "530621", "supervisor");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aTownshipIsListedReviewedAndTakenOffTheList() {
    clock.setToday(LocalDate.parse("2026-12-01"));
    Map<String, Object> listing =
        Map.of("target", "530602001", "reason", "越级上访批次连续两月居全市前列", "rectifyBy", "2027-02-28");
    String id =
        post(city, "/listings", listing)
            .statusCode(201)
            .body("targetName", equalTo("凤凰街道"))
            .body("status", equalTo("LISTED"))
            .body("listedOn", equalTo("2026-12-01"))
            .extract()
            .path("id");
    post(city, "/listings", listing).statusCode(409).contentType("application/problem+json");

    get(county, "/listings/" + id).statusCode(200).body("rectifyBy", equalTo("2027-02-28"));
    get(neighbour, "/listings/" + id).statusCode(404);
    get(neighbour, "/listings").statusCode(200).body("id", not(hasItems(id)));
    // the county sees it but did not list it: it does not review it
    post(county, "/listings/" + id + "/reviews", Map.of("passed", true, "findings", "已整改"))
        .statusCode(403);
    // 整改报告: the township's county reports, the listing city does not report to itself
    clock.setToday(LocalDate.parse("2027-01-20"));
    post(county, "/listings/" + id + "/report", Map.of("report", "专题会议两次，化解积案5件"))
        .statusCode(200)
        .body("report", equalTo("专题会议两次，化解积案5件"))
        .body("reportedOn", equalTo("2027-01-20"));
    post(city, "/listings/" + id + "/report", Map.of("report", "代报"))
        .statusCode(403)
        .contentType("application/problem+json");
    post(county, "/listings/" + id + "/report", Map.of("report", " "))
        .statusCode(400)
        .body("errors[0].field", containsString("report"));
    get(city, "/listings/" + id).statusCode(200).body("report", equalTo("专题会议两次，化解积案5件"));

    clock.setToday(LocalDate.parse("2027-02-20"));
    post(city, "/listings/" + id + "/reviews", Map.of("passed", false, "findings", "积案尚有3件未化解"))
        .statusCode(200)
        .body("status", equalTo("LISTED"))
        .body("reviews", hasSize(1));
    clock.setToday(LocalDate.parse("2027-03-05"));
    post(city, "/listings/" + id + "/reviews", Map.of("passed", true, "findings", "积案全部化解，三率达标"))
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("closedOn", equalTo("2027-03-05"))
        .body("reviews.passed", equalTo(List.of(false, true)));
    post(city, "/listings/" + id + "/reviews", Map.of("passed", true, "findings", "再验收"))
        .statusCode(409);
    post(county, "/listings/" + id + "/report", Map.of("report", "补报")).statusCode(409);
    // the broadcast tells each change, never the reason, the report or the findings
    List<KafkaProbe.Seen> told =
        kafka.await(Topics.SUPERVISION_EVENTS, s -> id.equals(s.key()), 4, Duration.ofSeconds(20));
    assertEquals(
        List.of("LISTED", "REPORTED", "REVIEW_FAILED", "CLOSED"),
        told.stream()
            .map(s -> s.value().replaceAll(".*\"change\":\"([A-Z_]+)\".*", "$1"))
            .toList());
    told.forEach(
        s -> {
          assertEquals("cn.gov.petition.supervision.listing-changed", s.header("ce_type"));
          assertFalse(s.value().contains("越级") || s.value().contains("积案"), s.value());
        });
    get(county, "/listings?status=CLOSED").statusCode(200).body("id", hasItems(id));
    // off the list, the township can be listed again
    post(
            city,
            "/listings",
            Map.of("target", "530602001", "reason", "复发", "rectifyBy", "2027-06-30"))
        .statusCode(201);
  }

  @Test
  void onlyUnitsAndTownshipsBelowTheCallerCanBeListed() {
    clock.setToday(LocalDate.parse("2026-12-01"));
    post(
            county,
            "/listings",
            Map.of("target", "530621001", "reason", "x", "rectifyBy", "2027-01-31"))
        .statusCode(403);
    post(
            county,
            "/listings",
            Map.of("target", "530602:xfj", "reason", "x", "rectifyBy", "2027-01-31"))
        .statusCode(403); // its own level
    post(
            county,
            "/listings",
            Map.of("target", "530602999", "reason", "x", "rectifyBy", "2027-01-31"))
        .statusCode(422)
        .body("errors[0].field", equalTo("target"));
    post(
            county,
            "/listings",
            Map.of("target", "530602002", "reason", "x", "rectifyBy", "2026-12-01"))
        .statusCode(422)
        .body("errors[0].field", equalTo("rectifyBy"));
    post(county, "/listings", Map.of("target", "5306", "reason", "x", "rectifyBy", "2027-01-31"))
        .statusCode(400)
        .body("errors[0].field", equalTo("target"));
    post(
            county,
            "/listings",
            Map.of("target", "530602002", "reason", " ", "rectifyBy", "2027-01-31"))
        .statusCode(400);
    String handler = TestTokens.token("zhaoyang-handler", "530602:rsj", "530602", "handler");
    get(handler, "/listings").statusCode(403);
    get(county, "/listings?status=OPEN").statusCode(400);
    get(county, "/listings").statusCode(200).body("target", not(hasItems("530602002")));
  }
}
