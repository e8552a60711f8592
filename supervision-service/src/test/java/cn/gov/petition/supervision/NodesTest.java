package cn.gov.petition.supervision;

import static cn.gov.petition.contracts.Step.ACCEPT;
import static cn.gov.petition.supervision.CaseEvents.progress;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.common.nodes.NodeRegistry;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: a province of nodes, seen from the province's supervision (this test's node is 53). 宣威市
 * (530381) runs a node of its own: the warnings of its units' steps are its to publish, so a
 * subscriber hears each once; the province still marks them on its board; and the province's
 * gateway learns here that the case file is held there.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class NodesTest {

  private static final String XUANWEI = "530381";
  private static final String XUANWEI_GATEWAY = "https://xfj.xuanwei.example.gov.cn";

  @Inject TestClock clock;
  @Inject DeadlineWatch watch;
  @Inject NodeRegistry nodes;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());
  private final String province =
      TestTokens.token("yunnan-office", "53:xfj", "53", "supervisor", "joint-office");
  private final String county =
      TestTokens.token("qilin-supervisor", "530302:xfj", "530302", "supervisor");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void onlyTheNodeHostingAStepsUnitPublishesItsAlertsAndTheProvinceStillMarksItsBoard() {
    xuanweiAnnounced();

    String theirs = UUID.randomUUID().toString();
    String ours = UUID.randomUUID().toString();
    clock.setToday(LocalDate.parse("2026-12-01"));
    progress(theirs, "FORWARDED")
        .matter(XUANWEI)
        .unit(XUANWEI + ":zjj")
        .opens(ACCEPT, "2026-12-09")
        .send();
    // 曲靖市 itself runs no node here: the province hosts its units
    progress(ours, "FORWARDED").matter("5303").unit("5303:zjj").opens(ACCEPT, "2026-12-09").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              clocksOf(theirs).body("$", hasSize(1));
              clocksOf(ours).body("$", hasSize(1));
            });

    clock.setToday(LocalDate.parse("2026-12-06"));
    watch.sweep();

    assertEquals(
        1,
        kafka
            .await(Topics.SUPERVISION_EVENTS, s -> ours.equals(s.key()), 1, Duration.ofSeconds(15))
            .size(),
        "the province publishes the warning of a unit it hosts");
    clocksOf(theirs).body("[0].stage", equalTo("WARNED"));
    assertEquals(
        0,
        kafka
            .await(Topics.SUPERVISION_EVENTS, s -> theirs.equals(s.key()), 1, Duration.ofSeconds(2))
            .size(),
        "宣威市's node speaks for its own units' steps, not the province");

    // where each case file is held, for the province's gateway
    holderOf(theirs, province)
        .statusCode(200)
        .body("node", equalTo(XUANWEI))
        .body("address", equalTo(XUANWEI_GATEWAY))
        .body("unitCode", equalTo(XUANWEI + ":zjj"));
    holderOf(ours, province)
        .statusCode(200)
        .body("node", equalTo("53"))
        .body("address", nullValue());
    // a county office of another county does not learn of it
    holderOf(theirs, county)
        .statusCode(404)
        .contentType(containsString("problem+json"))
        .body("detail", containsString(theirs));
    holderOf("not-a-case", province).statusCode(400).contentType(containsString("problem+json"));
  }

  /**
   * Issue 30, item 3: a letter 宣威市's node issued to one of its units is held there; the province
   * follows it from the broadcast (without its reason or answer) and learns where to read it.
   */
  @Test
  void aLetterIssuedAtAnotherNodeIsListedHereNamingItsNodeAndFollowedToItsAnswer() {
    xuanweiAnnounced();
    String letterId = UUID.randomUUID().toString();
    String caseId = UUID.randomUUID().toString();
    letterChanged(letterId, caseId, "ISSUED", "null", XUANWEI);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                letters(province)
                    .body("find { it.id == '" + letterId + "' }.heldAt", equalTo(XUANWEI))
                    .body("find { it.id == '" + letterId + "' }.status", equalTo("OUTSTANDING"))
                    .body("find { it.id == '" + letterId + "' }.reason", nullValue())
                    .body(
                        "find { it.id == '" + letterId + "' }.number", equalTo("宣威市信访督〔2026〕7号")));
    given()
        .auth()
        .oauth2(province)
        .when()
        .get("/letters/" + letterId + "/holder")
        .then()
        .statusCode(200)
        .body("node", equalTo(XUANWEI))
        .body("address", equalTo(XUANWEI_GATEWAY));
    // the letter itself is read at 宣威市's node, not here
    given().auth().oauth2(province).when().get("/letters/" + letterId).then().statusCode(404);
    // an office of another county neither sees it nor learns where it is
    letters(county).body("id", not(hasItem(letterId)));
    given()
        .auth()
        .oauth2(county)
        .when()
        .get("/letters/" + letterId + "/holder")
        .then()
        .statusCode(404);

    letterChanged(letterId, caseId, "ANSWERED", "false", XUANWEI);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                letters(province)
                    .body("find { it.id == '" + letterId + "' }.status", equalTo("ANSWERED"))
                    .body(
                        "find { it.id == '" + letterId + "' }.answeredOn", equalTo("2026-12-04")));
    letters(province).body("findAll { it.id == '" + letterId + "' }.size()", equalTo(1));

    // a sender that does not name the node: the registry's host of the issuer's region
    String older = UUID.randomUUID().toString();
    letterChanged(older, caseId, "ISSUED", "null", null);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                letters(province)
                    .body("find { it.id == '" + older + "' }.heldAt", equalTo(XUANWEI)));
  }

  /**
   * Issue 30, item 3: a backlog entry 宣威市's level listed for a case of one of its units is held at
   * its node; the province follows it from the broadcast (without leader, team, plan or report),
   * learns where to read it, and sees it crossed off; an accusation's entry only by those who may
   * hear of one.
   */
  @Test
  void aBacklogEntryListedAtAnotherNodeIsListedHereNamingItsNodeAndFollowedUntilCrossedOff() {
    xuanweiAnnounced();
    String entryId = UUID.randomUUID().toString();
    String accusationId = UUID.randomUUID().toString();
    backlogChanged(entryId, "LISTED", false);
    backlogChanged(accusationId, "LISTED", true);
    String entry = "find { it.id == '" + entryId + "' }";
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                backlog(province)
                    .body(entry + ".heldAt", equalTo(XUANWEI))
                    .body(entry + ".status", equalTo("OPEN"))
                    .body(entry + ".unitCode", equalTo(XUANWEI + ":zjj"))
                    .body(entry + ".grounds", equalTo(List.of("OVERDUE")))
                    .body(entry + ".plan", nullValue())
                    .body(entry + ".leaderName", nullValue())
                    .body("id", hasItem(accusationId)));
    given()
        .auth()
        .oauth2(province)
        .when()
        .get("/backlog/" + entryId + "/holder")
        .then()
        .statusCode(200)
        .body("node", equalTo(XUANWEI))
        .body("address", equalTo(XUANWEI_GATEWAY));
    // the entry itself is read at 宣威市's node, not here
    given().auth().oauth2(province).when().get("/backlog/" + entryId).then().statusCode(404);
    // a leader sees the entry but not that an accusation is on the list
    String leader = TestTokens.token("yunnan-leader", "53:zf", "53", "leader");
    backlog(leader).body("id", hasItem(entryId)).body("id", not(hasItem(accusationId)));
    given()
        .auth()
        .oauth2(leader)
        .when()
        .get("/backlog/" + accusationId + "/holder")
        .then()
        .statusCode(404);
    // an office of another county neither sees it nor learns where it is
    backlog(county).body("id", not(hasItem(entryId)));
    given()
        .auth()
        .oauth2(county)
        .when()
        .get("/backlog/" + entryId + "/holder")
        .then()
        .statusCode(404);

    backlogChanged(entryId, "CROSSED_OFF", false);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                backlog(province)
                    .body(entry + ".status", equalTo("CROSSED_OFF"))
                    .body(entry + ".resolution", equalTo("PROBLEM_SOLVED"))
                    .body(entry + ".crossedOffOn", equalTo("2026-12-04")));
    backlog(province).body("findAll { it.id == '" + entryId + "' }.size()", equalTo(1));
  }

  /**
   * Issue 30, item 3: a township 宣威市's level listed is held at its node; the province follows it
   * from the broadcast (without reason, report or findings) through its report to its close.
   */
  @Test
  void aListingPlacedAtAnotherNodeIsListedHereNamingItsNodeAndFollowedUntilClosed() {
    xuanweiAnnounced();
    String listingId = UUID.randomUUID().toString();
    listingChanged(listingId, "LISTED", "2026-12-01");
    String listing = "find { it.id == '" + listingId + "' }";
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                listings(province)
                    .body(listing + ".heldAt", equalTo(XUANWEI))
                    .body(listing + ".status", equalTo("LISTED"))
                    .body(listing + ".target", equalTo(XUANWEI + "001"))
                    .body(listing + ".reason", nullValue()));
    given()
        .auth()
        .oauth2(province)
        .when()
        .get("/listings/" + listingId + "/holder")
        .then()
        .statusCode(200)
        .body("node", equalTo(XUANWEI))
        .body("address", equalTo(XUANWEI_GATEWAY));
    given().auth().oauth2(province).when().get("/listings/" + listingId).then().statusCode(404);
    listings(county).body("id", not(hasItem(listingId)));
    given()
        .auth()
        .oauth2(county)
        .when()
        .get("/listings/" + listingId + "/holder")
        .then()
        .statusCode(404);

    listingChanged(listingId, "REPORTED", "2027-01-20");
    listingChanged(listingId, "CLOSED", "2027-03-05");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                listings(province)
                    .body(listing + ".status", equalTo("CLOSED"))
                    .body(listing + ".reportedOn", equalTo("2027-01-20"))
                    .body(listing + ".closedOn", equalTo("2027-03-05")));
    listings(province).body("findAll { it.id == '" + listingId + "' }.size()", equalTo(1));
  }

  private io.restassured.response.ValidatableResponse listings(String token) {
    return given().auth().oauth2(token).when().get("/listings").then().statusCode(200);
  }

  private void listingChanged(String listingId, String change, String on) {
    kafka.send(
        Topics.SUPERVISION_EVENTS,
        listingId,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.supervision.listing-changed", listingId),
        """
        {"listingId":"%s","target":"530381001","targetRegion":"530381001",
         "listingRegion":"530381","listedOn":"2026-12-01","rectifyBy":"2027-02-28",
         "change":"%s","on":"%s","node":"530381"}"""
            .formatted(listingId, change, on));
  }

  private io.restassured.response.ValidatableResponse backlog(String token) {
    return given().auth().oauth2(token).when().get("/backlog").then().statusCode(200);
  }

  private void backlogChanged(String entryId, String change, boolean accusation) {
    boolean crossed = change.equals("CROSSED_OFF");
    kafka.send(
        Topics.SUPERVISION_EVENTS,
        entryId,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.supervision.backlog-changed", entryId),
        """
        {"backlogId":"%s","caseId":"%s","caseNumber":"530381-20261101-00002",
         "unitRegionCode":"530381","listingRegion":"530381","grounds":["OVERDUE"],
         "listedOn":"2026-12-01","resolveBy":"2027-03-31","change":"%s","resolution":%s,
         "on":"%s","unitCode":"530381:zjj","accusation":%s,"node":"530381"}"""
            .formatted(
                entryId,
                UUID.randomUUID(),
                change,
                crossed ? "\"PROBLEM_SOLVED\"" : "null",
                crossed ? "2026-12-04" : "2026-12-01",
                accusation));
  }

  private io.restassured.response.ValidatableResponse letters(String token) {
    return given().auth().oauth2(token).when().get("/letters").then().statusCode(200);
  }

  private void letterChanged(
      String letterId, String caseId, String change, String answeredLate, String node) {
    kafka.send(
        Topics.SUPERVISION_EVENTS,
        letterId,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.supervision.letter-changed", letterId),
        """
        {"letterId":"%s","number":"宣威市信访督〔2026〕7号","kind":"SUPERVISION_ORDER",
         "issuerUnit":"530381:xfj","issuerRegion":"530381","recipientUnit":"530381:zjj",
         "recipientRegion":"530381","caseIds":["%s"],"caseNumbers":["530381-20261201-00001"],
         "issuedOn":"2026-12-01","replyDueOn":"2026-12-08","change":"%s",
         "answeredLate":%s,"escalatedTo":null,"on":"%s","accusation":false%s}"""
            .formatted(
                letterId,
                caseId,
                change,
                answeredLate,
                change.equals("ISSUED") ? "2026-12-01" : "2026-12-04",
                node == null ? "" : ",\"node\":\"" + node + "\""));
  }

  /** 宣威市's node announces itself, and the registry here knows it hosts 宣威市's units. */
  private void xuanweiAnnounced() {
    announce(XUANWEI, XUANWEI_GATEWAY);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                nodes
                    .hostOf(XUANWEI + "001")
                    .map(NodeRegistry.Node::regionCode)
                    .orElse("")
                    .equals(XUANWEI));
  }

  private void announce(String region, String address) {
    kafka.send(
        Topics.NODES,
        region,
        KafkaProbe.cloudEventHeaders(
            UUID.randomUUID().toString(), "cn.gov.petition.node.announced", region),
        """
        {"regionCode":"%s","regionName":"宣威市","announcedAt":"2026-12-01T00:00:00Z",
         "handoffKey":null,"address":"%s"}"""
            .formatted(region, address));
  }

  private io.restassured.response.ValidatableResponse clocksOf(String caseId) {
    return given()
        .auth()
        .oauth2(province)
        .queryParam("caseId", caseId)
        .when()
        .get("/clocks")
        .then()
        .statusCode(200);
  }

  private io.restassured.response.ValidatableResponse holderOf(String caseId, String token) {
    return given().auth().oauth2(token).when().get("/cases/" + caseId + "/holder").then();
  }
}
