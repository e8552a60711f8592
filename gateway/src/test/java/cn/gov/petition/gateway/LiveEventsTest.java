package cn.gov.petition.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The pages' live stream: a change in the caller's subtree reaches the caller as it is published,
 * one outside it does not, and what the stream says is the event's type, case number and regions.
 */
@QuarkusTest
@TestProfile(GatewayTest.DemoIssuerOn.class)
class LiveEventsTest {

  @TestHTTPResource("/live")
  URL live;

  @Test
  void aChangeReachesTheStreamsWhoseSubtreeItTouchesAndNoOther() throws Exception {
    List<String> township = open("nanning-supervisor"); // 530302001
    List<String> city = open("qujing-office"); // 5303
    await().atMost(Duration.ofSeconds(10)).until(() -> has(township, "connected"));
    await().atMost(Duration.ofSeconds(10)).until(() -> has(city, "connected"));

    String key = UUID.randomUUID().toString(); // one key, one partition: the order is kept
    String outside = "530303-20261126-00001";
    String inside = "530302-20261126-00002";
    try (KafkaProducer<String, CloudEvent> producer = producer()) {
      // the gateway reads from the newest record on: send until its consumer has joined
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                producer.send(record(key, outside, "530303001", "530303:zjj")).get();
                producer.send(record(key, inside, "530302001", "530302:zjj")).get();
                return has(township, inside) && has(city, inside);
              });
    }
    assertTrue(has(city, outside), "the city hears of both counties");
    assertFalse(has(township, outside), "the township hears nothing of another county");
    String change =
        township.stream().filter(line -> line.contains(inside)).findFirst().orElseThrow();
    assertTrue(change.contains("\"type\":\"case.registered\""), change);
    assertFalse(change.contains("content"), change);
  }

  @Test
  void anImportIsHeardOfAsOneChangeEverySecondsNotCaseByCase() throws Exception {
    List<String> township = open("nanning-supervisor"); // 530302001
    await().atMost(Duration.ofSeconds(10)).until(() -> has(township, "connected"));
    List<String> numbers = new CopyOnWriteArrayList<>();
    try (KafkaProducer<String, CloudEvent> producer = producer()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                for (int i = 0; i < 20; i++) {
                  String number = "530302-20210301-" + String.format("%05d", numbers.size() + 1);
                  numbers.add(number);
                  producer
                      .send(
                          record(
                              UUID.randomUUID().toString(),
                              number,
                              "530302001",
                              "530302:xfj",
                              ",\"imported\":true"))
                      .get();
                }
                return has(township, "\"type\":\"case.imported\"");
              });
    }
    long imported =
        township.stream().filter(line -> line.contains("\"type\":\"case.imported\"")).count();
    assertTrue(imported <= numbers.size() / 20, imported + " changes for " + numbers.size());
    assertTrue(
        numbers.stream().noneMatch(number -> has(township, number)),
        "no imported case is announced on its own");
  }

  @Test
  void theStreamIsForSignedInCallersOnly() {
    given()
        .accept("text/event-stream")
        .when()
        .get("/live")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  private List<String> open(String user) {
    String token =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("user", user))
            .post("/auth/demo-token")
            .then()
            .statusCode(200)
            .extract()
            .path("accessToken");
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(URI.create(live.toString()))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofLines())
        .thenAccept(
            response -> {
              assertEquals(200, response.statusCode());
              response.body().forEach(lines::add);
            });
    return lines;
  }

  private static boolean has(List<String> lines, String text) {
    return lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(text));
  }

  private static KafkaProducer<String, CloudEvent> producer() {
    String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", servers), new StringSerializer(), new CloudEventSerializer());
  }

  private static ProducerRecord<String, CloudEvent> record(
      String key, String caseNumber, String matterRegion, String unit) {
    return record(key, caseNumber, matterRegion, unit, "");
  }

  private static ProducerRecord<String, CloudEvent> record(
      String key, String caseNumber, String matterRegion, String unit, String more) {
    String data =
        "{\"caseId\":\""
            + key
            + "\",\"caseNumber\":\""
            + caseNumber
            + "\",\"matterRegionCode\":\""
            + matterRegion
            + "\",\"registeringUnit\":\""
            + unit
            + "\""
            + more
            + "}";
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(UUID.randomUUID().toString())
            .withType("cn.gov.petition.case.registered")
            .withSource(URI.create("/petition/node/53/intake-service"))
            .withSubject(caseNumber)
            .withTime(OffsetDateTime.now())
            .withDataContentType("application/json")
            .withData(data.getBytes(StandardCharsets.UTF_8))
            .build();
    return new ProducerRecord<>("petition.case-events", key, event);
  }
}
