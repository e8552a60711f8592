package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Routing's decision for a case, as this node's routing-service would publish it: the contract's
 * own record, written to the node's routing-decisions topic.
 */
final class Decisions {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  private static final KafkaProbe KAFKA =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  private final String caseId;
  private final String unitCode;
  private final String unitName;
  private String mode = "FORWARD";
  private String ruleVersion = "test";
  private boolean escalated;
  private String node;
  private String nodeKey;
  private List<String> informed = List.of();
  private List<String> excluded = List.of();

  private Decisions(String caseId, String unitCode, String unitName) {
    this.caseId = caseId;
    this.unitCode = unitCode;
    this.unitName = unitName;
  }

  /** A decision forwarding the case to the unit. */
  static Decisions route(String caseId, String unitCode, String unitName) {
    return new Decisions(caseId, unitCode, unitName);
  }

  /**
   * Forwards the case to the unit as routing-service would, and waits until intake has it as
   * forwarded (the thing the callers go on from).
   */
  static void forwarded(String caseId, String unitCode, String unitName) {
    route(caseId, unitCode, unitName).send();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "FORWARDED"
                    .equals(
                        given()
                            .auth()
                            .oauth2(TestTokens.qilinRegistrar())
                            .get("/cases/" + caseId)
                            .then()
                            .extract()
                            .path("status")));
  }

  Decisions mode(String mode) {
    this.mode = mode;
    return this;
  }

  Decisions ruleVersion(String ruleVersion) {
    this.ruleVersion = ruleVersion;
    return this;
  }

  Decisions escalated(boolean escalated) {
    this.escalated = escalated;
    return this;
  }

  /** The node hosting the unit, and the public key it announced for handoffs. */
  Decisions node(String node, String nodeKey) {
    this.node = node;
    this.nodeKey = nodeKey;
    return this;
  }

  Decisions informed(String... units) {
    this.informed = List.of(units);
    return this;
  }

  Decisions excluded(String... units) {
    this.excluded = List.of(units);
    return this;
  }

  /** The decision, as routing-service would publish it. */
  RoutingDecided decision() {
    return new RoutingDecided(
        caseId,
        "n",
        unitCode,
        unitName,
        unitCode.split(":")[0],
        mode,
        ruleVersion,
        "test",
        Instant.parse("2026-11-24T01:00:00Z"),
        escalated,
        node,
        informed,
        excluded,
        nodeKey);
  }

  /** Publishes the decision with a new event id, and returns that id. */
  String send() {
    RoutingDecided decision = decision();
    String eventId = UUID.randomUUID().toString();
    try {
      KAFKA.send(
          Topics.forNode(Topics.ROUTING_DECISIONS, "53"),
          caseId,
          KafkaProbe.cloudEventHeaders(eventId, "cn.gov.petition.routing.decided", "n"),
          JSON.writeValueAsString(decision));
      return eventId;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
