package cn.gov.petition.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The node registry: this node (53) announces itself on the compacted topic, learns other nodes
 * from theirs, and addresses each decision to the deepest node whose region contains the unit.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class NodeRegistryTest {

  /** Any signed-in user may read the reference data (the gateway lets nobody else through). */
  private static final String READER =
      TestTokens.token("qilin-handler", "530302:zjj", "530302", "handler");

  private final String bootstrap =
      PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers();
  private final KafkaProbe kafka = new KafkaProbe(bootstrap);

  @Test
  void theNodeAnnouncesItselfOnACompactedTopic() throws Exception {
    var announcements =
        kafka.await(Topics.NODES, seen -> "53".equals(seen.key()), 1, Duration.ofSeconds(20));
    assertEquals(1, announcements.size());
    assertEquals("cn.gov.petition.node.announced", announcements.get(0).header("ce_type"));
    assertTrue(announcements.get(0).value().contains("云南省"), announcements.get(0).value());
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.NODES);
      Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
      assertEquals("compact", config.get("cleanup.policy").value());
    }
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/nodes")
        .then()
        .statusCode(200)
        .body("self", equalTo("53"));
  }

  @Test
  void aDecisionIsAddressedToTheDeepestNodeHostingTheUnit() {
    announce("5303", "曲靖市");
    announce("530302", "麒麟区");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(READER)
                    .when()
                    .get("/nodes")
                    .then()
                    .statusCode(200)
                    .body("nodes.regionCode", hasItem("530302")));
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/nodes/host/530302001")
        .then()
        .body("regionCode", equalTo("530302"));
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/nodes/host/530303")
        .then()
        .body("regionCode", equalTo("5303"));
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/nodes/host/5301")
        .then()
        .body("regionCode", equalTo("53"));
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/nodes/host/5201")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().auth().oauth2(READER).when().get("/nodes/host/53x").then().statusCode(400);

    String decision = decisionOn(requestRouting("530302001"));
    assertTrue(decision.contains("\"unitCode\":\"530302:zjj\""), decision);
    assertTrue(decision.contains("\"node\":\"530302\""), decision);
    assertTrue(
        decision.contains("\"nodeKey\":\"public-keyset-of-530302\""),
        "the receiving node's key, to seal the file with: " + decision);
    assertTrue(decision.contains("麒麟区节点（530302）承载，案卷移交该节点"), decision);
  }

  @Test
  void anAnnouncementForARegionThatDoesNotExistIsParked() {
    String eventId = UUID.randomUUID().toString();
    kafka.send(
        Topics.NODES,
        "539999",
        KafkaProbe.cloudEventHeaders(eventId, "cn.gov.petition.node.announced", "539999"),
        """
        {"regionCode":"539999","regionName":"无此地","announcedAt":"2026-11-24T00:00:00Z"}""");
    var dead =
        kafka.await(
            Topics.forNode(Topics.DEAD_LETTER, "53"),
            seen -> "539999".equals(seen.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, dead.size());
    assertTrue(dead.get(0).header("dead-letter-reason").contains("539999"));
    given()
        .auth()
        .oauth2(READER)
        .when()
        .get("/nodes")
        .then()
        .body("nodes.regionCode.toString()", org.hamcrest.Matchers.not(containsString("539999")));
  }

  /** A node's announcement with a handoff key (opaque to routing: it passes it on). */
  private void announce(String region, String name) {
    announce(region, name, "\"public-keyset-of-" + region + "\"");
  }

  private void announce(String region, String name, String handoffKeyJson) {
    kafka.send(
        Topics.NODES,
        region,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.node.announced", region),
        """
        {"regionCode":"%s","regionName":"%s","announcedAt":"2026-11-24T00:00:00Z",
         "handoffKey":%s}"""
            .formatted(region, name, handoffKeyJson));
  }

  /** Sends a routing request for a letter about a matter in {@code region}; returns the case id. */
  private String requestRouting(String region) {
    String caseId = UUID.randomUUID().toString();
    kafka.send(
        Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
        caseId,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.routing.requested", "n"),
        """
        {"caseId":"%s","caseNumber":"530302001-20261124-00001","channel":"LETTER",
         "petitionClass":"APPEAL","purpose":"SEEK_SOLUTION","matterRegionCode":"%s",
         "category":"0105","registeringUnit":"53:xfj","personCount":1,"collective":false,
         "repeatOf":null,"accused":[]}"""
            .formatted(caseId, region));
    return caseId;
  }

  private String decisionOn(String caseId) {
    var decisions =
        kafka.await(
            Topics.forNode(Topics.ROUTING_DECISIONS, "53"),
            seen -> caseId.equals(seen.key()),
            1,
            Duration.ofSeconds(20));
    assertEquals(1, decisions.size());
    return decisions.get(0).value();
  }

  @Test
  void aCaseStaysHereWhenTheNodeHostingItsUnitHasAnnouncedNoHandoffKey() {
    announce("530381", "宣威市", "null");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(READER)
                    .when()
                    .get("/nodes/host/530381")
                    .then()
                    .body("regionCode", equalTo("530381")));
    String decision = decisionOn(requestRouting("530381"));
    assertTrue(decision.contains("\"node\":\"53\""), decision);
    assertTrue(decision.contains("\"nodeKey\":null"), decision);
    assertTrue(decision.contains("未公布移交密钥，案卷不以明文移交，案件留在本节点（53）"), decision);
  }
}
