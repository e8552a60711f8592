package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class VolumeTest {

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  private void register(String region, int persons, String eventId) {
    String caseId = UUID.randomUUID().toString();
    String data =
        """
        {"caseId":"%s","caseNumber":"n","channel":"VISIT","matterRegionCode":"%s","petitionClass":"APPEAL","category":"0201",
         "registeringUnit":"530302:xfj","receivedOn":"2026-03-02","registeredAt":"2026-03-02T01:00:00Z",
         "personCount":%d}"""
            .formatted(caseId, region, persons);
    var headers = KafkaProbe.cloudEventHeaders(eventId, "cn.gov.petition.case.registered", "n");
    kafka.send(Topics.CASE_EVENTS, caseId, headers, data);
    kafka.send(Topics.CASE_EVENTS, caseId, headers, data); // redelivered: counted once
  }

  @Test
  void casesAndPersonsAreCountedOncePerEventWithinTheCallersSubtree() {
    register("530302001", 1, UUID.randomUUID().toString());
    register("530302002", 6, UUID.randomUUID().toString());
    register("530303001", 2, UUID.randomUUID().toString());

    String city = TestTokens.token("qujing-office", "5303:xfj", "5303", "joint-office");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(city)
                    .queryParam("region", "5303")
                    .queryParam("from", "2026-03-01")
                    .queryParam("to", "2026-03-31")
                    .when()
                    .get("/statistics/volume")
                    .then()
                    .statusCode(200)
                    .body("cases", equalTo(3))
                    .body("persons", equalTo(9)));

    String county = TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    given()
        .auth()
        .oauth2(county)
        .queryParam("region", "530302")
        .queryParam("period", "2026-03")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(200)
        .body("cases", equalTo(2))
        .body("persons", equalTo(7));

    given()
        .auth()
        .oauth2(county)
        .queryParam("region", "5303")
        .queryParam("from", "2026-03-01")
        .queryParam("to", "2026-03-31")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void periodsMustBeRealDatesInOrder() {
    String city = TestTokens.token("qujing-office", "5303:xfj", "5303", "joint-office");
    given()
        .auth()
        .oauth2(city)
        .queryParam("region", "5303")
        .queryParam("from", "2026-02-30")
        .queryParam("to", "2026-03-31")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("from"));
    given()
        .auth()
        .oauth2(city)
        .queryParam("region", "5303")
        .queryParam("from", "2026-03-31")
        .queryParam("to", "2026-03-01")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("to"));
    given()
        .auth()
        .oauth2(city)
        .queryParam("region", "5303")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("from"));
  }

  @Test
  void aPeriodIsADayWeekMonthQuarterOrYearAndNotBesideDays() {
    String city = TestTokens.token("qujing-office", "5303:xfj", "5303", "joint-office");
    given()
        .auth()
        .oauth2(city)
        .queryParam("region", "5303")
        .queryParam("period", "2026-W53")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(200)
        .body("from", equalTo("2026-12-28"))
        .body("to", equalTo("2027-01-03"));
    given()
        .auth()
        .oauth2(city)
        .queryParam("region", "5303")
        .queryParam("period", "2026-13")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("period"));
    given()
        .auth()
        .oauth2(city)
        .queryParam("region", "5303")
        .queryParam("period", "March")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("period"));
    given()
        .auth()
        .oauth2(city)
        .queryParam("region", "5303")
        .queryParam("period", "2026-03")
        .queryParam("from", "2026-03-01")
        .when()
        .get("/statistics/volume")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("period"));
  }
}
