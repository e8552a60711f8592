package cn.gov.petition.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * The whole node as a user runs it: real PostgreSQL, real Kafka, the four services and the gateway,
 * each in its own JVM, started by the same code as the run command.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static Platform platform;
  private static Path runDirectory;
  private static String registrar;
  private static String countySupervisor;
  private static String cityOffice;

  @BeforeAll
  static void startPlatform() throws Exception {
    Path root = TestRuns.projectRoot();
    runDirectory = TestRuns.newRunDirectory("platform-it-");
    platform = Platform.start(root, runDirectory, "53", 0, TestRuns.DURABILITY);
    HttpClient http = HttpClient.newHttpClient();
    registrar = DemoData.token(http, platform.gatewayUrl(), "qilin-registrar");
    countySupervisor = DemoData.token(http, platform.gatewayUrl(), "qilin-supervisor");
    cityOffice = DemoData.token(http, platform.gatewayUrl(), "qujing-office");
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
      TestRuns.deleteInfrastructure(runDirectory);
    }
  }

  private static String register(Map<String, Object> body) {
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/intake/cases")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.startsWith("/api/intake/cases/"))
        .extract()
        .path("petitionCase.id");
  }

  private static long volume(String region) {
    return Visits.countedToday(platform.gatewayUrl(), cityOffice, region);
  }

  private static io.restassured.response.ValidatableResponse clocksSeenByTheCountySupervisor(
      String caseId) {
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(countySupervisor)
        .queryParam("caseId", caseId)
        .when()
        .get("/api/supervision/clocks")
        .then()
        .statusCode(200);
  }

  private static Response awaitAssigned(String caseId, Duration within) {
    List<Response> last = new ArrayList<>(1);
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Response response =
                  given()
                      .baseUri(platform.gatewayUrl())
                      .auth()
                      .oauth2(registrar)
                      .when()
                      .get("/api/intake/cases/" + caseId);
              last.clear();
              last.add(response);
              return response.statusCode() == 200 && "FORWARDED".equals(response.path("status"));
            });
    return last.get(0);
  }

  @Test
  @Order(1)
  void aPetitionPostedAtTheGatewayIsRoutedSupervisedAndCounted() {
    long before = volume("530302");
    String caseId = register(Visits.visit("530302001", "工地拖欠工资，请求协调。"));

    Response assigned = awaitAssigned(caseId, Duration.ofSeconds(60));
    // 拖欠劳动报酬 (0201): the county's labour bureau, the lowest level that has one
    assertEquals("530302:rsj", assigned.path("handlingUnit.code"));
    assertEquals("麒麟区人力资源和社会保障局", assigned.path("handlingUnit.name"));
    LocalDate due = LocalDate.parse(assigned.path("steps.find { it.step == 'ACCEPT' }.dueOn"));
    LocalDate assignedOn = LocalDate.parse(assigned.path("assignedOn"));
    assertFalse(
        due.isBefore(assignedOn.plusDays(15)), "15 days at least, later if it ends on a rest day");
    assertTrue(due.isBefore(assignedOn.plusDays(15 + 10)), "no holiday run is longer than 9 days");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                clocksSeenByTheCountySupervisor(caseId)
                    .body("find { it.step == 'FORWARD' }.status", equalTo("ON_TIME"))
                    .body("find { it.step == 'ACCEPT' }.status", equalTo("OPEN"))
                    .body("find { it.step == 'ACCEPT' }.dueOn", equalTo(due.toString())));

    await().atMost(Duration.ofSeconds(30)).until(() -> volume("530302") == before + 1);
  }

  @Test
  @Order(2)
  void aCaseReadOutsideTheRegisteringUnitHasItsPersonalDataMasked() {
    Map<String, Object> petition = Visits.visit("530302002", "拆迁补偿未到位。");
    @SuppressWarnings("unchecked")
    String idNumber =
        (String) ((List<Map<String, Object>>) petition.get("petitioners")).get(0).get("idNumber");
    String caseId = register(petition);
    awaitAssigned(caseId, Duration.ofSeconds(60));
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(cityOffice)
        .when()
        .get("/api/intake/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("petitioners[0].name", equalTo("王*"))
        .body("petitioners[0].idNumber", equalTo("5303**********" + idNumber.substring(14)))
        .body("handlingUnit", notNullValue());
  }

  @Test
  @Order(2)
  void everyViewOfPersonalDataIsInTheAuditTrailWithWhoAndWhy() throws Exception {
    String caseId = register(Visits.visit("530302002", "噪声扰民，夜间施工。"));
    awaitAssigned(caseId, Duration.ofSeconds(60));
    // the registering unit sees the petitioner; the city's office reads the masked case
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .header("Access-Reason", java.net.URLEncoder.encode("回访信访人", "UTF-8"))
        .when()
        .get("/api/intake/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("petitioners[0].name", equalTo("王五"))
        .header("Petition-Personal-Data", org.hamcrest.Matchers.nullValue());
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(cityOffice)
        .when()
        .get("/api/intake/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("petitioners[0].name", equalTo("王*"));

    String auditor =
        DemoData.token(HttpClient.newHttpClient(), platform.gatewayUrl(), "yunnan-auditor");
    List<Map<String, Object>> entries =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(auditor)
            .queryParam("caseId", caseId)
            .when()
            .get("/audit/entries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    Map<String, Object> registrarsView =
        entries.stream()
            .filter(e -> "qilin-registrar".equals(e.get("user")) && "GET".equals(e.get("method")))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the registrar's reading is not recorded: " + entries));
    assertEquals(true, registrarsView.get("personalData"));
    assertEquals("回访信访人", registrarsView.get("reason"));
    assertEquals("530302:xfj", registrarsView.get("unit"));
    assertEquals(200, registrarsView.get("status"));
    Map<String, Object> officesView =
        entries.stream()
            .filter(e -> "qujing-office".equals(e.get("user")))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("the office's reading is not recorded: " + entries));
    assertEquals(false, officesView.get("personalData"), "the office saw the case masked");
    assertFalse(entries.toString().contains("王五"), "no personal data in the trail");
    // only the views of personal data, when the auditor asks for them
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(auditor)
        .queryParam("caseId", caseId)
        .queryParam("personalData", true)
        .when()
        .get("/audit/entries")
        .then()
        .statusCode(200)
        .body("personalData", org.hamcrest.Matchers.everyItem(equalTo(true)))
        .body("user", org.hamcrest.Matchers.hasItem("qilin-registrar"))
        .body("user", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("qujing-office")));

    // a search by the petitioner's ID number: in the trail with its reason, never the number
    String idNumber = registeredIdNumber(caseId);
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .header("Access-Reason", java.net.URLEncoder.encode("核查重复访", "UTF-8"))
        .contentType(ContentType.JSON)
        .body(Map.of("idNumber", idNumber))
        .when()
        .post("/api/intake/cases/by-person")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.hasItem(caseId));
    List<Map<String, Object>> searches =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(auditor)
            .queryParam("user", "qilin-registrar")
            .queryParam("personalData", true)
            .when()
            .get("/audit/entries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.path == 'cases/by-person' }");
    assertFalse(searches.isEmpty(), "the search by petitioner is not in the trail");
    assertEquals("核查重复访", searches.get(0).get("reason"));
    assertFalse(searches.toString().contains(idNumber), "no ID number in the trail");
  }

  /**
   * The ID number the case's petitioner was registered with, as its registering office reads it.
   */
  private String registeredIdNumber(String caseId) {
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .when()
        .get("/api/intake/cases/" + caseId)
        .then()
        .statusCode(200)
        .extract()
        .path("petitioners[0].idNumber");
  }

  @Test
  @Order(2)
  void theGatewayServesOneApiDocumentOfEveryService() {
    given()
        .baseUri(platform.gatewayUrl())
        .when()
        .get("/openapi")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/intake/cases/{id}"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/routing/units/{code}"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/supervision/clocks"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/analytics/statistics/bulletin"))
        .body("paths", org.hamcrest.Matchers.hasKey("/audit/entries"))
        .body("'x-unavailable'", org.hamcrest.Matchers.nullValue());
  }

  @Test
  @Order(2)
  void thePetitionerFollowsTheCaseAtTheGatewayWithTheQueryCodeAloneAndSeesNoPersonalData() {
    String queryCode =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(registrar)
            .contentType(ContentType.JSON)
            .body(Visits.visit("530302002", "道路积水严重。"))
            .when()
            .post("/api/intake/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("queryCode");
    String answer =
        given()
            .baseUri(platform.gatewayUrl())
            .contentType(ContentType.JSON)
            .body(Map.of("queryCode", queryCode))
            .when()
            .post("/public/case-status")
            .then()
            .statusCode(200)
            .body("caseNumber", notNullValue())
            .extract()
            .asString();
    assertFalse(answer.contains("王五"), "no petitioner name for an anonymous reader");
    assertFalse(answer.contains("道路积水"), "no content for an anonymous reader");
    given().baseUri(platform.gatewayUrl()).when().get("/api/intake/cases").then().statusCode(401);
  }

  /**
   * Issue 26: what the alert rules (deploy/k8s/monitoring) watch is exported by the node's
   * services: every gauge they name is there from the start (the counters, {@code ..._total},
   * appear with their first increment).
   */
  @Test
  @Order(1)
  void everyGaugeTheAlertRulesWatchIsExportedByTheNode() throws Exception {
    String rules =
        java.nio.file.Files.readString(
            TestRuns.projectRoot().resolve("deploy/k8s/monitoring/petition-alerts.yaml"));
    StringBuilder exported = new StringBuilder();
    Map<String, String> services =
        new java.util.LinkedHashMap<>(platform.nodes().get(0).serviceUrls());
    services.put("gateway", platform.gatewayUrl());
    for (String url : services.values()) {
      exported.append(
          given().baseUri(url).get("/q/metrics").then().statusCode(200).extract().asString());
    }
    var names =
        java.util.regex.Pattern.compile("\\b((?:petition|kafka)_[a-z_]+)\\b").matcher(rules);
    int gauges = 0;
    while (names.find()) {
      String name = names.group(1);
      if (!name.endsWith("_total")) {
        gauges++;
        assertTrue(
            exported
                .toString()
                .lines()
                .anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")),
            name + " is exported by a service of the node");
      }
    }
    assertTrue(
        gauges >= 5, "the rules watch the outbox, the consumers, the watch and the calendar");
  }

  @Test
  @Order(2)
  void theDemoDataLoadsThroughTheGatewayOnceAndAgainChangesNothing() throws Exception {
    assertEquals(10, DemoData.load(platform.gatewayUrl()), "every demo petition is valid");
    assertEquals(0, DemoData.load(platform.gatewayUrl()), "a second start registers nothing");
    // a year of former cases, through the import (the demo's are DemoData.HISTORY)
    LocalDate today = LocalDate.now(CHINA);
    var quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    assertEquals(100, DemoData.history(platform, runDirectory, today, 100, quiet), "all valid");
    assertEquals(0, DemoData.history(platform, runDirectory, today, 100, quiet), "once only");
  }

  @Test
  @Order(3)
  void aKafkaOutageOf30SecondsDuringIntakeLosesNoCase() {
    long before = volume("5303");
    platform.infrastructure().kafka().stop();
    List<String> registeredDuringOutage = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        registeredDuringOutage.add(register(Visits.visit("530302003", "停电期间登记的第 " + i + " 件。")));
      }
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } finally {
      platform.infrastructure().kafka().start();
    }
    routedClockedAndCountedOnce(registeredDuringOutage, before);
  }

  /**
   * Each case is routed to the county's human-resources bureau, its acceptance clock is open in
   * supervision, and analytics counts each once: the city's count moved by exactly their number.
   */
  private static void routedClockedAndCountedOnce(List<String> caseIds, long countedBefore) {
    for (String caseId : caseIds) {
      assertEquals(
          "530302:rsj", awaitAssigned(caseId, Duration.ofSeconds(120)).path("handlingUnit.code"));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  clocksSeenByTheCountySupervisor(caseId)
                      .body("find { it.step == 'ACCEPT' }.status", equalTo("OPEN")));
    }
    long expected = countedBefore + caseIds.size();
    await().atMost(Duration.ofSeconds(60)).until(() -> volume("5303") >= expected);
    assertEquals(expected, volume("5303"), "every case counted once, none twice");
  }

  private static String ratesOf(String region) {
    LocalDate today = LocalDate.now(CHINA);
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(cityOffice)
        .queryParam("region", region)
        .queryParam("from", today.minusDays(60).toString())
        .queryParam("to", today.plusDays(60).toString())
        .when()
        .get("/api/analytics/statistics/rates")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  /**
   * Issue 23 on the real stack: a handling period accepted today ends 60 days later, past the last
   * day of the official days the platform ships (2026); it is provisional until an administrator
   * loads that year's notice, and then intake recounts it, and supervision's clock and analytics'
   * fact take the new date from intake's event. The notice here is a test notice that makes the
   * provisional last day a holiday.
   */
  @Test
  @Order(3)
  void aProvisionalDueDateIsRecountedWhenTheNoticeIsLoadedAndSupervisionAndAnalyticsFollow()
      throws Exception {
    Map<String, Object> heating = new java.util.HashMap<>(Visits.visit("530302001", "小区供暖不达标。"));
    heating.put("category", "0105"); // 供暖: the county's housing bureau, qilin-handler's unit
    String caseId = register(heating);
    awaitAssigned(caseId, Duration.ofSeconds(60));
    String handler =
        DemoData.token(HttpClient.newHttpClient(), platform.gatewayUrl(), "qilin-handler");
    Response accepted =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(handler)
            .contentType(ContentType.JSON)
            .body(Map.of("notice", "已受理"))
            .when()
            .post("/api/intake/cases/" + caseId + "/acceptance")
            .then()
            .statusCode(200)
            .extract()
            .response();
    String handle = "steps.find { it.step == 'HANDLE' }.";
    LocalDate due = LocalDate.parse(accepted.path(handle + "dueOn"));
    // from 2026-11-02 on, 60 days always end after 2026-12-31, the shipped calendar's last day
    assertTrue(
        Boolean.TRUE.equals(accepted.path(handle + "provisional")),
        "due " + due + " is past the shipped calendar and so provisional");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                clocksSeenByTheCountySupervisor(caseId)
                    .body("find { it.step == 'HANDLE' }.provisional", equalTo(true)));

    // the last day becomes a holiday: the period ends on the next weekday
    LocalDate expected = due.plusDays(1);
    while (expected.getDayOfWeek().getValue() > 5) {
      expected = expected.plusDays(1);
    }
    String admin =
        DemoData.token(HttpClient.newHttpClient(), platform.gatewayUrl(), "yunnan-admin");
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "year",
                due.getYear(),
                "noticeNumber",
                "测试〔" + due.getYear() + "〕1号",
                "title",
                "端到端测试通知",
                "days",
                List.of(Map.of("date", due.toString(), "kind", "holiday", "name", "测试"))))
        .when()
        .post("/api/intake/calendar/notices")
        .then()
        .statusCode(201)
        .body(
            "changes.find { it.caseId == '" + caseId + "' }.newDueOn",
            equalTo(expected.toString()));

    String moved = expected.toString();
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(handler)
        .when()
        .get("/api/intake/cases/" + caseId)
        .then()
        .statusCode(200)
        .body(handle + "dueOn", equalTo(moved))
        .body(handle + "provisional", equalTo(false));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                clocksSeenByTheCountySupervisor(caseId)
                    .body("find { it.step == 'HANDLE' }.dueOn", equalTo(moved))
                    .body("find { it.step == 'HANDLE' }.provisional", equalTo(false))
                    .body("find { it.step == 'HANDLE' }.calendarVersion", equalTo(2)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> moved.equals(analyticsDueOn(caseId, "HANDLE")));
  }

  /** The due date analytics holds for a case's open step (read from its own schema). */
  private static String analyticsDueOn(String caseId, String step) throws Exception {
    try (var db =
            java.sql.DriverManager.getConnection(
                platform.infrastructure().postgres().jdbcUrl("petition_53"),
                cn.gov.petition.infra.PostgresServer.USER,
                cn.gov.petition.infra.PostgresServer.PASSWORD);
        var query =
            db.prepareStatement(
                "SELECT due_on FROM analytics.step_fact WHERE case_id = ?::uuid AND step = ?"
                    + " AND done_on IS NULL")) {
      query.setString(1, caseId);
      query.setString(2, step);
      try (var rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /**
   * Issue 30, item 6: supervision and analytics started empty on the same Kafka (schemas dropped,
   * consumer offsets forgotten) rebuild every table as it was: the records the node's offices made
   * from the node's journal (ADR 37), the rest from the event log read again from its start. The
   * statistics give the same figures, to the digit.
   */
  @Test
  @Order(4)
  void supervisionAndAnalyticsStartedEmptyRebuildEveryTableFromKafka() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String administrator = DemoData.token(http, platform.gatewayUrl(), "yunnan-admin");
    String caseId = register(Visits.visit("530302001", "重建测试：工地拖欠工资，请求协调。"));
    awaitAssigned(caseId, Duration.ofSeconds(60));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                clocksSeenByTheCountySupervisor(caseId)
                    .body("find { it.step == 'ACCEPT' }.status", equalTo("OPEN")));
    // what the offices make: a letter, a listing, a reception day, the roster, a rule's version
    String letter =
        act(
                cityOffice,
                "post",
                "/api/supervision/letters",
                Map.of(
                    "kind", "RISK_REMINDER",
                    "recipientUnit", "530302:rsj",
                    "caseIds", List.of(caseId),
                    "reason", "重建测试：欠薪案件临近春节，防止矛盾激化。",
                    "replyDueOn", LocalDate.now(CHINA).plusDays(5).toString()))
            .statusCode(201)
            .extract()
            .path("id");
    act(
            cityOffice,
            "post",
            "/api/supervision/listings",
            Map.of(
                "target",
                "530302002",
                "reason",
                "重建测试：重复信访居全市前列",
                "rectifyBy",
                LocalDate.now(CHINA).plusDays(60).toString()))
        .statusCode(201);
    act(
            cityOffice,
            "post",
            "/api/supervision/receptions",
            Map.of(
                "leader", "麒麟区区长",
                "post", "区长",
                "region", "530302",
                "plannedOn", LocalDate.now(CHINA).plusDays(3).toString(),
                "place", "区人民来访接待中心"))
        .statusCode(201);
    act(
            cityOffice,
            "post",
            "/api/supervision/reception-leaders",
            Map.of("leader", "麒麟区区长", "post", "区长", "region", "530302"))
        .statusCode(201);
    act(
            administrator,
            "put",
            "/api/analytics/warning-rules/moving-up",
            Map.of(
                "version", 1, "enabled", true, "parameters", Map.of("days", 60), "reason", "重建测试"))
        .statusCode(200);
    long volume = volume("5303");
    String rates = ratesOf("5303");
    assertTrue(volume > 0, "the earlier tests registered cases");

    Platform.Node node = platform.node("53");
    String database = platform.infrastructure().postgres().jdbcUrl("petition_53");
    List<String> schemas = List.of("supervision", "analytics");
    // everything they wrote has reached Kafka, the journals above all; then they stop
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                NodeTables.outboxEmpty(database, "supervision")
                    && NodeTables.outboxEmpty(database, "analytics"));
    node.stop("supervision-service");
    node.stop("analytics-service");
    Map<String, String> before = new java.util.TreeMap<>();
    Map<String, java.util.Set<String>> grown = new java.util.TreeMap<>();
    for (String schema : schemas) {
      assertTrue(NodeTables.outboxEmpty(database, schema), schema + ": nothing left unpublished");
      before.putAll(NodeTables.contents(database, schema));
      for (String table : NodeTables.GROWING) {
        grown.put(schema + "." + table, NodeTables.rows(database, schema, table));
      }
    }
    assertTrue(before.get("supervision.supervision_letter").contains(letter), "the letter");
    assertTrue(before.get("analytics.warning_rule").contains("重建测试"), "the rule's version");

    NodeTables.dropSchemas(database, schemas);
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", platform.infrastructure().kafka().bootstrapServers()))) {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .ignoreExceptions()
          .until(
              () -> {
                admin
                    .deleteConsumerGroups(List.of("53.supervision-service", "53.analytics-service"))
                    .all()
                    .get();
                return true;
              });
    }
    node.restart(List.of("supervision-service", "analytics-service"));

    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(3))
        .ignoreExceptionsInstanceOf(java.sql.SQLException.class)
        .untilAsserted(
            () -> {
              Map<String, String> after = new java.util.TreeMap<>();
              for (String schema : schemas) {
                after.putAll(NodeTables.contents(database, schema));
              }
              assertEquals(before.keySet(), after.keySet(), "the same tables");
              assertEquals(
                  List.of(),
                  before.keySet().stream()
                      .filter(table -> !before.get(table).equals(after.get(table)))
                      .map(table -> NodeTables.firstDifference(table, before, after))
                      .toList(),
                  "every table row for row");
              for (String table : grown.keySet()) {
                String[] name = table.split("\\.");
                java.util.Set<String> now = NodeTables.rows(database, name[0], name[1]);
                assertTrue(now.containsAll(grown.get(table)), table + ": every row it had");
              }
            });
    assertEquals(volume, volume("5303"));
    assertEquals(rates, ratesOf("5303"), "the same figures, to the digit");
  }

  /** A call through the gateway with a JSON body. */
  private static io.restassured.response.ValidatableResponse act(
      String token, String method, String path, Map<String, ?> body) {
    var request =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(body)
            .when();
    return (method.equals("put") ? request.put(path) : request.post(path)).then();
  }

  /**
   * Issue 26: the run command supervises what it starts. A service, the Kafka broker and PostgreSQL
   * are each killed with SIGKILL, as a crash or the OOM killer would; the supervisor starts each
   * again on its port and data, and a petition registered before the kills and one after are both
   * routed, clocked and counted once.
   */
  @Test
  @Order(5)
  void aServiceKafkaAndPostgresKilledWithSigkillAreStartedAgainAndNothingIsLost() {
    long before = volume("5303");
    String earlier = register(Visits.visit("530302003", "进程重启前登记的信访件。"));
    awaitAssigned(earlier, Duration.ofSeconds(60));
    Platform.Node node = platform.nodes().get(0);

    killAndAwaitRestart("node 53 routing-service", node.pid("routing-service"));
    node.awaitReady("routing-service");
    killAndAwaitRestart("kafka", platform.infrastructure().kafka().pid());
    killAndAwaitRestart("postgresql", platform.infrastructure().postgres().pid());

    // registered once PostgreSQL takes commits again; the key makes a retry the same petition
    String key = "sigkill-" + UUID.randomUUID();
    String[] later = new String[1];
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                later[0] =
                    given()
                        .baseUri(platform.gatewayUrl())
                        .auth()
                        .oauth2(registrar)
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(Visits.visit("530302003", "进程重启后登记的信访件。"))
                        .post("/api/intake/cases")
                        .then()
                        .statusCode(org.hamcrest.Matchers.either(equalTo(201)).or(equalTo(200)))
                        .extract()
                        .path("petitionCase.id"));
    routedClockedAndCountedOnce(List.of(earlier, later[0]), before);
  }

  /**
   * Issue 26: a service that runs but no longer works (here a JVM frozen with SIGSTOP; in the fault
   * suite a Kafka consumer that gave up during a long broker outage) fails its liveness probe; the
   * supervisor stops it and starts it again, as Kubernetes does, and the petition registered
   * meanwhile is counted once.
   */
  @Test
  @Order(6)
  void aServiceThatStopsAnsweringItsLivenessProbeIsStartedAgainAndCatchesUp() throws Exception {
    long before = volume("5303");
    String part = "node 53 analytics-service";
    int restarts = platform.restarts().getOrDefault(part, 0);
    Platform.Node node = platform.nodes().get(0);
    long frozen = node.pid("analytics-service");
    Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(frozen)).start();
    assertEquals(0, stop.waitFor(), "SIGSTOP sent to " + frozen);
    String meanwhile = register(Visits.visit("530302003", "统计服务停滞期间登记的信访件。"));

    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> platform.restarts().getOrDefault(part, 0) > restarts);
    assertTrue(
        ProcessHandle.of(frozen).map(p -> !p.isAlive()).orElse(true),
        "the frozen JVM is gone, not left beside the new one");
    assertTrue(
        java.nio.file.Files.readString(runDirectory.resolve("logs/supervisor.log"))
            .contains(part + " is not live"),
        "the supervisor says why it started the service again");
    node.awaitReady("analytics-service");
    routedClockedAndCountedOnce(List.of(meanwhile), before);
  }

  /**
   * Issue 27: an import killed midway (intake-service killed with SIGKILL while it imports) resumes
   * when the service is back, to the same result as an import never interrupted: every case in
   * once, none half, and each counted once by analytics.
   */
  @Test
  @Order(7)
  void anImportKilledMidwayResumesToTheSameResult() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    LocalDate today = LocalDate.now(CHINA);
    LocalDate from = today.minusDays(360);
    LocalDate to = today.minusDays(1);
    int count = 600;
    StringBuilder file = new StringBuilder();
    for (Map<String, Object> c :
        new FormerCases("530303", "KILL" + run, today, run.hashCode()).between(from, to, count)) {
      file.append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(c))
          .append('\n');
    }
    String administrator = Tokens.of(platform, "import-admin", "administrator", "53");
    long before = Visits.counted(platform.gatewayUrl(), cityOffice, "530303", from, to);
    String job =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(administrator)
            .post("/api/intake/imports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(administrator)
        .contentType("application/x-ndjson; charset=UTF-8")
        .body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/intake/imports/" + job + "/parts")
        .then()
        .statusCode(200)
        .body("invalid", equalTo(0));
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(administrator)
        .post("/api/intake/imports/" + job + "/start")
        .then()
        .statusCode(200);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> progress(administrator, job).getInt("imported") >= 50);

    Platform.Node node = platform.nodes().get(0);
    killAndAwaitRestart("node 53 intake-service", node.pid("intake-service"));
    node.awaitReady("intake-service");
    assertTrue(
        progress(administrator, job).getInt("pending") > 0, "killed before the job was done");

    var done =
        new ImportCommand(
                platform.gatewayUrl(),
                administrator,
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                false)
            .watch(job);
    assertEquals("DONE", done.path("status").asText());
    assertEquals(count, done.path("imported").asInt(), done.toString());
    assertEquals(0, done.path("failed").asInt(), done.toString());
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () ->
                assertEquals(
                    before + count,
                    Visits.counted(platform.gatewayUrl(), cityOffice, "530303", from, to),
                    "each case counted once, the one in flight at the kill too"));
  }

  private static io.restassured.path.json.JsonPath progress(String token, String job) {
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(token)
        .get("/api/intake/imports/" + job)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /**
   * SIGKILL (no shutdown hook, no clean stop), then waits until the supervisor has started the part
   * again. Its restart count is read before the kill: the supervisor may start it again before this
   * thread looks (a service is spawned within a second of its death).
   */
  private static void killAndAwaitRestart(String part, long pid) {
    int before = platform.restarts().getOrDefault(part, 0);
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    assertTrue(process.destroyForcibly(), "SIGKILL sent to " + pid);
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> platform.restarts().getOrDefault(part, 0) > before);
  }
}
