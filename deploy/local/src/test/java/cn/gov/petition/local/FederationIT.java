package cn.gov.petition.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.Identities;
import cn.gov.petition.infra.TraceCollector;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Four nodes on one Kafka, as a province whose every level runs its own: 云南省 (53), 曲靖市 (5303), 麒麟区
 * (530302) and 南宁街道 (530302001), each with its own database and services, started by the same code
 * as {@code deploy/petition up --nodes}. A case registered at the township node that the county has
 * authority over is handed to the county node, handled there, seen without personal data by the
 * city's and the province's supervision, and read by their offices through their own gateways.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final List<String> NODES = List.of("53", "5303", "530302", "530302001");
  private static Platform platform;
  private static Path runDirectory;
  private static Platform.Node province;
  private static Platform.Node city;
  private static Platform.Node county;
  private static Platform.Node township;
  private static String townshipRegistrar;
  private static String townshipSupervisor;
  private static String countyHousingBureau;
  private static String cityOffice;
  private static String provinceOffice;
  private static String auditor;

  @BeforeAll
  static void startNodes() throws Exception {
    Path root = TestRuns.projectRoot();
    runDirectory = TestRuns.newRunDirectory("federation-it-");
    // the county publishes its statistics snapshot every few seconds, not every minute: the
    // province's figures below wait for it
    platform =
        Platform.start(
            root,
            runDirectory,
            NODES,
            0,
            TestRuns.DURABILITY,
            Map.of("petition.analytics.snapshots.every", "3s"));
    province = platform.node("53");
    city = platform.node("5303");
    county = platform.node("530302");
    township = platform.node("530302001");
    HttpClient http = HttpClient.newHttpClient();
    townshipRegistrar = DemoData.token(http, township.gatewayUrl(), "nanning-registrar");
    townshipSupervisor = DemoData.token(http, township.gatewayUrl(), "nanning-supervisor");
    countyHousingBureau = DemoData.token(http, county.gatewayUrl(), "qilin-handler");
    cityOffice = DemoData.token(http, city.gatewayUrl(), "qujing-office");
    provinceOffice = DemoData.token(http, province.gatewayUrl(), "yunnan-office");
    auditor = DemoData.token(http, province.gatewayUrl(), "yunnan-auditor");
    // the township's routing must have learned of the county node before it routes
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .baseUri(township.gatewayUrl())
                    .auth()
                    .oauth2(townshipRegistrar)
                    .when()
                    .get("/api/routing/nodes")
                    .then()
                    .statusCode(200)
                    .body("nodes.regionCode", hasItem("530302")));
  }

  @AfterAll
  static void stopNodes() {
    if (platform != null) {
      platform.close();
      TestRuns.deleteInfrastructure(runDirectory);
    }
  }

  @Test
  @Order(1)
  void aCaseRegisteredAtTheTownshipIsHandledAtTheCountyAndSupervisedAbove() {
    Map<String, Object> petition = heatingComplaint();
    String name = petitionerOf(petition).get("name").toString();
    String idNumber = petitionerOf(petition).get("idNumber").toString();
    String caseId = register(petition);

    // the county node owns it now, with the petitioner, for its housing bureau
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                caseAt(county, countyHousingBureau, caseId)
                    .statusCode(200)
                    .body("status", equalTo("FORWARDED"))
                    .body("handlingUnit.code", equalTo("530302:zjj"))
                    .body("handoff.receivedFromNode", equalTo("530302001"))
                    .body("petitioners[0].name", equalTo(name)));
    // the township keeps a read-only copy that says where the case went, confirmed
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                caseAt(township, townshipRegistrar, caseId)
                    .statusCode(200)
                    .body("handoff.handedToNode", equalTo("530302"))
                    .body("handoff.acceptedAt", notNullValue())
                    .body("routingExplanation", containsString("案卷移交该节点")));

    // on the shared cluster the case file travelled sealed for the county node alone
    var handoffs =
        new cn.gov.petition.infra.KafkaProbe(platform.infrastructure().kafka().bootstrapServers())
            .await(
                "petition.handoffs.530302",
                seen -> caseId.equals(seen.key()) && seen.value().contains("sealedFile"),
                1,
                Duration.ofSeconds(30));
    assertEquals(1, handoffs.size(), "the handoff is on the county node's topic");
    String record = handoffs.get(0).value();
    assertFalse(record.contains(idNumber), "no ID number on the topic: " + record.length());
    assertFalse(record.contains(name), "no name on the topic");
    assertFalse(record.contains("供暖"), "no petition text on the topic");

    accept(township, caseId).statusCode(409).body("detail", containsString("530302"));
    accept(county, caseId).statusCode(200).body("status", equalTo("ACCEPTED"));

    // city and province supervision see the clock of the county's handling, and nobody's name
    for (var supervisor :
        List.of(Map.entry(city, cityOffice), Map.entry(province, provinceOffice))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  clocks(supervisor.getKey(), supervisor.getValue(), caseId)
                      .body("find { it.step == 'HANDLE' }.unitCode", equalTo("530302:zjj"))
                      .body("find { it.step == 'HANDLE' }.status", equalTo("OPEN")));
      String body = clocks(supervisor.getKey(), supervisor.getValue(), caseId).extract().asString();
      assertFalse(body.contains(name), "no petitioner's name in supervision");
      assertFalse(body.contains(idNumber), "no ID number in supervision");
      assertFalse(body.contains("供暖"), "no petition text in supervision");
    }
    // the city's and the province's offices read the county's case file through their own
    // gateway, relayed to the county node with their own token: the file as the county holds it,
    // the petitioner masked as for any office outside the units handling it
    for (var office : List.of(Map.entry(city, cityOffice), Map.entry(province, provinceOffice))) {
      String read =
          caseAt(office.getKey(), office.getValue(), caseId)
              .statusCode(200)
              .body("status", equalTo("ACCEPTED"))
              .body("handlingUnit.code", equalTo("530302:zjj"))
              .body("content", containsString("供暖"))
              .extract()
              .asString();
      assertFalse(read.contains(name), "the petitioner's name masked above the county");
      assertFalse(read.contains(idNumber), "the ID number masked above the county");
    }
    // the township's supervisor is no office above the county's case: not found, not relayed
    caseAt(city, townshipSupervisor, caseId).statusCode(404);
    // both gateways record the read, each naming the other node
    for (var side : List.of(Map.entry(city, "530302"), Map.entry(county, "5303"))) {
      given()
          .baseUri(side.getKey().gatewayUrl())
          .auth()
          .oauth2(auditor)
          .queryParam("caseId", caseId)
          .queryParam("user", "qujing-office")
          .when()
          .get("/audit/entries")
          .then()
          .statusCode(200)
          .body("find { it.path == 'cases/" + caseId + "' }.node", equalTo(side.getValue()))
          .body("find { it.path == 'cases/" + caseId + "' }.status", equalTo(200));
    }
  }

  @Test
  @Order(2)
  void aHandoffSentWhileTheReceivingIntakeIsDownIsTakenOverWhenItIsBack() {
    county.stop("intake-service");
    String caseId;
    try {
      caseId = register(heatingComplaint());
      awaitWaitingForTheCounty(caseId);
      // handed off and not yet taken over: nobody acts on it in between
      accept(township, caseId).statusCode(409);
    } finally {
      county.restart(List.of("intake-service"));
    }
    awaitTakenOverByTheCounty(caseId);
    accept(county, caseId).statusCode(200);
    accept(township, caseId).statusCode(409);
    // the township's supervision keeps only its own clock (the forwarding), not the county's
    clocks(township, townshipSupervisor, caseId)
        .body("step", hasItem("FORWARD"))
        .body("step", not(hasItem("HANDLE")));
  }

  @Test
  @Order(3)
  void theProvinceShowsTheCountyNodesFiguresFromItsSnapshotsAndTheyAgreeWithItsOwn() {
    String today = LocalDate.now(CHINA).toString();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonPath exchanged = statistics("/statistics/exchanged", today);
              assertEquals("530302", exchanged.getString("sourceNode"));
              JsonPath own = statistics("/statistics/indicators", today);
              assertTrue(exchanged.getLong("petitions") >= 2, "both petitions of this test");
              assertEquals(own.getLong("figures.petitions"), exchanged.getLong("petitions"));
              JsonPath rates = statistics("/statistics/rates", today);
              List<String> reported = exchanged.getList("rates.rate");
              assertTrue(reported.contains("REPEAT_PETITIONS"), reported.toString());
              for (String rate : reported) {
                String at = "rates.find { it.rate == '" + rate + "' }";
                assertEquals(
                    rates.getLong(at + ".numerator"), exchanged.getLong(at + ".numerator"));
                assertEquals(
                    rates.getLong(at + ".denominator"), exchanged.getLong(at + ".denominator"));
              }
            });
  }

  /**
   * Issue 23: the official calendar is loaded once, at the province's node, and every node counts
   * with it. A county case's provisional handling period is recounted at the county node, which
   * owns it, and the city's supervision follows.
   */
  @Test
  @Order(4)
  void aHolidayNoticeLoadedAtTheProvinceReachesEveryNodeAndTheCountyRecountsItsCase()
      throws Exception {
    String caseId = register(heatingComplaint());
    awaitTakenOverByTheCounty(caseId);
    String handle = "steps.find { it.step == 'HANDLE' }.";
    var accepted = accept(county, caseId).statusCode(200).extract();
    LocalDate due = LocalDate.parse(accepted.path(handle + "dueOn"));
    assertEquals(Boolean.TRUE, accepted.path(handle + "provisional"), "past the shipped calendar");
    LocalDate expected = due.plusDays(1);
    while (expected.getDayOfWeek().getValue() > 5) {
      expected = expected.plusDays(1);
    }
    Map<String, Object> notice =
        Map.of(
            "year",
            due.getYear(),
            "noticeNumber",
            "测试〔" + due.getYear() + "〕2号",
            "title",
            "联邦测试通知",
            "days",
            List.of(Map.of("date", due.toString(), "kind", "holiday", "name", "测试")));

    // only the province's node loads a notice
    HttpClient http = HttpClient.newHttpClient();
    given()
        .baseUri(county.gatewayUrl())
        .auth()
        .oauth2(DemoData.token(http, county.gatewayUrl(), "yunnan-admin"))
        .contentType(ContentType.JSON)
        .body(notice)
        .when()
        .post("/api/intake/calendar/notices")
        .then()
        .statusCode(409)
        .body("detail", containsString("province"));
    int version =
        given()
            .baseUri(province.gatewayUrl())
            .auth()
            .oauth2(DemoData.token(http, province.gatewayUrl(), "yunnan-admin"))
            .contentType(ContentType.JSON)
            .body(notice)
            .when()
            .post("/api/intake/calendar/notices")
            .then()
            .statusCode(201)
            .extract()
            .path("version");

    for (Platform.Node node : List.of(city, county, township)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  given()
                      .baseUri(node.gatewayUrl())
                      .auth()
                      .oauth2(countyHousingBureau)
                      .when()
                      .get("/api/intake/calendar")
                      .then()
                      .statusCode(200)
                      .body("version", equalTo(version))
                      .body("versions[0].node", equalTo("53")));
    }
    String moved = expected.toString();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                caseAt(county, countyHousingBureau, caseId)
                    .statusCode(200)
                    .body(handle + "dueOn", equalTo(moved))
                    .body(handle + "provisional", equalTo(false)));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                clocks(city, cityOffice, caseId)
                    .body("find { it.step == 'HANDLE' }.dueOn", equalTo(moved))
                    .body("find { it.step == 'HANDLE' }.provisional", equalTo(false)));
  }

  /** The province's analytics about 麒麟区 (530302) for one day. */
  private static JsonPath statistics(String path, String day) {
    return given()
        .baseUri(province.gatewayUrl())
        .auth()
        .oauth2(provinceOffice)
        .queryParam("region", "530302")
        .queryParam("period", day)
        .when()
        .get("/api/analytics" + path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /**
   * Issue 26: a petition registered at the township's gateway is one trace through the township's
   * intake and routing, across the handoff, into the county node's intake and supervision; the
   * local collector finds it by the case id, and no span in it names the petitioner or the matter.
   */
  @Test
  @Order(5)
  void aPetitionIsOneTraceFromTheTownshipGatewayIntoTheCountyNode() {
    Map<String, Object> petition = heatingComplaint();
    String name = petitionerOf(petition).get("name").toString();
    String idNumber = petitionerOf(petition).get("idNumber").toString();
    String caseId = register(petition);
    TraceCollector collector = platform.infrastructure().traces();
    List<String> expected =
        List.of(
            "gateway@530302001",
            "intake-service@530302001",
            "routing-service@530302001",
            "intake-service@530302",
            "supervision-service@530302");
    // the services export their spans in batches, every few seconds; the gateway's request span
    // ends last (after the answer), so it may come in a later batch than the rest
    List<TraceCollector.TraceSpan> trace =
        await("one trace from the township gateway's request into the county's supervision")
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    collector.tracesOfCase(caseId).stream()
                        .map(collector::trace)
                        .filter(spans -> where(spans).containsAll(expected))
                        .filter(
                            spans ->
                                spans.stream()
                                    .anyMatch(
                                        span ->
                                            span.kind().equals("SERVER")
                                                && span.service().equals("gateway")))
                        .findFirst()
                        .orElse(null),
                notNullValue());
    System.out.println("The trace of case " + caseId + ":");
    trace.forEach(
        span ->
            System.out.printf(
                "  %-10s %-20s %-9s %s%n", span.node(), span.service(), span.kind(), span.name()));
    String text = trace.toString();
    assertFalse(text.contains(name), "no petitioner's name in a span");
    assertFalse(text.contains(idNumber), "no ID number in a span");
    assertFalse(text.contains("供暖"), "no petition text in a span");
  }

  /**
   * Issue 30, item 7: the county's node stops, every service and its gateway. The township goes on
   * registering and hands the county its cases, which wait in Kafka; the city's supervision goes on
   * from the broadcast, and its office reading such a case is told the county's node does not
   * answer, and finds it in its list as the township handed it, the county named as silent. Back,
   * the county takes each case over once.
   */
  @Test
  @Order(6)
  void aNodeThatStopsFindsWhatWasAddressedToItWaitingAndTakesEachOnce() {
    List<String> parts = Platform.Node.modules();
    parts.forEach(county::stop);
    List<String> waiting;
    try {
      waiting = List.of(register(heatingComplaint()), register(heatingComplaint()));
      for (String caseId : waiting) {
        awaitWaitingForTheCounty(caseId);
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    clocks(city, cityOffice, caseId)
                        .body("find { it.step == 'ACCEPT' }.unitCode", equalTo("530302:zjj")));
        caseAt(city, cityOffice, caseId)
            .statusCode(503)
            .contentType(containsString("problem+json"))
            .body("detail", containsString("530302"));
        // the city's list names the silent node and shows the township's copy handed to it
        String number = caseAt(township, townshipRegistrar, caseId).extract().path("caseNumber");
        casesAt(city, cityOffice, number)
            .body("unanswered", equalTo(List.of("530302")))
            .body("items", hasSize(1))
            .body("items[0].handedToNode", equalTo("530302"));
      }
    } finally {
      county.restart(parts);
    }
    for (String caseId : waiting) {
      awaitTakenOverByTheCounty(caseId);
      given()
          .baseUri(county.gatewayUrl())
          .auth()
          .oauth2(countyHousingBureau)
          .when()
          .get("/api/intake/cases/" + caseId + "/history")
          .then()
          .statusCode(200)
          .body("findAll { it.transition == 'FORWARDED' }.size()", equalTo(1));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  clocks(county, countyHousingBureau, caseId)
                      .body("findAll { it.step == 'ACCEPT' }.size()", equalTo(1)));
      caseAt(city, cityOffice, caseId).statusCode(200).body("status", equalTo("FORWARDED"));
    }
  }

  /**
   * Issue 30's walk (its Done-when), and item 2: an act that moves a case moves it to the right
   * node. Registered at the township and handed to the county, the county's housing bureau objects;
   * the city office, through its own gateway, upholds the objection (the act is relayed to the
   * county node, which holds the case) and sends the matter to 沾益区's housing bureau, a unit the
   * city node hosts (沾益区 runs no node): the county hands the case to the city, and 沾益区's bureau
   * accepts it there. The province supervises it with a 督办函, answered through the city's gateway;
   * the bureau answers the petitioner, the city's 信访局 reviews (复查), and every level reads it as its
   * role allows, the petitioner at the township where they petitioned.
   */
  @Test
  @Order(7)
  void aCaseWalksFromTheTownshipThroughAnObjectionARerouteALetterAndAReviewReadAtEveryLevel()
      throws Exception {
    Map<String, Object> petition = heatingComplaint();
    String name = petitionerOf(petition).get("name").toString();
    var registered = registered(petition);
    String caseId = registered.path("petitionCase.id");
    String queryCode = registered.path("queryCode");
    awaitTakenOverByTheCounty(caseId);
    given()
        .baseUri(county.gatewayUrl())
        .auth()
        .oauth2(countyHousingBureau)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "该小区供暖设施属沾益区管理。"))
        .when()
        .post("/api/intake/cases/" + caseId + "/objection")
        .then()
        .statusCode(200)
        .body("status", equalTo("OBJECTED"));
    // the city's supervision knows the case and its unit: it tells the city's gateway where it is
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                clocks(city, cityOffice, caseId)
                    .body("find { it.step == 'ACCEPT' }.unitCode", equalTo("530302:zjj")));

    given()
        .baseUri(city.gatewayUrl())
        .auth()
        .oauth2(cityOffice)
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            Map.of(
                "upheld",
                true,
                "unit",
                Map.of("code", "530303:zjj", "name", "沾益区住房和城乡建设局"),
                "reason",
                "经核实，该小区属沾益区。"))
        .when()
        .post("/api/intake/cases/" + caseId + "/objection-decision")
        .then()
        .statusCode(200)
        .body("handlingUnit.code", equalTo("530303:zjj"))
        .body("handoff.handedToNode", equalTo("5303"));

    // the city node holds the case now, for 沾益区's bureau, which accepts it there
    String zhanyiHousingBureau =
        DemoData.token(HttpClient.newHttpClient(), city.gatewayUrl(), "zhanyi-handler");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                caseAt(city, zhanyiHousingBureau, caseId)
                    .statusCode(200)
                    .body("status", equalTo("FORWARDED"))
                    .body("handlingUnit.code", equalTo("530303:zjj"))
                    .body("handoff.receivedFromNode", equalTo("530302")));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                caseAt(county, countyHousingBureau, caseId)
                    .body("handoff.handedToNode", equalTo("5303"))
                    .body("handoff.acceptedAt", notNullValue()));
    accept(city, zhanyiHousingBureau, caseId).statusCode(200).body("status", equalTo("ACCEPTED"));
    // issue 30, item 5: the petitioner asks the township, where they petitioned, and sees the case
    // as the city holds it: the township's copy is two handoffs behind, and its gateway asks the
    // county's, which asks the city's
    petitionerAsks(township, "", queryCode)
        .statusCode(200)
        .header("Petition-Held-At", nullValue())
        .body("status", equalTo("已受理"))
        .body("handlingUnit", equalTo("沾益区住房和城乡建设局"));
    // an act is the holder's to refuse or do: no evaluation is open at the city, nothing is done
    // on a copy
    petitionerAsks(township, "/one-time-code", queryCode)
        .statusCode(409)
        .body("detail", containsString("ACCEPTED"))
        .body("detail", not(containsString("530302")));
    // each gateway on the way recorded the query: the township's naming the node it asked, the
    // county's and the city's the node that asked them
    for (var side :
        List.of(
            Map.entry(township, "530302"),
            Map.entry(county, "530302001"),
            Map.entry(city, "530302"))) {
      given()
          .baseUri(side.getKey().gatewayUrl())
          .auth()
          .oauth2(auditor)
          .queryParam("user", "public")
          .when()
          .get("/audit/entries")
          .then()
          .statusCode(200)
          .body("find { it.path == 'public/case-status' }.node", equalTo(side.getValue()))
          .body("find { it.path == 'public/case-status' }.status", equalTo(200));
    }
    // the county keeps a read-only copy: even the new unit is told the case is at the city node
    accept(county, zhanyiHousingBureau, caseId)
        .statusCode(409)
        .body("detail", containsString("5303"));
    // the city's gateway recorded the relayed decision, naming the county node
    given()
        .baseUri(city.gatewayUrl())
        .auth()
        .oauth2(auditor)
        .queryParam("caseId", caseId)
        .queryParam("user", "qujing-office")
        .when()
        .get("/audit/entries")
        .then()
        .statusCode(200)
        .body(
            "find { it.path == 'cases/" + caseId + "/objection-decision' }.node",
            equalTo("530302"));

    // the province supervises 沾益区's bureau with a 督办函, held at the province's node and answered
    // through the city's gateway, the node hosting the bureau
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                clocks(province, provinceOffice, caseId)
                    .body("find { it.step == 'HANDLE' }.unitCode", equalTo("530303:zjj")));
    String letterId = letterFromTheProvince("530303:zjj", caseId, "请于期限内书面回复供暖投诉办理进展。");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                lettersAt(city, zhanyiHousingBureau)
                    .body("find { it.id == '" + letterId + "' }.heldAt", equalTo("53")));
    answerLetter(city, zhanyiHousingBureau, letterId, "已入户核查，正在制定整改方案。");
    lettersAt(province, provinceOffice)
        .body("find { it.id == '" + letterId + "' }.status", equalTo("ANSWERED"));

    // the bureau answers the petitioner; the city's 信访局 receives the request for review (复查),
    // one level up, at the node that holds the case already, and reviews
    String cityHandler =
        DemoData.token(HttpClient.newHttpClient(), city.gatewayUrl(), "qujing-handler");
    act(city, zhanyiHousingBureau, caseId, "opinion", opinion())
        .statusCode(200)
        .body("status", equalTo("OPINION_ISSUED"));
    act(
            city,
            cityHandler,
            caseId,
            "review-request",
            Map.of("receivedOn", LocalDate.now(CHINA).toString(), "reasons", "对处理意见不服。"))
        .statusCode(200)
        .body("status", equalTo("REVIEW_REQUESTED"))
        .body("reviewUnit", equalTo("5303:xfj"))
        .body("handoff.handedToNode", nullValue());
    act(city, cityHandler, caseId, "review-opinion", opinion())
        .statusCode(200)
        .body("status", equalTo("REVIEWED"));

    // read at every level, each as its role allows: the reviewing office sees the petitioner; the
    // province's office reads the file through its gateway, the petitioner masked; 麒麟区's bureau
    // and the township keep their copies, saying where the case went; the petitioner sees the
    // review's opinion at the township
    caseAt(city, cityHandler, caseId).statusCode(200).body("petitioners[0].name", equalTo(name));
    String atTheProvince =
        caseAt(province, provinceOffice, caseId)
            .statusCode(200)
            .body("status", equalTo("REVIEWED"))
            .body("reviewUnit", equalTo("5303:xfj"))
            .extract()
            .asString();
    assertFalse(atTheProvince.contains(name), "the petitioner's name masked at the province");
    caseAt(county, countyHousingBureau, caseId)
        .statusCode(200)
        .body("handoff.handedToNode", equalTo("5303"));
    caseAt(township, townshipRegistrar, caseId)
        .statusCode(200)
        .body("handoff.handedToNode", equalTo("530302"));
    petitionerAsks(township, "", queryCode)
        .statusCode(200)
        .body("status", equalTo("已出具复查意见"))
        .body("documents.title", hasItem(containsString("复查意见书")));
  }

  /**
   * Issue 30, item 3: a 督办函 the province issues to the county's housing bureau is held at the
   * province's node; the bureau finds it in its own node's list, reads it and answers it there
   * through its own gateway (relayed to the province), and both sides follow it to its answer.
   */
  @Test
  @Order(8)
  void aLetterFromTheProvinceIsReadAndAnsweredThroughTheCountysOwnGateway() {
    String caseId = register(heatingComplaint());
    awaitTakenOverByTheCounty(caseId);
    // the province's supervision knows the step the county's bureau owes
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                clocks(province, provinceOffice, caseId)
                    .body("find { it.step == 'ACCEPT' }.unitCode", equalTo("530302:zjj")));
    String letterId = letterFromTheProvince("530302:zjj", caseId, "供暖投诉受理告知尚未送达，请于期限内书面回复。");

    // the county's node lists it, naming the province's node that holds it
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                lettersAt(county, countyHousingBureau)
                    .body("find { it.id == '" + letterId + "' }.heldAt", equalTo("53"))
                    .body("find { it.id == '" + letterId + "' }.status", equalTo("OUTSTANDING")));
    // read and answered at the county's gateway, done at the province's node
    given()
        .baseUri(county.gatewayUrl())
        .auth()
        .oauth2(countyHousingBureau)
        .when()
        .get("/api/supervision/letters/" + letterId)
        .then()
        .statusCode(200)
        .body("reason", containsString("受理告知"));
    answerLetter(county, countyHousingBureau, letterId, "已于今日送达受理告知书。");
    lettersAt(province, provinceOffice)
        .body("find { it.id == '" + letterId + "' }.status", equalTo("ANSWERED"))
        .body("find { it.id == '" + letterId + "' }.answer", containsString("受理告知书"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                lettersAt(county, countyHousingBureau)
                    .body("find { it.id == '" + letterId + "' }.status", equalTo("ANSWERED")));
    // the province's gateway recorded the answer as come from the county's node
    given()
        .baseUri(province.gatewayUrl())
        .auth()
        .oauth2(auditor)
        .queryParam("user", "qilin-handler")
        .when()
        .get("/audit/entries")
        .then()
        .statusCode(200)
        .body("find { it.path == 'letters/" + letterId + "/answer' }.node", equalTo("530302"));
  }

  /**
   * Issue 30, item 3 for listings: the city lists the county's housing bureau (挂牌督办); the county's
   * office sees it in its own node, reads it and reports on its rectification through its own
   * gateway; the city reviews it at its node and takes it off the list, and the county sees it
   * closed.
   */
  @Test
  @Order(9)
  void aListingByTheCityIsReportedOnThroughTheCountysGatewayAndClosedOnBothSides()
      throws Exception {
    String countyOffice =
        DemoData.token(HttpClient.newHttpClient(), county.gatewayUrl(), "qilin-supervisor");
    String listingId =
        given()
            .baseUri(city.gatewayUrl())
            .auth()
            .oauth2(cityOffice)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "target",
                    "530302:zjj",
                    "reason",
                    "供暖投诉按期受理率连续两月低于全市平均",
                    "rectifyBy",
                    LocalDate.now(CHINA).plusMonths(2).toString()))
            .when()
            .post("/api/supervision/listings")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String listing = "find { it.id == '" + listingId + "' }";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                listingsAt(county, countyOffice)
                    .body(listing + ".heldAt", equalTo("5303"))
                    .body(listing + ".status", equalTo("LISTED")));
    given()
        .baseUri(county.gatewayUrl())
        .auth()
        .oauth2(countyOffice)
        .when()
        .get("/api/supervision/listings/" + listingId)
        .then()
        .statusCode(200)
        .body("reason", containsString("按期受理率"));
    given()
        .baseUri(county.gatewayUrl())
        .auth()
        .oauth2(countyOffice)
        .contentType(ContentType.JSON)
        .body(Map.of("report", "住建局已逐件回访供暖投诉，受理告知当日送达。"))
        .when()
        .post("/api/supervision/listings/" + listingId + "/report")
        .then()
        .statusCode(200)
        .body("report", containsString("逐件回访"));
    listingsAt(city, cityOffice).body(listing + ".report", containsString("逐件回访"));
    given()
        .baseUri(city.gatewayUrl())
        .auth()
        .oauth2(cityOffice)
        .contentType(ContentType.JSON)
        .body(Map.of("passed", true, "findings", "按期受理率已达标"))
        .when()
        .post("/api/supervision/listings/" + listingId + "/reviews")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                listingsAt(county, countyOffice)
                    .body(listing + ".status", equalTo("CLOSED"))
                    .body(listing + ".reportedOn", equalTo(LocalDate.now(CHINA).toString())));
  }

  /**
   * Issue 30, item 1: the case list of an office whose subtree holds other nodes is gathered from
   * them. A case registered at the township and held by the county is listed once at the province
   * and at the city, as the county holds it; the township's own list shows its copy, naming the
   * county's node.
   */
  @Test
  @Order(10)
  void aSubtreesCaseListIsGatheredFromItsNodesEachCaseOnce() {
    String caseId = register(heatingComplaint());
    awaitTakenOverByTheCounty(caseId);
    String number = caseAt(county, countyHousingBureau, caseId).extract().path("caseNumber");
    for (var office : List.of(Map.entry(province, provinceOffice), Map.entry(city, cityOffice))) {
      casesAt(office.getKey(), office.getValue(), number)
          .body("total", equalTo(1))
          .body("unanswered", hasSize(0))
          .body("items", hasSize(1))
          .body("items[0].id", equalTo(caseId))
          .body("items[0].handedToNode", nullValue())
          .body("items[0].responsibleUnit", equalTo("530302:zjj"));
    }
    casesAt(township, townshipSupervisor, number)
        .body("items", hasSize(1))
        .body("items[0].handedToNode", equalTo("530302"));
  }

  private static ValidatableResponse casesAt(Platform.Node node, String token, String number) {
    return given()
        .baseUri(node.gatewayUrl())
        .auth()
        .oauth2(token)
        .queryParam("caseNumber", number)
        .when()
        .get("/api/intake/cases")
        .then()
        .statusCode(200);
  }

  private static ValidatableResponse listingsAt(Platform.Node node, String token) {
    return given()
        .baseUri(node.gatewayUrl())
        .auth()
        .oauth2(token)
        .when()
        .get("/api/supervision/listings")
        .then()
        .statusCode(200);
  }

  /** A 督办函 the province's office issues to a unit about a case, due in a week; its id. */
  private static String letterFromTheProvince(String recipientUnit, String caseId, String reason) {
    return given()
        .baseUri(province.gatewayUrl())
        .auth()
        .oauth2(provinceOffice)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "kind",
                "SUPERVISION_ORDER",
                "recipientUnit",
                recipientUnit,
                "caseIds",
                List.of(caseId),
                "reason",
                reason,
                "replyDueOn",
                LocalDate.now(CHINA).plusDays(7).toString()))
        .when()
        .post("/api/supervision/letters")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The recipient answers a letter through its own node's gateway. */
  private static void answerLetter(
      Platform.Node node, String token, String letterId, String answer) {
    given()
        .baseUri(node.gatewayUrl())
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("answer", answer))
        .when()
        .post("/api/supervision/letters/" + letterId + "/answer")
        .then()
        .statusCode(200)
        .body("status", equalTo("ANSWERED"));
  }

  /** An act on a case (POST cases/{id}/{act}) through a node's gateway. */
  private static ValidatableResponse act(
      Platform.Node node, String token, String caseId, String act, Map<String, Object> body) {
    return given()
        .baseUri(node.gatewayUrl())
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/intake/cases/" + caseId + "/" + act)
        .then();
  }

  /** A 处理意见 (or 复查意见) explaining the matter, served today. */
  private static Map<String, Object> opinion() {
    return Map.of(
        "outcome",
        "EXPLAINED",
        "request",
        "要求解决小区供暖不达标问题。",
        "facts",
        "经核查，供热管网老化。",
        "reasons",
        "已纳入明年改造计划。",
        "legalBasis",
        "《城市供热管理办法》");
  }

  private static ValidatableResponse lettersAt(Platform.Node node, String token) {
    return given()
        .baseUri(node.gatewayUrl())
        .auth()
        .oauth2(token)
        .when()
        .get("/api/supervision/letters")
        .then()
        .statusCode(200);
  }

  /** Where each span of a trace ran: service@node. */
  private static java.util.Set<String> where(List<TraceCollector.TraceSpan> spans) {
    return spans.stream()
        .map(span -> span.service() + "@" + span.node())
        .collect(java.util.stream.Collectors.toSet());
  }

  /** 供暖 (0105): the county's housing bureau has authority; the township has none. */
  private static Map<String, Object> heatingComplaint() {
    int serial = Identities.nextSerial();
    return Map.of(
        "channel",
        "LETTER",
        "receivedOn",
        LocalDate.now(CHINA).toString(),
        "matterRegionCode",
        "530302001",
        "petitionClass",
        "APPEAL",
        "purpose",
        "SEEK_SOLUTION",
        "category",
        "0105",
        "content",
        "小区供暖温度长期不达标，第 " + serial + " 号楼尤甚。",
        "personCount",
        1,
        "petitioners",
        List.of(
            Map.of(
                "name",
                "赵" + "甲乙丙丁戊己庚辛壬癸".charAt(serial % 10),
                "idNumber",
                Identities.residentId("530302", serial),
                "phone",
                Identities.mobile(serial),
                "address",
                "云南省曲靖市麒麟区南宁街道建设路" + serial + "号")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> petitionerOf(Map<String, Object> petition) {
    return ((List<Map<String, Object>>) petition.get("petitioners")).get(0);
  }

  /** A petitioner's call about their case at a node's gateway, with its query code alone. */
  private static ValidatableResponse petitionerAsks(
      Platform.Node node, String path, String queryCode) {
    return given()
        .baseUri(node.gatewayUrl())
        .contentType(ContentType.JSON)
        .body(Map.of("queryCode", queryCode))
        .when()
        .post("/public/case-status" + path)
        .then();
  }

  private static String register(Map<String, Object> body) {
    return registered(body).path("petitionCase.id");
  }

  /** Registered at the township: the case and its query code. */
  private static io.restassured.response.ExtractableResponse<io.restassured.response.Response>
      registered(Map<String, Object> body) {
    return given()
        .baseUri(township.gatewayUrl())
        .auth()
        .oauth2(townshipRegistrar)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/intake/cases")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract();
  }

  /** The township handed the case to the county node, which has not taken it over yet. */
  private static void awaitWaitingForTheCounty(String caseId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                caseAt(township, townshipRegistrar, caseId)
                    .statusCode(200)
                    .body("handoff.handedToNode", equalTo("530302"))
                    .body("handoff.acceptedAt", nullValue()));
  }

  /** The county node holds the case, forwarded to it, and the township has its receipt. */
  private static void awaitTakenOverByTheCounty(String caseId) {
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                caseAt(county, countyHousingBureau, caseId)
                    .statusCode(200)
                    .body("status", equalTo("FORWARDED")));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                caseAt(township, townshipRegistrar, caseId)
                    .body("handoff.acceptedAt", notNullValue()));
  }

  private static ValidatableResponse caseAt(Platform.Node node, String token, String caseId) {
    return given()
        .baseUri(node.gatewayUrl())
        .auth()
        .oauth2(token)
        .when()
        .get("/api/intake/cases/" + caseId)
        .then();
  }

  /** The county's housing bureau accepts the case at {@code node}. */
  private static ValidatableResponse accept(Platform.Node node, String caseId) {
    return accept(node, countyHousingBureau, caseId);
  }

  private static ValidatableResponse accept(Platform.Node node, String token, String caseId) {
    return given()
        .baseUri(node.gatewayUrl())
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("notice", "您反映的供暖问题已受理。"))
        .when()
        .post("/api/intake/cases/" + caseId + "/acceptance")
        .then();
  }

  private static ValidatableResponse clocks(Platform.Node node, String token, String caseId) {
    return given()
        .baseUri(node.gatewayUrl())
        .auth()
        .oauth2(token)
        .queryParam("caseId", caseId)
        .when()
        .get("/api/supervision/clocks")
        .then()
        .statusCode(200);
  }
}
