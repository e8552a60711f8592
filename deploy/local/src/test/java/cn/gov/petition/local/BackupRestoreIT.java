package cn.gov.petition.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.KafkaBroker;
import cn.gov.petition.infra.PostgresServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node's database backed up, wiped and restored with the operator's scripts (deploy/backup,
 * docs/backup.md) and the real tools they call (pg_dump and pg_restore, Kafka's
 * kafka-consumer-groups), on a running node: what the read models learnt after the backup comes
 * back from Kafka, counted once.
 */
class BackupRestoreIT {

  private static final List<String> SERVICES =
      List.of("intake-service", "routing-service", "supervision-service", "analytics-service");

  private static Platform platform;
  private static Path runDirectory;
  private static String registrar;
  private static String cityOffice;

  @BeforeAll
  static void startPlatform() throws Exception {
    TestRuns.requireCommand("pg_dump", "postgresql-client");
    runDirectory = TestRuns.newRunDirectory("backup-it-");
    platform = Platform.start(TestRuns.projectRoot(), runDirectory, "53", 0, TestRuns.DURABILITY);
    HttpClient http = HttpClient.newHttpClient();
    registrar = DemoData.token(http, platform.gatewayUrl(), "qilin-registrar");
    cityOffice = DemoData.token(http, platform.gatewayUrl(), "qujing-office");
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
      TestRuns.deleteInfrastructure(runDirectory);
    }
  }

  @Test
  void aWipedNodeRestoredFromItsBackupCatchesUpFromKafkaAndCountsEveryCaseOnce() throws Exception {
    long before = volume();
    List<String> backedUp = registerForwarded(2, "备份前登记");
    await().atMost(Duration.ofSeconds(60)).until(() -> volume() == before + 2);
    // a consumer commits its offsets some seconds after applying (SmallRye's throttled strategy):
    // a backup taken sooner records an earlier place, which a restore replays (the inboxes skip
    // what the dump holds); this test wants the analytics service's place in the case events
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> committed("53.analytics-service", "petition.case-events"));

    Path backup = runDirectory.resolve("backup");
    script("backup-node.sh", "--region", "53", "--out", backup.toString());
    assertTrue(Files.size(backup.resolve("database.dump")) > 0);
    assertTrue(
        Files.readAllLines(backup.resolve("offsets.csv")).stream()
            .anyMatch(line -> line.startsWith("53.analytics-service,petition.case-events,")),
        "the analytics service's place in the case events is recorded");

    List<String> afterBackup = registerForwarded(2, "备份后登记");
    await().atMost(Duration.ofSeconds(60)).until(() -> volume() == before + 4);
    String lostNumber = caseNumber(afterBackup.get(0));

    // the node goes down and its database is lost
    Platform.Node node = platform.node("53");
    SERVICES.forEach(node::stop);
    try (var db =
            DriverManager.getConnection(
                platform.infrastructure().postgres().jdbcUrl("postgres"),
                PostgresServer.USER,
                PostgresServer.PASSWORD);
        var statement = db.createStatement()) {
      statement.execute("DROP DATABASE petition_53 WITH (FORCE)");
    }

    script("restore-node.sh", "--from", backup.toString());
    node.restart(SERVICES);

    // the system of record is as the backup left it ...
    for (String caseId : backedUp) {
      assertEquals("FORWARDED", intakeCase(caseId).path("status"));
    }
    assertEquals(
        404,
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(registrar)
            .get("/api/intake/cases/" + afterBackup.get(0))
            .statusCode(),
        "a registration after the backup is not in a restored dump (docs/backup.md: intake's"
            + " point-in-time recovery)");
    // ... the read models catch up from Kafka with what happened after it, each case once
    await().atMost(Duration.ofSeconds(90)).until(() -> volume() == before + 4);
    TimeUnit.SECONDS.sleep(5);
    assertEquals(before + 4, volume(), "no event applied twice");
    // ... and a new registration does not take the number of a case registered after the backup
    String next = registerForwarded(1, "恢复后登记").get(0);
    assertNotEquals(lostNumber, caseNumber(next));
    await().atMost(Duration.ofSeconds(60)).until(() -> volume() == before + 5);
  }

  private static List<String> registerForwarded(int count, String content) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          given()
              .baseUri(platform.gatewayUrl())
              .auth()
              .oauth2(registrar)
              .contentType(ContentType.JSON)
              .body(Visits.visit("530302001", content + "第 " + i + " 件：工地拖欠工资。"))
              .post("/api/intake/cases")
              .then()
              .statusCode(201)
              .extract()
              .path("petitionCase.id"));
    }
    for (String id : ids) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> "FORWARDED".equals(intakeCase(id).path("status")));
    }
    return ids;
  }

  private static io.restassured.response.Response intakeCase(String id) {
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .get("/api/intake/cases/" + id);
  }

  private static String caseNumber(String id) {
    return intakeCase(id).then().statusCode(200).extract().path("caseNumber");
  }

  /** Whether a consumer group has committed an offset on some partition of a topic. */
  private static boolean committed(String group, String topic) throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.<String, Object>of(
                "bootstrap.servers", platform.infrastructure().kafka().bootstrapServers()))) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get(10, TimeUnit.SECONDS)
          .keySet()
          .stream()
          .anyMatch(partition -> partition.topic().equals(topic));
    }
  }

  private static long volume() {
    return Visits.countedToday(platform.gatewayUrl(), cityOffice, "530302");
  }

  /** Runs an operator's script of deploy/backup against the local PostgreSQL and Kafka. */
  private static void script(String name, String... args) throws IOException, InterruptedException {
    Path tools = KafkaBroker.writeTools(runDirectory.resolve("kafka-bin"));
    List<String> command = new ArrayList<>(List.of("bash", "deploy/backup/" + name));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(TestRuns.projectRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(runDirectory.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("PATH", tools + ":" + env.get("PATH"));
    env.put("PGHOST", "localhost");
    env.put("PGPORT", String.valueOf(platform.infrastructure().postgres().port()));
    env.put("PGUSER", PostgresServer.USER);
    env.put("PGPASSWORD", PostgresServer.PASSWORD);
    env.put("KAFKA_BOOTSTRAP_SERVERS", platform.infrastructure().kafka().bootstrapServers());
    Process process = builder.start();
    assertTrue(process.waitFor(3, TimeUnit.MINUTES), name + " did not finish in 3 minutes");
    assertEquals(
        0,
        process.exitValue(),
        name + " failed:\n" + Files.readString(runDirectory.resolve(name + ".log")));
  }
}
