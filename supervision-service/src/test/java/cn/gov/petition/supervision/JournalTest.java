package cn.gov.petition.supervision;

import static cn.gov.petition.supervision.Calls.get;
import static cn.gov.petition.supervision.Calls.post;
import static cn.gov.petition.supervision.CaseEvents.progress;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.journal.Journal;
import cn.gov.petition.common.journal.JournalTables;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, item 6: supervision's own records (letters, listings and their reviews, reception days,
 * the roster, backlog entries) are journaled on the node's compacted topic, sealed, and a database
 * emptied of them is restored from it to the same content, row for row. 文山州 (5326) is used by no
 * other test; the comparison covers every test's rows, as a node's restore would.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class JournalTest {

  @Inject TestClock clock;
  @Inject Journal journal;
  @Inject JournalTables tables;
  @Inject DataSource dataSource;

  private final String city =
      TestTokens.token("wenshan-office", "5326:xfj", "5326", "joint-office");
  private final String county =
      TestTokens.token("yanshan-supervisor", "532622:xfj", "532622", "supervisor");
  private final String bureau = TestTokens.token("yanshan-rsj", "532622:rsj", "532622", "handler");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void recordsEmptiedFromTheDatabaseAreRestoredFromTheJournalRowForRow() throws Exception {
    clock.setToday(LocalDate.parse("2026-12-02"));
    String letter = aLetterAnswered();
    String listing = aListingReviewed();
    String day =
        post(
                city,
                "/receptions",
                Map.of(
                    "leader", "砚山县县长",
                    "post", "县长",
                    "region", "532622",
                    "plannedOn", "2026-12-14",
                    "place", "县人民来访接待中心"))
            .statusCode(201)
            .extract()
            .path("id");
    clock.setToday(LocalDate.parse("2026-12-14"));
    post(city, "/receptions/" + day + "/record", Map.of("held", true, "persons", 9, "batches", 4))
        .statusCode(200);
    String kept = rostered("砚山县县长");
    String dropped = rostered("砚山县常务副县长");
    given()
        .auth()
        .oauth2(city)
        .when()
        .delete("/reception-leaders/" + dropped)
        .then()
        .statusCode(204);

    Map<String, String> before = emptied();
    assertTrue(before.get("supervision_letter").contains(letter), "the letter was there");
    assertTrue(before.get("listing_review").contains(listing), "the reviews were there");
    assertTrue(before.get("reception_leader").contains(kept));
    assertFalse(before.get("reception_leader").contains(dropped), "deleted before");
    assertEquals("[]", contents().get("supervision_letter"), "emptied");

    assertTrue(journal.restoreOnce() > 0, "restored from the journal");
    assertEquals(before, contents(), "every journaled table as it was, row for row");
    assertEquals(0, journal.restoreOnce(), "a database reads its journal once");

    // the restored rows are answered as before, and a new review takes the next key
    get(county, "/listings/" + listing).statusCode(200).body("reviews", hasSize(1));
    post(city, "/listings/" + listing + "/reviews", Map.of("passed", true, "findings", "整改到位"))
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("reviews", hasSize(2));

    // on the topic: sealed, nothing of the letter's reason or answer in the clear
    List<KafkaProbe.Seen> told =
        new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers())
            .await(
                Topics.journal("53", "supervision-service"),
                s -> s.key().contains(letter),
                2,
                Duration.ofSeconds(20));
    for (KafkaProbe.Seen seen : told) {
      assertEquals(Journal.EVENT_TYPE, seen.header("ce_type"));
      assertTrue(seen.value().startsWith("v2:"), "sealed under a key of the node");
      assertFalse(seen.value().contains("砚山") || seen.value().contains(letter), seen.value());
    }
  }

  private String aLetterAnswered() {
    String caseId = UUID.randomUUID().toString();
    progress(caseId, "FORWARDED")
        .number("532622-20261201-00001")
        .category("0201")
        .matter("532622")
        .unit("532622:rsj")
        .opens(cn.gov.petition.contracts.Step.ACCEPT, "2026-12-16")
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> Calls.clocks(county, caseId).body("$", hasSize(1)));
    String id =
        post(
                city,
                "/letters",
                Map.of(
                    "kind", "SUPERVISION_ORDER",
                    "recipientUnit", "532622:rsj",
                    "caseIds", List.of(caseId),
                    "reason", "砚山县受理告知逾期未发",
                    "replyDueOn", "2026-12-09"))
            .statusCode(201)
            .extract()
            .path("id");
    post(bureau, "/letters/" + id + "/answer", Map.of("answer", "砚山县人社局已补发受理告知书。")).statusCode(200);
    return id;
  }

  private String aListingReviewed() {
    String id =
        post(
                city,
                "/listings",
                Map.of("target", "532622101", "reason", "重复信访连续两月居全州前列", "rectifyBy", "2027-02-28"))
            .statusCode(201)
            .extract()
            .path("id");
    post(county, "/listings/" + id + "/report", Map.of("report", "逐件化解重复信访")).statusCode(200);
    post(city, "/listings/" + id + "/reviews", Map.of("passed", false, "findings", "尚有2件未化解"))
        .statusCode(200)
        .body("reviews", hasSize(1));
    return id;
  }

  private String rostered(String leader) {
    return post(
            city, "/reception-leaders", Map.of("leader", leader, "post", "县长", "region", "532622"))
        .statusCode(201)
        .extract()
        .path("id");
  }

  /**
   * Once every journaled change has left the outbox: the journaled tables' contents, then the same
   * tables emptied and the journal unread, in one transaction that no writer can slip into.
   */
  private Map<String, String> emptied() {
    List<String> names = List.copyOf(journaledTables());
    String list = String.join(", ", names);
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(IllegalStateException.class)
        .until(
            () -> {
              try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement sql = connection.createStatement()) {
                  sql.execute("LOCK TABLE " + list + " IN ACCESS EXCLUSIVE MODE");
                  try (ResultSet waiting =
                      sql.executeQuery(
                          "SELECT count(*) FROM outbox_event WHERE event_type = '"
                              + Journal.EVENT_TYPE
                              + "'")) {
                    waiting.next();
                    if (waiting.getLong(1) > 0) {
                      connection.rollback();
                      throw new IllegalStateException("journal rows still in the outbox");
                    }
                  }
                  Map<String, String> contents = contents(connection, names);
                  // as fresh as a new database: the serial keys start again
                  sql.execute("TRUNCATE " + list + " RESTART IDENTITY");
                  sql.execute("DELETE FROM journal_mark WHERE topic = '" + journal.topic() + "'");
                  connection.commit();
                  return contents;
                }
              }
            },
            contents -> true);
  }

  private java.util.Set<String> journaledTables() {
    return QuarkusTransaction.requiringNew().call(() -> tables.journaled().keySet());
  }

  private Map<String, String> contents() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return contents(connection, List.copyOf(journaledTables()));
    }
  }

  /** Each table's rows as one JSON array, in a fixed order. */
  private static Map<String, String> contents(Connection connection, List<String> names)
      throws SQLException {
    Map<String, String> contents = new TreeMap<>();
    for (String name : names) {
      try (Statement sql = connection.createStatement();
          ResultSet rows =
              sql.executeQuery(
                  "SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text)::text, '[]')"
                      + " FROM "
                      + name
                      + " t")) {
        rows.next();
        contents.put(name, rows.getString(1));
      }
    }
    return contents;
  }
}
