package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.contracts.CaseHandedOff;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.infra.LocalInfrastructure;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * 案件移交 between nodes, seen from one node (this test's node serves 53): a case whose unit another
 * node hosts is handed there and is read-only here; a case handed here is owned here once, however
 * often the handoff is delivered. The whole federation runs in deploy/local's FederationIT.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class HandoffTest {

  private static final String HOUSING_BUREAU =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The private key of node 530302, which this test plays (its public half is announced). */
  private static final String NODE_530302_KEY = LocalInfrastructure.newHandoffKeyset();

  @Inject HandoffSeal seal;

  /** This node's (53) private handoff key, as the test profile gives it to intake. */
  @ConfigProperty(name = "petition.crypto.handoff-key")
  String ownKey;

  @Inject ObjectMapper json;

  @Inject NodeRegistry nodes;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Test
  void aCaseForAUnitHostedByAnotherNodeIsHandedThereAndIsReadOnlyHere() throws Exception {
    Map<String, Object> petition = Petitions.letter();
    String name = (String) Petitions.firstPetitioner(petition).get("name");
    String idNumber = (String) Petitions.firstPetitioner(petition).get("idNumber");
    String id = Petitions.registered(petition).path("petitionCase.id");

    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局")
        .node("530302", LocalInfrastructure.publicHandoffKeyset(NODE_530302_KEY))
        .send();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                read(id)
                    .body("status", equalTo("FORWARDED"))
                    .body("handoff.handedToNode", equalTo("530302")));
    List<KafkaProbe.Seen> handoffs =
        kafka.await(
            Topics.forNode(Topics.HANDOFFS, "530302"),
            seen -> id.equals(seen.key()),
            1,
            Duration.ofSeconds(20));
    assertEquals(1, handoffs.size(), "the case file went to the node hosting the unit");
    String file = handoffs.get(0).value();
    assertEquals("cn.gov.petition.case.handed-off", handoffs.get(0).header("ce_type"));
    assertTrue(file.contains("\"toNode\":\"530302\""), file);
    assertFalse(file.contains(idNumber), "on the topic the file is sealed: no ID number");
    assertFalse(file.contains(name), "no name");
    assertFalse(file.contains((String) petition.get("content")), "no content");
    CaseHandedOff sent = json.readValue(file, CaseHandedOff.class);
    assertNull(sent.file(), "no file in clear beside the sealed one");
    CaseHandedOff.CaseFile opened = new HandoffSeal(json, Optional.of(NODE_530302_KEY)).open(sent);
    assertEquals(idNumber, opened.petitioners().get(0).idNumber(), "node 530302 opens it");
    assertTrue(
        opened.steps().stream().anyMatch(st -> st.step().name().equals("ACCEPT")),
        "the open steps travel with their due dates");
    assertThrows(
        IllegalArgumentException.class,
        () -> seal.open(sent),
        "this node's own key does not open a file sealed for another node");

    // only the node hosting the unit acts on the case now
    acceptedByTheHousingBureau(id)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("530302"));

    // the broadcast says the case was forwarded, and names nobody
    List<KafkaProbe.Seen> forwarded =
        kafka.await(
            Topics.CASE_EVENTS,
            seen -> id.equals(seen.key()) && seen.value().contains("\"FORWARDED\""),
            1,
            Duration.ofSeconds(20));
    assertEquals(1, forwarded.size());
    assertFalse(forwarded.get(0).value().contains(idNumber));
    assertFalse(forwarded.get(0).value().contains(name + "\""));

    String handoffId = JSON.readTree(file).get("handoffId").asText();
    kafka.send(
        Topics.forNode(Topics.HANDOFFS, "53"),
        id,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.case.handoff-accepted", "n"),
        """
        {"handoffId":"%s","caseId":"%s","caseNumber":"n","fromNode":"53","toNode":"530302",
         "acceptedAt":"2026-11-24T01:00:03Z"}"""
            .formatted(handoffId, id));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("handoff.acceptedAt", equalTo("2026-11-24T01:00:03Z")));
  }

  /**
   * Issue 30, item 2: every act that moves a case moves it to the right node. The province upholds
   * the county housing bureau's objection and sends the matter to 个旧市's housing bureau, whose node
   * (5325, a region no other test of this module uses, since they share one Kafka) announced
   * itself: the case goes there, sealed, carrying the decision, and is read-only here.
   */
  @Test
  void anUpheldObjectionSendsTheCaseToTheNodeHostingTheNewUnit() throws Exception {
    String gejiuNodeKey = LocalInfrastructure.newHandoffKeyset();
    kafka.send(
        Topics.NODES,
        "5325",
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.node.announced", "5325"),
        """
        {"regionCode":"5325","regionName":"红河哈尼族彝族自治州","announcedAt":"2026-12-01T00:00:00Z",
         "handoffKey":%s,"address":null}"""
            .formatted(
                JSON.writeValueAsString(LocalInfrastructure.publicHandoffKeyset(gejiuNodeKey))));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                nodes
                    .handoffTarget("532501")
                    .map(NodeRegistry.Node::regionCode)
                    .orElse("")
                    .equals("5325"));

    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("status", equalTo("FORWARDED")));
    given()
        .auth()
        .oauth2(HOUSING_BUREAU)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "不属于本单位职权范围。"))
        .when()
        .post("/cases/" + id + "/objection")
        .then()
        .statusCode(200)
        .body("handoff", nullValue());

    given()
        .auth()
        .oauth2(TestTokens.token("yunnan-office", "53:xfj", "53", "supervisor"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "upheld",
                true,
                "unit",
                Map.of("code", "532501:zjj", "name", "个旧市住房和城乡建设局"),
                "reason",
                "该小区属个旧市管辖。"))
        .when()
        .post("/cases/" + id + "/objection-decision")
        .then()
        .statusCode(200)
        .body("handlingUnit.code", equalTo("532501:zjj"))
        .body("handoff.handedToNode", equalTo("5325"));

    List<KafkaProbe.Seen> handoffs =
        kafka.await(
            Topics.forNode(Topics.HANDOFFS, "5325"),
            seen -> id.equals(seen.key()),
            1,
            Duration.ofSeconds(20));
    assertEquals(1, handoffs.size(), "the case file went to the node hosting the new unit");
    CaseHandedOff.CaseFile opened =
        new HandoffSeal(json, Optional.of(gejiuNodeKey))
            .open(json.readValue(handoffs.get(0).value(), CaseHandedOff.class));
    assertEquals("532501:zjj", opened.handlingUnit());
    assertTrue(
        opened.history().stream()
            .anyMatch(
                h ->
                    h.transition().equals("OBJECTION_UPHELD")
                        && "5325".equals(h.details().get("node"))),
        "the file carries the decision that moved it");
    assertTrue(
        opened.steps().stream()
            .anyMatch(
                st -> st.step().name().equals("ACCEPT") && st.unitCode().equals("532501:zjj")),
        "the new unit's acceptance period travels with it");
    // only 5325 acts on it now: here even the new unit is told where the case is
    given()
        .auth()
        .oauth2(TestTokens.token("gejiu-housing", "532501:zjj", "532501", "handler"))
        .contentType(ContentType.JSON)
        .body(Map.of("notice", "已受理"))
        .when()
        .post("/cases/" + id + "/acceptance")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("5325"));
  }

  /**
   * Issue 30, item 1: a subtree's case list gathered from its nodes lists each case once. Asked as
   * one leg of a gathering, this node leaves out the copy it handed to a node asked beside it (that
   * node lists the case); a node below that does not answer is named, and the rest is listed. 大理州
   * (5329) is this test's own region, as no other test of this module announces it.
   */
  @Test
  void aSubtreeListLeavesOutWhatWasHandedToANodeAskedBesideItAndNamesANodeThatDoesNotAnswer()
      throws Exception {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局")
        .node("530302", LocalInfrastructure.publicHandoffKeyset(NODE_530302_KEY))
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("handoff.handedToNode", equalTo("530302")));
    String number = read(id).extract().path("caseNumber");
    String province = TestTokens.token("yunnan-office", "53:xfj", "53", "supervisor");

    listed(province, number, null).body("items.id", hasItem(id)).body("unanswered", hasSize(0));
    listed(province, number, "530302,530302001")
        .body("items", hasSize(0))
        .body("total", equalTo(0));
    listed(province, number, "5325").body("items.id", hasItem(id));
    listed(province, number, "53x")
        .statusCode(400)
        .body("errors[0].field", containsString("excludeHandedTo"));

    // 大理州's node announces a gateway that does not answer: the list names it, and still lists
    announce("5329", "大理白族自治州", "\"http://127.0.0.1:9\"", "2026-12-01T00:00:00Z");
    await().atMost(Duration.ofSeconds(20)).until(() -> nodes.node("5329").address() != null);
    try {
      listed(province, number, null)
          .body("items.id", hasItem(id))
          .body("unanswered", equalTo(List.of("5329")));
      // asked as a leg, it asks no other node
      listed(province, number, "5325").body("unanswered", hasSize(0));
      // a county office's subtree holds no other node
      listed(TestTokens.token("qilin-office", "530302:xfj", "530302", "supervisor"), number, null)
          .body("unanswered", hasSize(0));
    } finally {
      announce("5329", "大理白族自治州", "null", "2026-12-02T00:00:00Z");
      await().atMost(Duration.ofSeconds(20)).until(() -> nodes.node("5329").address() == null);
    }
  }

  /**
   * Issue 30, item 5: the petitioner asks the node they petitioned at about a case it handed on. It
   * answers from its copy, marked as held at the node it went to, whose gateway the gateway asks
   * instead; a one-time code asked of the copy is refused there and nothing is sent.
   */
  @Test
  void aPetitionersQueryOfACaseHandedOnNamesTheNodeThatHoldsItAndNothingIsDoneOnTheCopy()
      throws Exception {
    var registered = Petitions.registered(Petitions.letter());
    String id = registered.path("petitionCase.id");
    String queryCode = registered.path("queryCode");
    // 德宏州's node (a region no other test of this module uses) says where its gateway is
    announce("5331", "德宏傣族景颇族自治州", "\"http://127.0.0.1:9\"", "2026-12-01T00:00:00Z");
    await().atMost(Duration.ofSeconds(20)).until(() -> nodes.node("5331").address() != null);
    try {
      Decisions.route(id, "533102:zjj", "瑞丽市住房和城乡建设局")
          .node("5331", LocalInfrastructure.publicHandoffKeyset(NODE_530302_KEY))
          .send();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> read(id).body("handoff.handedToNode", equalTo("5331")));

      petitionerAsks("", queryCode)
          .statusCode(200)
          .header("Petition-Held-At", equalTo("5331"))
          .header("Petition-Held-At-Address", equalTo("http://127.0.0.1:9"))
          .body("status", equalTo("已转送"));
      petitionerAsks("/one-time-code", queryCode)
          .statusCode(409)
          .contentType("application/problem+json")
          .header("Petition-Held-At", equalTo("5331"))
          .body("detail", containsString("5331"));
      // a case handled here carries no such mark
      petitionerAsks("", Petitions.registered(Petitions.letter()).path("queryCode"))
          .statusCode(200)
          .header("Petition-Held-At", nullValue());
    } finally {
      announce("5331", "德宏傣族景颇族自治州", "null", "2026-12-02T00:00:00Z");
      await().atMost(Duration.ofSeconds(20)).until(() -> nodes.node("5331").address() == null);
    }
  }

  /** A petitioner's call about their case, with its query code alone. */
  private static ValidatableResponse petitionerAsks(String path, String queryCode) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("queryCode", queryCode))
        .when()
        .post("/public/case-status" + path)
        .then();
  }

  private static io.restassured.response.ValidatableResponse listed(
      String token, String caseNumber, String excludeHandedTo) {
    var request = given().auth().oauth2(token).queryParam("caseNumber", caseNumber);
    if (excludeHandedTo != null) {
      request = request.queryParam("excludeHandedTo", excludeHandedTo);
    }
    return request.when().get("/cases").then();
  }

  private void announce(String region, String name, String address, String at) {
    kafka.send(
        Topics.NODES,
        region,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.node.announced", region),
        """
        {"regionCode":"%s","regionName":"%s","announcedAt":"%s","handoffKey":null,"address":%s}"""
            .formatted(region, name, at, address));
  }

  @Test
  void aCaseHandedHereIsTakenOverOnceHoweverOftenTheHandoffArrives() throws Exception {
    String caseId = UUID.randomUUID().toString();
    String handoffId = UUID.randomUUID().toString();
    String caseNumber = "530302001-20261124-" + (10000 + (int) (Math.random() * 89999));
    String handoff = handoff(caseId, handoffId, caseNumber, "53");
    String eventId = UUID.randomUUID().toString();
    String topic = Topics.forNode(Topics.HANDOFFS, "53");
    kafka.send(topic, caseId, headers(eventId), handoff);
    kafka.send(topic, caseId, headers(eventId), handoff); // redelivered
    kafka.send(topic, caseId, headers(UUID.randomUUID().toString()), handoff); // sent again

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(HOUSING_BUREAU)
                    .when()
                    .get("/cases/" + caseId)
                    .then()
                    .statusCode(200)
                    .body("caseNumber", equalTo(caseNumber))
                    .body("status", equalTo("FORWARDED"))
                    .body("handoff.receivedFromNode", equalTo("530302001"))
                    .body("handoff.receivedAt", notNullValue())
                    .body("petitioners[0].name", equalTo("李某某"))
                    .body("steps.find { it.step == 'ACCEPT' }.dueOn", equalTo("2026-12-09")));
    List<KafkaProbe.Seen> receipts =
        kafka.await(
            Topics.forNode(Topics.HANDOFFS, "530302001"),
            seen -> caseId.equals(seen.key()),
            2,
            Duration.ofSeconds(5));
    assertEquals(1, receipts.size(), "one receipt for one handoff, however often it arrived");
    assertTrue(receipts.get(0).value().contains(handoffId));

    // owned here: the unit acts on it here
    given()
        .auth()
        .oauth2(HOUSING_BUREAU)
        .contentType(ContentType.JSON)
        .body(Map.of("notice", "您反映的问题已受理。"))
        .when()
        .post("/cases/" + caseId + "/acceptance")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"));
    given()
        .auth()
        .oauth2(HOUSING_BUREAU)
        .when()
        .get("/cases/" + caseId + "/documents")
        .then()
        .statusCode(200)
        // the registration's receipt, from the case file, and the acceptance notice served here
        .body("kind", equalTo(List.of("RECEIPT", "ACCEPTANCE_NOTICE")));
  }

  @Test
  void aHandoffAddressedToAnotherNodeIsRefusedAndCreatesNothing() throws Exception {
    String caseId = UUID.randomUUID().toString();
    String handoff =
        handoff(caseId, UUID.randomUUID().toString(), "530302001-20261124-00077", "5303");
    refusedAndNothingCreated(caseId, handoff, "5303");
  }

  /** Sends the handoff here; it is parked on the dead-letter topic with the reason, and no case. */
  private void refusedAndNothingCreated(String caseId, String handoff, String reason) {
    kafka.send(
        Topics.forNode(Topics.HANDOFFS, "53"),
        caseId,
        headers(UUID.randomUUID().toString()),
        handoff);
    List<KafkaProbe.Seen> dead =
        kafka.await(
            Topics.forNode(Topics.DEAD_LETTER, "53"),
            seen -> caseId.equals(seen.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, dead.size());
    String why = dead.get(0).header("dead-letter-reason");
    assertTrue(why.contains(reason), why);
    given().auth().oauth2(HOUSING_BUREAU).when().get("/cases/" + caseId).then().statusCode(404);
  }

  /**
   * The golden sample of a handoff, for another case, addressed to {@code toNode}, with a case file
   * sealed for this node (53) as node 530302001 would seal it.
   */
  private String handoff(String caseId, String handoffId, String caseNumber, String toNode)
      throws Exception {
    return handoff(caseId, handoffId, caseNumber, toNode, handoffId);
  }

  /** The same, its file sealed for the handoff {@code sealedFor} (another one to test a copy). */
  private String handoff(
      String caseId, String handoffId, String caseNumber, String toNode, String sealedFor)
      throws Exception {
    CaseHandedOff.CaseFile file;
    try (InputStream in = HandoffTest.class.getResourceAsStream("/handoff-case-file.json")) {
      file = json.readValue(in, CaseHandedOff.CaseFile.class);
    }
    try (InputStream in =
        HandoffTest.class.getResourceAsStream(
            "/events/samples/cn.gov.petition.case.handed-off.json")) {
      ObjectNode sample = (ObjectNode) JSON.readTree(in);
      sample.put("caseId", caseId);
      sample.put("handoffId", handoffId);
      sample.put("caseNumber", caseNumber);
      sample.put("toNode", toNode);
      sample.put(
          "sealedFile",
          seal.seal(file, LocalInfrastructure.publicHandoffKeyset(ownKey), sealedFor, toNode));
      return JSON.writeValueAsString(sample);
    }
  }

  @Test
  void aSealedFileCopiedIntoAnotherHandoffDoesNotOpenAndCreatesNothing() throws Exception {
    String caseId = UUID.randomUUID().toString();
    String handoff =
        handoff(
            caseId,
            UUID.randomUUID().toString(),
            "530302001-20261124-00078",
            "53",
            UUID.randomUUID().toString());
    refusedAndNothingCreated(caseId, handoff, "does not open");
  }

  @Test
  void aCaseWhoseNodeAnnouncedNoKeyStaysHereAndIsNotHandedOffInClear() {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").node("530302", null).send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                read(id)
                    .body("status", equalTo("FORWARDED"))
                    .body("handoff", nullValue())
                    .body("handlingUnit.code", equalTo("530302:zjj")));
    // owned here: the unit acts on it at this node
    acceptedByTheHousingBureau(id).statusCode(200);
  }

  private static Map<String, String> headers(String eventId) {
    return KafkaProbe.cloudEventHeaders(eventId, "cn.gov.petition.case.handed-off", "n");
  }

  private static ValidatableResponse read(String id) {
    return Petitions.read(id);
  }

  /** The 麒麟区住建局 accepts the case at this node. */
  private static ValidatableResponse acceptedByTheHousingBureau(String id) {
    return given()
        .auth()
        .oauth2(HOUSING_BUREAU)
        .contentType(ContentType.JSON)
        .body(Map.of("notice", "已受理"))
        .when()
        .post("/cases/" + id + "/acceptance")
        .then();
  }
}
