package cn.gov.petition.supervision;

import static cn.gov.petition.supervision.Calls.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 领导接访: days planned and recorded in 丽江市 (5307, this test's own), and each leader measured against
 * the level's minimum: county per month, township per week, city per quarter.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class ReceptionTest {

  @Inject TestClock clock;

  private final String city =
      TestTokens.token("lijiang-office", "5307:xfj", "5307", "joint-office");
  private final String neighbour =
      TestTokens.token("yulong-supervisor", "530721:xfj", "530721", "supervisor");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private String planned(String leader, String post, String region, String on) {
    return post(
            city,
            "/receptions",
            Map.of(
                "leader",
                leader,
                "post",
                post,
                "region",
                region,
                "plannedOn",
                on,
                "place",
                "人民来访接待中心"))
        .statusCode(201)
        .body("status", equalTo("PLANNED"))
        .extract()
        .path("id");
  }

  private void held(String id, boolean held) {
    Map<String, Object> record = new HashMap<>();
    record.put("held", held);
    if (held) {
      record.put("persons", 12);
      record.put("batches", 5);
    }
    post(city, "/receptions/" + id + "/record", record)
        .statusCode(200)
        .body("status", equalTo(held ? "HELD" : "NOT_HELD"));
  }

  private ValidatableResponse compliance(String token, String from, String to) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("from", from)
        .queryParam("to", to)
        .when()
        .get("/receptions/compliance")
        .then();
  }

  @Test
  void eachLeaderIsMeasuredAgainstTheMinimumOfTheLevel() {
    clock.setToday(LocalDate.parse("2026-11-01"));
    String countyDec = planned("古城区区长", "区长", "530702", "2026-12-07");
    String countyJan = planned("古城区区长", "区长", "530702", "2027-01-15");
    String countyFeb = planned("古城区区长", "区长", "530702", "2027-02-03");
    String townW50 = planned("西安街道主任", "主任", "530702001", "2026-12-07");
    String townW51 = planned("西安街道主任", "主任", "530702001", "2026-12-16");
    String cityQ4 = planned("丽江市市长", "市长", "5307", "2026-11-10");

    post(
            city,
            "/receptions/" + countyDec + "/record",
            Map.of("held", true, "persons", 3, "batches", 1))
        .statusCode(409); // the day has not come
    clock.setToday(LocalDate.parse("2027-03-01"));
    held(countyDec, true);
    held(countyJan, false);
    held(countyFeb, true);
    held(townW50, true);
    held(townW51, true);
    held(cityQ4, true);
    post(city, "/receptions/" + countyDec + "/record", Map.of("held", false)).statusCode(409);

    compliance(city, "2026-12-01", "2027-02-28")
        .statusCode(200)
        .body("find { it.regionCode == '530702' }.level", equalTo("COUNTY"))
        .body("find { it.regionCode == '530702' }.periods", equalTo(3))
        .body("find { it.regionCode == '530702' }.periodsWithReception", equalTo(2))
        .body("find { it.regionCode == '530702' }.missing", equalTo(List.of("2027-01")))
        .body("find { it.regionCode == '530702' }.compliant", equalTo(false));
    compliance(city, "2026-12-07", "2026-12-20")
        .body("find { it.regionCode == '530702001' }.missing", equalTo(List.of()))
        .body("find { it.regionCode == '530702001' }.compliant", equalTo(true));
    compliance(city, "2026-12-07", "2026-12-27")
        .body("find { it.regionCode == '530702001' }.missing", equalTo(List.of("2026-W52")));
    compliance(city, "2026-10-01", "2026-12-31")
        .body("find { it.regionCode == '5307' }.compliant", equalTo(true));

    compliance(neighbour, "2026-12-01", "2027-02-28")
        .statusCode(200)
        .body("regionCode", not(hasItems("530702")));
    post(neighbour, "/receptions/" + countyJan + "/record", Map.of("held", true)).statusCode(404);
  }

  /** Issue 31, item 10: a leader on the roster who plans no day is flagged, not left out. */
  @Test
  void aLeaderOnTheRosterWhoPlansNoDayIsFlagged() {
    clock.setToday(LocalDate.parse("2026-11-01"));
    Map<String, Object> leader = new HashMap<>();
    leader.put("leader", "永胜县县长");
    leader.put("post", "县长");
    leader.put("region", "530722");
    String id =
        post(city, "/reception-leaders", leader)
            .statusCode(201)
            .body("region", equalTo("530722"))
            .extract()
            .path("id");
    post(city, "/reception-leaders", leader).statusCode(409);
    post(neighbour, "/reception-leaders", leader).statusCode(403);

    compliance(city, "2026-12-01", "2027-02-28")
        .statusCode(200)
        .body("find { it.regionCode == '530722' }.leader", equalTo("永胜县县长"))
        .body("find { it.regionCode == '530722' }.daysPlanned", equalTo(0))
        .body("find { it.regionCode == '530722' }.plansNone", equalTo(true))
        .body("find { it.regionCode == '530722' }.compliant", equalTo(false))
        .body(
            "find { it.regionCode == '530722' }.missing",
            equalTo(List.of("2026-12", "2027-01", "2027-02")));
    // once a day is planned he is no longer flagged as planning none, only as missing months
    planned("永胜县县长", "县长", "530722", "2026-12-14");
    compliance(city, "2026-12-01", "2027-02-28")
        .body("find { it.regionCode == '530722' }.daysPlanned", equalTo(1))
        .body("find { it.regionCode == '530722' }.plansNone", equalTo(false));

    given()
        .auth()
        .oauth2(city)
        .when()
        .get("/reception-leaders")
        .then()
        .statusCode(200)
        .body("id", hasItems(id));
    given()
        .auth()
        .oauth2(neighbour)
        .when()
        .get("/reception-leaders")
        .then()
        .statusCode(200)
        .body("id", not(hasItems(id)));
    given()
        .auth()
        .oauth2(neighbour)
        .when()
        .delete("/reception-leaders/" + id)
        .then()
        .statusCode(404);
    given().auth().oauth2(city).when().delete("/reception-leaders/" + id).then().statusCode(204);
    given().auth().oauth2(city).when().delete("/reception-leaders/" + id).then().statusCode(404);

    leader.put("leader", " ");
    post(city, "/reception-leaders", leader)
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.containsString("leader"));
    leader.put("leader", "某县长");
    leader.put("region", "530799");
    post(city, "/reception-leaders", leader)
        .statusCode(422)
        .body("errors[0].field", equalTo("region"));
  }

  @Test
  void badPlansAndRecordsAreRefused() {
    clock.setToday(LocalDate.parse("2026-11-01"));
    Map<String, Object> plan = new HashMap<>();
    plan.put("leader", "区长");
    plan.put("post", "区长");
    plan.put("region", "530302");
    plan.put("plannedOn", "2026-12-07");
    plan.put("place", "接待中心");
    post(neighbour, "/receptions", plan).statusCode(403);
    plan.put("region", "530799");
    post(city, "/receptions", plan).statusCode(422).body("errors[0].field", equalTo("region"));
    plan.put("region", "5307x");
    post(city, "/receptions", plan).statusCode(400).body("errors[0].field", equalTo("region"));
    plan.put("region", "530702");
    // a day in 2000, or two years ahead, is no plan (issue 24)
    plan.put("plannedOn", "2000-01-01");
    post(city, "/receptions", plan)
        .statusCode(422)
        .body("errors[0].field", equalTo("plannedOn"))
        .body("errors[0].rule", equalTo("WithinPlanningWindow"));
    plan.put("plannedOn", "2028-12-07");
    post(city, "/receptions", plan).statusCode(422).body("errors[0].field", equalTo("plannedOn"));
    plan.put("plannedOn", "2026-12-07");
    String id = post(city, "/receptions", plan).statusCode(201).extract().path("id");
    clock.setToday(LocalDate.parse("2026-12-08"));
    post(city, "/receptions/" + id + "/record", Map.of("held", true))
        .statusCode(422)
        .body("errors[0].field", equalTo("persons"));
    post(city, "/receptions/" + id + "/record", Map.of("held", true, "persons", -1, "batches", 1))
        .statusCode(400);
    compliance(city, "2027-01-01", "2026-12-01").statusCode(422);
    compliance(city, "2026-13-01", "2027-01-01").statusCode(422);
  }
}
