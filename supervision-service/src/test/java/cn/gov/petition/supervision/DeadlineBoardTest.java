package cn.gov.petition.supervision;

import static cn.gov.petition.contracts.Step.ACCEPT;
import static cn.gov.petition.contracts.Step.EVALUATE;
import static cn.gov.petition.supervision.CaseEvents.progress;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.supervision.store.ClockTallies;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The joint-meeting office's deadline board drills down from the city to a county and a township,
 * and a county supervisor never sees the neighbouring county. 玉溪市 (5304) is used by no other test,
 * so the counts are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class DeadlineBoardTest {

  @Inject TestClock clock;
  @Inject DeadlineWatch watch;
  @Inject ClockTallies tallies;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** A case whose unit owes a step due on the day, and a petitioner's window (never counted). */
  private void stepOwed(String unitCode, String dueOn) {
    progress(UUID.randomUUID().toString(), "FORWARDED")
        .number("530402-20261201-00001")
        .matter(unitCode.substring(0, unitCode.indexOf(':')))
        .unit(unitCode)
        .opens(ACCEPT, dueOn)
        .opens(EVALUATE, dueOn)
        .send();
  }

  private static ValidatableResponse board(String token, String region) {
    var request = given().auth().oauth2(token);
    if (region != null) {
      request = request.queryParam("region", region);
    }
    return request.when().get("/dashboard/deadlines").then();
  }

  @Test
  void theBoardDrillsDownFromTheCityToAUnitAndStaysInTheCallersSubtree() {
    clock.setToday(LocalDate.parse("2026-12-01"));
    stepOwed("5304:xfj", "2026-12-20"); // the city's own 信访局
    stepOwed("530402:rsj", "2026-12-09"); // 红塔区人社局: overdue on 12-10
    stepOwed("530402:rsj", "2026-12-12"); // warned (3 days) on 12-10
    stepOwed("530402001:zf", "2026-12-30"); // 玉兴街道
    stepOwed("530403:zjj", "2026-12-30"); // 江川区, the neighbouring county
    String city = TestTokens.token("yuxi-office", "5304:xfj", "5304", "joint-office");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> board(city, null).statusCode(200).body("total.open", equalTo(5)));
    clock.setToday(LocalDate.parse("2026-12-10"));
    watch.sweep();

    board(city, null)
        .statusCode(200)
        .body("regionCode", equalTo("5304"))
        .body("regionName", equalTo("玉溪市"))
        .body("total.open", equalTo(5))
        .body("total.warned", equalTo(1))
        .body("total.overdue", equalTo(1))
        .body("ownUnits", hasSize(1))
        .body("ownUnits[0].code", equalTo("5304:xfj"))
        .body("children", hasSize(2))
        .body("children.find { it.code == '530402' }.name", equalTo("红塔区"))
        .body("children.find { it.code == '530402' }.open", equalTo(3))
        .body("children.find { it.code == '530402' }.overdue", equalTo(1))
        .body("children.find { it.code == '530403' }.open", equalTo(1));

    String county = TestTokens.token("hongta-supervisor", "530402:xfj", "530402", "supervisor");
    board(county, null)
        .statusCode(200)
        .body("total.open", equalTo(3))
        .body("ownUnits.find { it.code == '530402:rsj' }.warned", equalTo(1))
        .body("ownUnits.find { it.code == '530402:rsj' }.overdue", equalTo(1))
        .body("children", hasSize(1))
        .body("children[0].code", equalTo("530402001"))
        .body("children[0].name", equalTo("玉兴街道"));
    board(county, "530402001")
        .statusCode(200)
        .body("ownUnits[0].code", equalTo("530402001:zf"))
        .body("children", hasSize(0));

    // the last step of the drill-down: the unit's open steps, soonest due first
    given()
        .auth()
        .oauth2(county)
        .queryParam("unit", "530402:rsj")
        .when()
        .get("/clocks")
        .then()
        .statusCode(200)
        .body("step", equalTo(java.util.List.of("ACCEPT", "EVALUATE", "ACCEPT", "EVALUATE")))
        .body("[0].dueOn", equalTo("2026-12-09"))
        .body("[0].stage", equalTo("OVERDUE"));
    given()
        .auth()
        .oauth2(county)
        .queryParam("unit", "530403:zjj")
        .when()
        .get("/clocks")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(county)
        .queryParam("unit", "rsj")
        .when()
        .get("/clocks")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("unit"));

    board(county, "530403").statusCode(403).contentType("application/problem+json");
    board(county, "5304").statusCode(403);
    board(county, "53040").statusCode(400).body("errors[0].field", equalTo("region"));
    String handler = TestTokens.token("hongta-handler", "530402:rsj", "530402", "handler");
    board(handler, null).statusCode(403);
  }

  /**
   * The board counts from per-unit tallies kept with every clock change; whether or not the changes
   * have been folded in yet, it says what the clocks say. 临沧市 (5309) is this test's own.
   */
  @Test
  void theTalliesFollowEveryChangeOfAClockBeforeAndAfterTheyAreFoldedIn() {
    clock.setToday(LocalDate.parse("2026-12-01"));
    String done = UUID.randomUUID().toString();
    String extended = UUID.randomUUID().toString();
    String late = UUID.randomUUID().toString();
    for (String caseId : List.of(done, extended, late)) {
      progress(caseId, "FORWARDED")
          .unit("530902:rsj")
          .opens(ACCEPT, "2026-12-09")
          .opens(EVALUATE, "2026-12-09")
          .send();
    }
    progress(UUID.randomUUID().toString(), "FORWARDED")
        .unit("530921:zjj")
        .opens(ACCEPT, "2026-12-30")
        .send();
    String city = TestTokens.token("lincang-office", "5309:xfj", "5309", "joint-office");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> board(city, null).statusCode(200).body("total.open", equalTo(4)));
    clock.setToday(LocalDate.parse("2026-12-10"));
    watch.sweep(); // three overdue in 临翔区
    tallies.compact();
    board(city, null).body("total.overdue", equalTo(3)).body("total.warned", equalTo(0));

    progress(done, "ACCEPTED")
        .unit("530902:rsj")
        .on("2026-12-10")
        .closes(ACCEPT, "2026-12-09")
        .send();
    progress(extended, "EXTENDED")
        .unit("530902:rsj")
        .on("2026-12-10")
        .opens(ACCEPT, "2026-12-12")
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                board(city, null)
                    .body("total.open", equalTo(3))
                    .body("total.overdue", equalTo(1))
                    .body("children.find { it.code == '530902' }.open", equalTo(2)));
    watch.sweep(); // the extended step: 2 days left, warned
    String before = board(city, null).extract().asString();
    tallies.compact();
    String after = board(city, null).extract().asString();
    assertEquals(before, after, "folding the changes in changes no figure");
    board(city, "530902")
        .body("ownUnits[0].open", equalTo(2))
        .body("ownUnits[0].warned", equalTo(1))
        .body("ownUnits[0].overdue", equalTo(1));
  }
}
