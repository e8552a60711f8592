package cn.gov.petition.local;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.Identities;
import cn.gov.petition.infra.TraceCollector;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker or a careless client sends to the gateway, and where personal data must never
 * turn up. Every bad request gets a 4xx problem+json that does not echo what was sent, and changes
 * nothing (the count of the day's cases moves only by the good ones); afterwards the services' logs
 * and every record of the broadcast topics are searched for the petitioners', the accused's and the
 * petitions' words.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedNode.class)
@Order(2)
class EdgeIT {

  private static final int SERIAL = Identities.nextSerial();
  private static final String NAME = "钱七" + (char) ('甲' + SERIAL % 10);
  private static final String ID_NUMBER = Identities.residentId("530302", SERIAL);
  private static final String PHONE = Identities.mobile(SERIAL);
  private static final String ADDRESS = "麒麟区南宁街道测试巷" + SERIAL + "号";
  private static final String CONTENT = "边界测试" + SERIAL + "：小区供水管道破裂无人维修。";
  private static final String ACCUSED = "孙八" + SERIAL;
  private static final String ACCUSATION = "检举测试" + SERIAL + "：某局工作人员收受好处费。";

  /**
   * 寥廓街道, where only this test's petitions lie: the node is shared (SharedNode), and the day's
   * count of this township moves by this test's good petitions alone.
   */
  private static final String TOWNSHIP = "530302004";

  private static Platform platform;
  private static String registrar;
  private static String cityOffice;
  private static long before;
  private static int good;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedNode.platform();
    HttpClient http = HttpClient.newHttpClient();
    registrar = DemoData.token(http, platform.gatewayUrl(), "qilin-registrar");
    cityOffice = DemoData.token(http, platform.gatewayUrl(), "qujing-office");
    before = Visits.countedToday(platform.gatewayUrl(), cityOffice, TOWNSHIP);
  }

  private static Map<String, Object> letter(String content) {
    Map<String, Object> petitioner = new HashMap<>();
    petitioner.put("name", NAME);
    petitioner.put("idType", "RESIDENT_ID");
    petitioner.put("idNumber", ID_NUMBER);
    petitioner.put("phone", PHONE);
    petitioner.put("address", ADDRESS);
    Map<String, Object> body = new HashMap<>();
    body.put("channel", "LETTER");
    body.put("receivedOn", LocalDate.now(Visits.CHINA).toString());
    body.put("matterRegionCode", TOWNSHIP);
    body.put("petitionClass", "APPEAL");
    body.put("purpose", "SEEK_SOLUTION");
    body.put("category", "0105");
    body.put("content", content);
    body.put("personCount", 1);
    body.put("petitioners", List.of(petitioner));
    return body;
  }

  private static Response post(String token, String contentType, Object body) {
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(token)
        .contentType(contentType)
        .body(body)
        .when()
        .post("/api/intake/cases");
  }

  /** A refusal as the house rules say: 4xx, problem+json, and nothing sent said back. */
  private static void refused(Response answer, int status, String... sent) {
    String body = answer.asString();
    assertEquals(status, answer.statusCode(), body);
    assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
    assertEquals(status, (int) answer.path("status"), body);
    for (String value : sent) {
      assertFalse(body.contains(value), () -> "the problem repeats what was sent: " + body);
    }
  }

  @Test
  @Order(1)
  void badBodiesGetProblemsThatRepeatNothing() {
    String json = ContentType.JSON.toString();
    // (a body over the size limit: GatewayTest, which can send the head of a request alone)
    // malformed JSON
    refused(
        post(registrar, json, "{\"channel\":\"LETTER\",\"content\":\"" + CONTENT), 400, CONTENT);
    // wrong types
    Map<String, Object> wrongType = letter(CONTENT);
    wrongType.put("personCount", "许多");
    Response typed = post(registrar, json, wrongType);
    refused(typed, 400, CONTENT, NAME, "许多");
    assertEquals("personCount", typed.path("errors[0].field"));
    Map<String, Object> notAList = letter(CONTENT);
    notAList.put("petitioners", NAME);
    refused(post(registrar, json, notAList), 400, CONTENT, NAME);
    // a phone and an ID number that break their rules: named, not repeated
    Map<String, Object> badPhone = letter(CONTENT);
    @SuppressWarnings("unchecked")
    Map<String, Object> petitioner =
        ((List<Map<String, Object>>) badPhone.get("petitioners")).get(0);
    petitioner.put("phone", "9" + PHONE);
    petitioner.put("idNumber", ID_NUMBER.substring(0, 17) + "Z");
    Response named = post(registrar, json, badPhone);
    refused(named, 400, "9" + PHONE, ID_NUMBER.substring(0, 17), NAME, CONTENT);
    assertTrue(named.asString().contains("petitioners[0].phone"), named.asString());
    // not JSON at all
    refused(post(registrar, "text/plain", CONTENT), 415, CONTENT);
    // injection in fields with a shape
    Map<String, Object> sqlRegion = letter(CONTENT);
    sqlRegion.put("matterRegionCode", "530302001' OR '1'='1");
    refused(post(registrar, json, sqlRegion), 400, "OR '1'='1");
    Map<String, Object> scriptCategory = letter(CONTENT);
    scriptCategory.put("category", "<script>alert(1)</script>");
    refused(post(registrar, json, scriptCategory), 400, "<script>");
  }

  /**
   * Every body-taking operation of the platform's document, each sent the malformed bodies an
   * outside probe sends (issue 24), by a user holding every role so that no role check answers
   * before the body is read: each is refused with a 4xx problem, never a 5xx, never accepted.
   */
  @Test
  @Order(2)
  void everyOperationRefusesMalformedBodiesWithAProblemNeverA5xx() {
    String everyRole = Tokens.everyRole(platform, "edge-prober", "53");
    Map<String, Object> paths =
        given()
            .baseUri(platform.gatewayUrl())
            .accept(ContentType.JSON)
            .when()
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .path("paths");
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put(
        "a repeated key", "{\"queryCode\":\"7KQ2M9XH4P\",\"queryCode\":\"dup\"}".getBytes(UTF_8));
    bodies.put(
        "a NUL character", "{\"content\":\"供暖\\u0000不达标\",\"reason\":\"\\u0000\"}".getBytes(UTF_8));
    bodies.put("an integer for a boolean", "{\"enabled\":2,\"days\":true}".getBytes(UTF_8));
    bodies.put("cut short", "{\"content\":\"供暖".getBytes(UTF_8));
    bodies.put("an array", "[{}]".getBytes(UTF_8));
    bodies.put("null", "null".getBytes(UTF_8));
    bodies.put("UTF-16", "{\"days\":30}".getBytes(StandardCharsets.UTF_16));
    List<String> probed = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Object> path : paths.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> operations = (Map<String, Object>) path.getValue();
      for (String method : List.of("post", "put")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> operation = (Map<String, Object>) operations.get(method);
        if (operation == null || !operation.containsKey("requestBody")) {
          continue;
        }
        String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        probed.add(method.toUpperCase() + " " + path.getKey());
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
          String contentType =
              body.getKey().equals("UTF-16")
                  ? "application/json; charset=UTF-16"
                  : "application/json; charset=UTF-8";
          Response answer =
              given()
                  .baseUri(platform.gatewayUrl())
                  .auth()
                  .oauth2(everyRole)
                  .contentType(contentType)
                  .body(body.getValue())
                  .when()
                  .request(method.toUpperCase(), url);
          int status = answer.statusCode();
          String type = String.valueOf(answer.contentType());
          if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")) {
            failures.add(
                method.toUpperCase()
                    + " "
                    + path.getKey()
                    + " with "
                    + body.getKey()
                    + ": "
                    + status
                    + " "
                    + type);
          }
        }
      }
    }
    assertTrue(probed.size() >= 30, "the document lists the operations: " + probed);
    assertEquals(List.of(), failures);
  }

  @Test
  @Order(3)
  void injectionInQueriesAndPathsIsRefused() {
    for (String region :
        List.of("53' OR 1=1 --", "53;DROP TABLE petition_fact", "5%", "53\u0000")) {
      refused(
          given()
              .baseUri(platform.gatewayUrl())
              .auth()
              .oauth2(cityOffice)
              .queryParam("region", region)
              .queryParam("period", "2026-11")
              .when()
              .get("/api/analytics/statistics/rates"),
          400,
          "DROP TABLE");
    }
    Response traversal =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(registrar)
            .urlEncodingEnabled(false)
            .when()
            .get("/api/intake/cases/..%2F..%2Fq%2Fhealth");
    assertTrue(
        traversal.statusCode() == 400 || traversal.statusCode() == 404, traversal.asString());
    assertTrue(traversal.contentType().startsWith("application/problem+json"));
    refused(
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(registrar)
            .when()
            .get("/api/intake/cases/" + UUID.randomUUID() + "'--"),
        400);
  }

  @Test
  @Order(4)
  void invalidExpiredAndForgedTokensAreRefusedAlike() {
    for (String token :
        List.of(
            "not-a-token",
            Tokens.expired(platform, "late-registrar", "registrar", "530302"),
            Tokens.forged("forged-registrar", "registrar", "530302"))) {
      Response answer = post(token, ContentType.JSON.toString(), letter(CONTENT));
      refused(answer, 401, CONTENT, NAME);
      assertEquals("Bearer", answer.header("WWW-Authenticate"));
    }
    refused(
        given()
            .baseUri(platform.gatewayUrl())
            .contentType(ContentType.JSON)
            .body(letter(CONTENT))
            .when()
            .post("/api/intake/cases"),
        401,
        CONTENT);
  }

  @Test
  @Order(5)
  void injectionStringsInFreeTextAreKeptAsText() {
    String text = CONTENT + " '; DROP TABLE petition_case; -- <img src=x onerror=alert(1)>";
    Map<String, Object> body = letter(text);
    Response saved = post(registrar, ContentType.JSON.toString(), body);
    assertEquals(201, saved.statusCode(), saved.asString());
    good++;
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .get("/api/intake/cases/" + saved.path("petitionCase.id"))
        .then()
        .statusCode(200)
        .body("content", equalTo(text));
  }

  @Test
  @Order(6)
  void anAccusationNeverReachesTheAccusedUnit() throws Exception {
    Map<String, Object> body = letter(ACCUSATION);
    body.put("petitionClass", "ACCUSATION");
    body.put("purpose", "REPORT_MISCONDUCT");
    body.put("category", "1301");
    body.put(
        "accused",
        List.of(Map.of("kind", "PERSON", "name", ACCUSED, "unitCode", "530302:zjj", "post", "科员")));
    Response saved = post(registrar, ContentType.JSON.toString(), body);
    assertEquals(201, saved.statusCode(), saved.asString());
    good++;
    String id = saved.path("petitionCase.id");
    Visits.awaitRouted(platform.gatewayUrl(), registrar, id);
    // the accused's own bureau: neither the case, nor its history, nor its documents
    String accusedUnit =
        DemoData.token(HttpClient.newHttpClient(), platform.gatewayUrl(), "qilin-handler");
    for (String path : List.of("", "/history", "/documents")) {
      Response answer =
          given()
              .baseUri(platform.gatewayUrl())
              .auth()
              .oauth2(accusedUnit)
              .get("/api/intake/cases/" + id + path);
      assertTrue(answer.statusCode() == 403 || answer.statusCode() == 404, answer.asString());
      assertFalse(answer.asString().contains(ACCUSED), answer.asString());
      assertFalse(answer.asString().contains(ACCUSATION), answer.asString());
    }
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .get("/api/intake/cases/" + id)
        .then()
        .statusCode(200)
        .body("handlingUnit.code", not(startsWith("530302:zjj")));
  }

  @Test
  @Order(7)
  void nothingButTheGoodRequestsChangedAnything() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                Visits.countedToday(platform.gatewayUrl(), cityOffice, TOWNSHIP) >= before + good);
    assertEquals(before + good, Visits.countedToday(platform.gatewayUrl(), cityOffice, TOWNSHIP));
  }

  /** The words no log line and no broadcast record may carry. */
  private static List<String> personal() {
    return List.of(NAME, ID_NUMBER, PHONE, ADDRESS, CONTENT, ACCUSED, ACCUSATION);
  }

  @Test
  @Order(8)
  void noLogLineCarriesPersonalDataOrPetitionText() throws Exception {
    List<String> found = new ArrayList<>();
    int lines = 0;
    try (Stream<Path> logs = Files.walk(SharedNode.runDirectory().resolve("logs"))) {
      for (Path log : logs.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        lines += (int) text.lines().count();
        for (String word : personal()) {
          if (text.contains(word)) {
            found.add(log.getFileName() + " contains " + word);
          }
        }
      }
    }
    assertTrue(lines > 50, "the five processes' logs were read: " + lines + " lines");
    assertTrue(found.isEmpty(), () -> String.join("\n", found));
  }

  @Test
  @Order(9)
  void noBroadcastRecordCarriesPersonalDataOrPetitionText() {
    List<String> topics =
        List.of("petition.case-events", "petition.supervision-events", "petition.analytics-events");
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", platform.infrastructure().kafka().bootstrapServers());
    config.put("group.id", "edge-it-" + UUID.randomUUID());
    config.put("auto.offset.reset", "earliest");
    config.put("enable.auto.commit", "false");
    List<String> found = new ArrayList<>();
    int read = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(topics);
      long quietSince = System.currentTimeMillis();
      while (System.currentTimeMillis() - quietSince < 5_000) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          quietSince = System.currentTimeMillis();
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          read++;
          StringBuilder text = new StringBuilder();
          if (record.value() != null) {
            text.append(new String(record.value(), StandardCharsets.UTF_8));
          }
          for (Header header : record.headers()) {
            text.append(' ').append(new String(header.value(), StandardCharsets.UTF_8));
          }
          for (String word : personal()) {
            if (text.indexOf(word) >= 0) {
              found.add(record.topic() + "@" + record.offset() + " contains " + word);
            }
          }
        }
      }
    }
    assertTrue(read >= good * 2, "the broadcast topics were read: " + read + " records");
    assertTrue(found.isEmpty(), () -> String.join("\n", found));
  }

  @Test
  @Order(10)
  void noTraceSpanCarriesPersonalDataPetitionTextOrAnAddress() {
    var collector = platform.infrastructure().traces();
    // the spans of this class's requests are exported in batches: wait until every process's are in
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                collector.allSpans().stream()
                    .map(TraceCollector.TraceSpan::service)
                    .collect(java.util.stream.Collectors.toSet())
                    .containsAll(
                        List.of(
                            "gateway",
                            "intake-service",
                            "routing-service",
                            "supervision-service",
                            "analytics-service")));
    List<String> found = new ArrayList<>();
    List<TraceCollector.TraceSpan> spans = collector.allSpans();
    for (TraceCollector.TraceSpan span : spans) {
      String text = span.name() + " " + span.attributes();
      for (String word : personal()) {
        if (text.contains(word)) {
          found.add(span.service() + " span " + span.name() + " contains " + word);
        }
      }
      for (String address : List.of("url.path", "url.query", "url.full")) {
        String value = span.attributes().get(address);
        if (value != null && !value.equals("[redacted]")) {
          found.add(span.service() + " span " + span.name() + " has " + address + "=" + value);
        }
      }
    }
    assertTrue(spans.size() > 50, "the node's spans were read: " + spans.size());
    assertTrue(found.isEmpty(), () -> String.join("\n", found));
  }
}
