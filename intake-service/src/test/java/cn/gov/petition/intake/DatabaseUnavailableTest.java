package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 26: PostgreSQL that takes no writes (read-only, as a full disk or a failover leaves it)
 * gets a clear 503 with Retry-After, not a 500, and nothing half-written; the same petition sent
 * again with its key once the database takes writes is registered once.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class DatabaseUnavailableTest {

  @Inject DataSource dataSource;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Test
  void aRegistrationWhileTheDatabaseIsReadOnlyIsRefusedWith503AndSavesNothing() throws Exception {
    Map<String, Object> letter = Petitions.letter();
    String key = "read-only-" + UUID.randomUUID();
    long before = cases();
    readOnly(true);
    try {
      Petitions.register(letter, key)
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "10")
          .body("detail", containsString("read-only"))
          .body("detail", containsString("nothing was saved"));
    } finally {
      readOnly(false);
    }
    assertEquals(before, cases(), "nothing was written");
    Petitions.register(letter, key).statusCode(201).body("outcome", equalTo("REGISTERED"));
    Petitions.register(letter, key).statusCode(200);
    assertEquals(before + 1, cases(), "registered once, by the retry");
  }

  @Test
  void anEventArrivingWhileTheDatabaseIsReadOnlyWaitsAndIsAppliedOnceNeverDeadLettered()
      throws Exception {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    double waitedBefore = waits();
    readOnly(true);
    try {
      Decisions.route(id, "530302:rsj", "麒麟区人力资源和社会保障局").send();
      // the consumer met the read-only database and waits (not dead-lettered, not applied)
      await().atMost(Duration.ofSeconds(30)).until(() -> waits() > waitedBefore);
    } finally {
      readOnly(false);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                Petitions.read(id)
                    .body("status", equalTo("FORWARDED"))
                    .body("handlingUnit.code", equalTo("530302:rsj")));
    assertEquals(
        0,
        kafka
            .await(
                Topics.forNode(Topics.DEAD_LETTER, "53"),
                seen -> id.equals(seen.key()),
                1,
                Duration.ofSeconds(3))
            .size(),
        "nothing dead-lettered");
  }

  /** How often intake's consumers waited for the database, from the service's metrics. */
  private static double waits() {
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(
            l ->
                l.startsWith("petition_events_waiting_total{") && l.contains("consumer=\"intake\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** The whole server read-only for every session, pooled ones included (reload, not restart). */
  private void readOnly(boolean on) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      connection.setAutoCommit(true);
      sql.execute("ALTER SYSTEM SET default_transaction_read_only = " + (on ? "on" : "off"));
      sql.execute("SELECT pg_reload_conf()");
    }
    // a reload is signalled, not awaited: wait until a new transaction sees the setting
    for (int i = 0; i < 100; i++) {
      try (Connection connection = dataSource.getConnection();
          Statement sql = connection.createStatement();
          ResultSet row = sql.executeQuery("SHOW default_transaction_read_only")) {
        row.next();
        if (row.getString(1).equals(on ? "on" : "off")) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("PostgreSQL did not take default_transaction_read_only=" + on);
  }

  private long cases() throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT count(*) FROM petition_case")) {
      row.next();
      return row.getLong(1);
    }
  }
}
