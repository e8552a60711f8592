package cn.gov.petition.supervision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.gov.petition.common.events.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.infra.PetitionTestInfrastructure;
import cn.gov.petition.infra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class AcceptanceClockTest {

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Test
  void anAssignedCaseOpensOneAcceptanceClockWithTheDueDateItCarries() {
    String caseId = UUID.randomUUID().toString();
    String assigned =
        """
        {"caseId":"%s","caseNumber":"530302-20261124-00003","unitCode":"530302:xfj",
         "unitRegionCode":"530302","mode":"FORWARD","assignedOn":"2026-09-30",
         "acceptDueOn":"2026-10-15","assignedAt":"2026-09-30T02:00:00Z"}"""
            .formatted(caseId);
    var headers =
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.case.assigned", "530302-20261124-00003");
    kafka.send(Topics.CASE_EVENTS, caseId, headers, assigned);
    kafka.send(Topics.CASE_EVENTS, caseId, headers, assigned);

    String county = TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(county)
                    .queryParam("caseId", caseId)
                    .when()
                    .get("/clocks")
                    .then()
                    .statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].step", equalTo("ACCEPT"))
                    .body("[0].dueOn", equalTo("2026-10-15"))
                    .body("[0].status", equalTo("OPEN")));

    String province = TestTokens.token("yunnan-office", "53:xfj", "53", "joint-office");
    given()
        .auth()
        .oauth2(province)
        .queryParam("caseId", caseId)
        .when()
        .get("/clocks")
        .then()
        .statusCode(200)
        .body("$", hasSize(1));

    String neighbour = TestTokens.token("zhanyi-supervisor", "530303:xfj", "530303", "supervisor");
    given()
        .auth()
        .oauth2(neighbour)
        .queryParam("caseId", caseId)
        .when()
        .get("/clocks")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void badQueriesAndTokensWithoutARegionAreRefused() {
    String county = TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");
    given()
        .auth()
        .oauth2(county)
        .queryParam("limit", 0)
        .when()
        .get("/clocks")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("limit"));
    given()
        .auth()
        .oauth2(county)
        .queryParam("caseId", "x")
        .when()
        .get("/clocks")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("caseId"));
    String noRegion = TestTokens.token("nobody", "", "", "supervisor");
    given().auth().oauth2(noRegion).when().get("/clocks").then().statusCode(403);
  }
}
