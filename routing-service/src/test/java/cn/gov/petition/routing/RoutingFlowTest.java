package cn.gov.petition.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.events.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.infra.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class RoutingFlowTest {

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  private static String registered(String caseId, String region) {
    return """
        {"caseId":"%s","caseNumber":"530302-20261124-00009","channel":"VISIT",
         "matterRegionCode":"%s","petitionClass":"APPEAL","category":"0201","registeringUnit":"530302:xfj",
         "receivedOn":"2026-11-23","registeredAt":"2026-11-24T01:00:00Z","personCount":1}"""
        .formatted(caseId, region);
  }

  @Test
  void aRegisteredCaseIsRoutedOnceEvenWhenTheEventIsRedelivered() {
    String caseId = UUID.randomUUID().toString();
    var headers =
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(),
            "cn.gov.petition.case.registered",
            "530302-20261124-00009");
    kafka.send(Topics.CASE_EVENTS, caseId, headers, registered(caseId, "530302001"));
    kafka.send(Topics.CASE_EVENTS, caseId, headers, registered(caseId, "530302001"));

    var decisions =
        kafka.await(
            Topics.ROUTING_DECISIONS, seen -> caseId.equals(seen.key()), 2, Duration.ofSeconds(8));
    assertEquals(1, decisions.size(), "one decision for one event id");
    assertEquals("cn.gov.petition.routing.decided", decisions.get(0).header("ce_type"));
    assertTrue(
        decisions.get(0).value().contains("\"unitCode\":\"530302:xfj\""), decisions.get(0).value());
  }

  @Test
  void anEventThatCannotBeAppliedGoesToTheDeadLetterTopicWithTheReason() {
    String caseId = UUID.randomUUID().toString();
    String eventId = UUID.randomUUID().toString();
    var headers = KafkaProbe.cloudEventHeaders(eventId, "cn.gov.petition.case.registered", "x");
    kafka.send(
        Topics.CASE_EVENTS, caseId, headers, "{\"caseId\": 42, \"matterRegionCode\": \"99\"}");

    var dead =
        kafka.await(
            Topics.DEAD_LETTER, seen -> caseId.equals(seen.key()), 1, Duration.ofSeconds(30));
    assertEquals(1, dead.size(), "the event is parked, not lost");
    assertTrue(dead.get(0).header("dead-letter-reason") != null, dead.get(0).headers().toString());

    // the consumer goes on with the next event
    String next = UUID.randomUUID().toString();
    kafka.send(
        Topics.CASE_EVENTS,
        next,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.case.registered", "y"),
        registered(next, "530302001"));
    assertEquals(
        1,
        kafka
            .await(
                Topics.ROUTING_DECISIONS,
                seen -> next.equals(seen.key()),
                1,
                Duration.ofSeconds(20))
            .size());
  }

  @Test
  void divisionsCanBeBrowsed() {
    given()
        .when()
        .get("/divisions/530302")
        .then()
        .statusCode(200)
        .body("division.name", equalTo("麒麟区"))
        .body("path[0].name", equalTo("云南省"))
        .body("children.size()", greaterThan(5));
    given()
        .when()
        .get("/divisions/999999")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .when()
        .get("/divisions/12a")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
