package cn.gov.petition.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class RoutingFlowTest {

  /** Any signed-in user may read the reference data (the gateway lets nobody else through). */
  private static final String READER =
      TestTokens.token("qilin-handler", "530302:zjj", "530302", "handler");

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  private static String registered(String caseId, String region) {
    return """
        {"caseId":"%s","caseNumber":"530302-20261124-00009","channel":"VISIT",
         "petitionClass":"APPEAL","purpose":"SEEK_SOLUTION","matterRegionCode":"%s",
         "category":"0201","registeringUnit":"530302:xfj","personCount":1,"collective":false,
         "repeatOf":null,"accused":[]}"""
        .formatted(caseId, region);
  }

  @Test
  void aRoutingRequestIsDecidedOnceEvenWhenItIsRedelivered() {
    String caseId = UUID.randomUUID().toString();
    var headers =
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(),
            "cn.gov.petition.routing.requested",
            "530302-20261124-00009");
    kafka.send(
        Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
        caseId,
        headers,
        registered(caseId, "530302001"));
    kafka.send(
        Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
        caseId,
        headers,
        registered(caseId, "530302001"));

    var decisions =
        kafka.await(
            Topics.forNode(Topics.ROUTING_DECISIONS, "53"),
            seen -> caseId.equals(seen.key()),
            2,
            Duration.ofSeconds(8));
    assertEquals(1, decisions.size(), "one decision for one event id");
    assertEquals("cn.gov.petition.routing.decided", decisions.get(0).header("ce_type"));
    assertTrue(
        decisions.get(0).value().contains("\"unitCode\":\"530302:rsj\""), decisions.get(0).value());
  }

  @Test
  void anEventThatCannotBeAppliedGoesToTheDeadLetterTopicWithTheReason() {
    String caseId = UUID.randomUUID().toString();
    String eventId = UUID.randomUUID().toString();
    var headers = KafkaProbe.cloudEventHeaders(eventId, "cn.gov.petition.routing.requested", "x");
    kafka.send(
        Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
        caseId,
        headers,
        "{\"caseId\": 42, \"matterRegionCode\": \"99\"}");

    var dead =
        kafka.await(
            Topics.forNode(Topics.DEAD_LETTER, "53"),
            seen -> caseId.equals(seen.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, dead.size(), "the event is parked, not lost");
    assertTrue(dead.get(0).header("dead-letter-reason") != null, dead.get(0).headers().toString());

    // the consumer goes on with the next event
    String next = UUID.randomUUID().toString();
    kafka.send(
        Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
        next,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.routing.requested", "y"),
        registered(next, "530302001"));
    assertEquals(
        1,
        kafka
            .await(
                Topics.forNode(Topics.ROUTING_DECISIONS, "53"),
                seen -> next.equals(seen.key()),
                1,
                Duration.ofSeconds(20))
            .size());
  }

  @Test
  void aBadEventAmongOthersIsParkedAloneAndItsNeighboursAreDecidedOnce() {
    // one key, one producer: the three records normally reach the consumer in one poll, which is
    // applied in one transaction; the bad one must roll back only itself
    String key = UUID.randomUUID().toString();
    String first = UUID.randomUUID().toString();
    String last = UUID.randomUUID().toString();
    String badId = UUID.randomUUID().toString();
    String type = "cn.gov.petition.routing.requested";
    kafka.sendAll(
        Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
        List.of(
            new KafkaProbe.Outgoing(
                key,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), type, "a"),
                registered(first, "530302001")),
            new KafkaProbe.Outgoing(
                key,
                KafkaProbe.cloudEventHeaders(badId, type, "b"),
                "{\"caseId\": 42, \"matterRegionCode\": \"99\"}"),
            new KafkaProbe.Outgoing(
                key,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), type, "c"),
                registered(last, "530302001"))));

    var decisions =
        kafka.await(
            Topics.forNode(Topics.ROUTING_DECISIONS, "53"),
            seen -> seen.value().contains(first) || seen.value().contains(last),
            3,
            Duration.ofSeconds(10));
    assertEquals(2, decisions.size(), "each good event decided exactly once: " + decisions);
    var dead =
        kafka.await(
            Topics.forNode(Topics.DEAD_LETTER, "53"),
            seen -> badId.equals(seen.header("ce_id")),
            2,
            Duration.ofSeconds(5));
    assertEquals(1, dead.size(), "only the bad event is parked, once");
  }

  @Test
  void aPollOfRequestsIsDecidedOnceEach() {
    // one key, one producer: the requests normally reach the consumer in one poll, whose event ids
    // are recorded in one statement and whose decisions are written in one batch; a copy of an
    // event inside the same poll is skipped
    String key = UUID.randomUUID().toString();
    String type = "cn.gov.petition.routing.requested";
    List<String> cases = new java.util.ArrayList<>();
    List<KafkaProbe.Outgoing> requests = new java.util.ArrayList<>();
    String copied = UUID.randomUUID().toString();
    for (int i = 0; i < 12; i++) {
      String caseId = UUID.randomUUID().toString();
      String eventId = i == 3 ? copied : UUID.randomUUID().toString();
      cases.add(caseId);
      requests.add(
          new KafkaProbe.Outgoing(
              key,
              KafkaProbe.cloudEventHeaders(eventId, type, "n" + i),
              registered(caseId, "530302001")));
      if (i == 3) {
        // the same event again, right behind itself (a producer's retry)
        requests.add(
            new KafkaProbe.Outgoing(
                key,
                KafkaProbe.cloudEventHeaders(copied, type, "n" + i),
                registered(caseId, "530302001")));
      }
    }
    kafka.sendAll(Topics.forNode(Topics.ROUTING_REQUESTS, "53"), requests);

    var decisions =
        kafka.await(
            Topics.forNode(Topics.ROUTING_DECISIONS, "53"),
            seen -> cases.stream().anyMatch(seen.value()::contains),
            13,
            Duration.ofSeconds(10));
    // (decisions are keyed by case: their order across the topic's partitions is not kept)
    List<String> decided =
        decisions.stream()
            .map(seen -> cases.stream().filter(seen.value()::contains).findFirst().orElseThrow())
            .sorted()
            .toList();
    assertEquals(cases.stream().sorted().toList(), decided, "each request decided once");
  }

  @Test
  void divisionsCanBeBrowsed() {
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/divisions/530302")
        .then()
        .statusCode(200)
        .body("division.name", equalTo("麒麟区"))
        .body("path[0].name", equalTo("云南省"))
        .body("children.size()", greaterThan(5));
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/divisions/999999")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/divisions/12a")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    // as documented and as the gateway answers: only a signed-in user
    given().when().get("/divisions/530302").then().statusCode(401);
    given().when().get("/units?region=530302").then().statusCode(401);
    given().when().get("/authority-rules").then().statusCode(401);
  }

  @Test
  void unitsAreGeneratedForEveryRegionFromTheTemplate() {
    given()
        .auth()
        .oauth2(READER)
        .queryParam("region", "530302001")
        .when()
        .get("/units")
        .then()
        .statusCode(200)
        .body("code", hasItems("530302001:zf", "530302001:jw"))
        .body("find { it.code == '530302001:zf' }.name", equalTo("南宁街道办事处"));
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/units/530302:zjj")
        .then()
        .statusCode(200)
        .body("name", equalTo("麒麟区住房和城乡建设局"));
    given().auth().oauth2(READER).when().get("/units/530302001:zjj").then().statusCode(404);
    given()
        .auth()
        .oauth2(READER)
        .queryParam("region", "5x")
        .when()
        .get("/units")
        .then()
        .statusCode(400);
  }

  @Test
  void anAdministratorsNewRuleVersionTakesEffectWithoutARestartAndIsAudited() {
    String before = route("0201");
    assertTrue(before.contains("\"unitCode\":\"530302:rsj\""), before);

    Map<String, Object> body =
        Map.of(
            "effectiveFrom",
            LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
            "reason",
            "试点：劳动报酬纠纷先由乡镇（街道）调处",
            "rules",
            List.of(
                Map.of("category", "*", "petitionClass", "*", "department", "zf", "note", "其他"),
                Map.of(
                    "category", "0201", "petitionClass", "*", "department", "zf", "note", "试点")));
    given()
        .auth()
        .oauth2(TestTokens.token("yunnan-handler", "53:xfj", "53", "handler"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/authority-rules")
        .then()
        .statusCode(403);
    // a city's administrator does not rewrite the rules of the province's node
    int inForce =
        given()
            .auth()
            .oauth2(READER)
            .when()
            .get("/authority-rules")
            .then()
            .extract()
            .path("version");
    given()
        .auth()
        .oauth2(TestTokens.token("qujing-admin", "5303:xfj", "5303", "administrator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/authority-rules")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/authority-rules")
        .then()
        .body("version", equalTo(inForce));
    Map<String, Object> unknownDepartment = new HashMap<>(body);
    unknownDepartment.put(
        "rules", List.of(Map.of("category", "*", "petitionClass", "*", "department", "xyz")));
    asAdmin(unknownDepartment).statusCode(422).body("errors.rule", hasItems("KnownDepartment"));
    int version =
        asAdmin(body)
            .statusCode(201)
            .body("publishedBy", equalTo("yunnan-admin"))
            .body("reason", equalTo("试点：劳动报酬纠纷先由乡镇（街道）调处"))
            .extract()
            .path("version");

    try {
      String after = route("0201");
      assertTrue(after.contains("\"unitCode\":\"530302001:zf\""), after);
      assertTrue(after.contains("authority-" + version), after);
      given()
          .auth()
          .oauth2(READER)
          .when()
          .get("/authority-rules/versions")
          .then()
          .statusCode(200)
          .body("[0].version", equalTo(version));
    } finally {
      // later tests (and reruns) expect the seeded rules: publish them again as the newest version
      Map<String, Object> restore = new HashMap<>(body);
      restore.put("reason", "试点结束，恢复初始规则");
      restore.put(
          "rules",
          given()
              .auth()
              .oauth2(READER)
              .when()
              .get("/authority-rules/versions")
              .then()
              .extract()
              .path(
                  "find { it.version == 1 }.rules.collect { [category: it.category, petitionClass: it.petitionClass, department: it.department, minLevel: it.minLevel, note: it.note] }"));
      asAdmin(restore).statusCode(201);
    }
  }

  /**
   * Issue 31, item 3: a decision is readable with its rule, the matter's place and what it passed
   * over, by those who may read the case; an accusation's never by the accused, nor by a bureau
   * that is not a party to it.
   */
  @Test
  void aDecisionIsReadWithItsRuleItsPlaceAndWhatItPassedOverByThoseWhoMayReadTheCase() {
    String plain = UUID.randomUUID().toString();
    requestRouting(plain, registered(plain, "530302001"));
    String registrar = TestTokens.token("qilin-registrar", "530302:xfj", "530302", "registrar");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> decision(registrar, plain).extract().statusCode() == 200);
    String unit = decision(registrar, plain).extract().path("unitCode");
    decision(registrar, plain)
        .body("placed", equalTo(true))
        .body("rule.version", startsWith("authority-"))
        .body("rule.department", equalTo(unit.split(":")[1]))
        .body("regionPath.code", contains("53", "5303", "530302", "530302001"))
        .body("regionPath.name", hasItems("云南省", "曲靖市", "麒麟区"))
        .body("alternatives.find { it.kind == 'RULE' }.reason", containsString("更具体"));
    decision(TestTokens.token("qilin-zjj", "530302:zjj", "530302", "handler"), plain)
        .statusCode(200);
    decision(TestTokens.token("zhanyi-handler", "530303:xfj", "530303", "supervisor"), plain)
        .statusCode(404)
        .contentType("application/problem+json");

    String accusation = UUID.randomUUID().toString();
    requestRouting(
        accusation,
        registered(accusation, "530302001")
            .replace("\"APPEAL\"", "\"ACCUSATION\"")
            .replace(
                "\"accused\":[]",
                "\"accused\":[{\"unitCode\":\"530302001:zf\",\"leader\":false}]"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> decision(registrar, accusation).extract().statusCode() == 200);
    decision(registrar, accusation)
        .body("unitCode", equalTo("530302:jw"))
        .body("rule.version", equalTo("accusation-1"))
        .body("rule.id", nullValue())
        .body("alternatives.code", hasItems("530302001:zf", "530302001:jw", "530302001"));
    decision(TestTokens.token("qilin-jw", "530302:jw", "530302", "handler"), accusation)
        .statusCode(200);
    decision(TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor"), accusation)
        .statusCode(200);
    // the accused, the body inside its department, and a bureau that is no party: not found
    decision(TestTokens.token("nanning-zf", "530302001:zf", "530302001", "supervisor"), accusation)
        .statusCode(404);
    decision(TestTokens.token("nanning-jw", "530302001:jw", "530302001", "handler"), accusation)
        .statusCode(404);
    decision(TestTokens.token("qilin-zjj", "530302:zjj", "530302", "handler"), accusation)
        .statusCode(404);
    decision(registrar, "not-a-case").statusCode(400);
    decision(registrar, UUID.randomUUID().toString()).statusCode(404);
  }

  private static io.restassured.response.ValidatableResponse decision(String token, String id) {
    return given().auth().oauth2(token).when().get("/cases/" + id + "/decision").then();
  }

  private static io.restassured.response.ValidatableResponse asAdmin(Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(TestTokens.token("yunnan-admin", "53:xfj", "53", "administrator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/authority-rules")
        .then();
  }

  /** Sends intake's routing request for the case, with a new event id. */
  private void requestRouting(String caseId, String request) {
    kafka.send(
        Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
        caseId,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.routing.requested", "n"),
        request);
  }

  /** Sends a routing request about the category and returns routing's decision. */
  private String route(String category) {
    String caseId = UUID.randomUUID().toString();
    requestRouting(
        caseId, registered(caseId, "530302001").replace("\"0201\"", "\"" + category + "\""));
    var decisions =
        kafka.await(
            Topics.forNode(Topics.ROUTING_DECISIONS, "53"),
            seen -> caseId.equals(seen.key()),
            1,
            Duration.ofSeconds(20));
    assertEquals(1, decisions.size());
    return decisions.get(0).value();
  }
}
