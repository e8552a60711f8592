package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.intake.store.ContentIndex;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 内容检索 (GET /cases?q=): a clerk finds a case by words of its content, though the content is sealed
 * at rest (ADR 29), and only among the cases whose content they may read.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class ContentSearchTest {

  private static final String QILIN_OFFICE = TestTokens.qilinRegistrar();
  private static final String ACCUSED_UNIT =
      TestTokens.token(
          "nanning-officer", "530302001:zf", "530302001", "registrar", "handler", "supervisor");
  private static final String COUNTY_HOUSING =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");
  private static final String CITY_SUPERVISOR =
      TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");
  private static final String PROVINCE_OFFICE =
      TestTokens.token("yunnan-office", "53:xfj", "53", "supervisor");
  private static final String NEIGHBOUR =
      TestTokens.token("zhanyi-registrar", "530303:xfj", "530303", "registrar", "handler");

  @Inject DataSource dataSource;

  /** This test's cases by their content. */
  private final Map<String, String> numbers = new LinkedHashMap<>();

  private final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeEach
  void register() {
    letter("heating", "小区供暖长期不达标，多次反映未解决。", 3);
    letter("heatingTwice", "供暖费已交，供暖仍不达标。", 2);
    letter("parking", "小区停车位被占用，物业不管。", 1);
    // every pair of 供暖不达标 (供暖 暖不 不达 达标), but not the phrase
    letter("scattered", "冬天供暖差，屋里不暖不热，检测不达标。", 4);
    // older than the three months a city's or a province's search reads first
    letter("old", "小区物业维修基金被挪用，业主多次反映。", 200);
    Map<String, Object> accusation = Petitions.accusation();
    accusation.put("receivedOn", LocalDate.now(Clocks.CHINA).toString());
    remember("accusation", Petitions.registered(accusation).path("petitionCase"));
  }

  private void letter(String name, String content, int daysAgo) {
    Map<String, Object> letter = Petitions.letter();
    letter.put("content", content);
    letter.put("receivedOn", LocalDate.now(Clocks.CHINA).minusDays(daysAgo).toString());
    remember(name, Petitions.registered(letter).path("petitionCase"));
  }

  private void remember(String name, Map<String, Object> registered) {
    numbers.put(name, (String) registered.get("caseNumber"));
    ids.put(name, (String) registered.get("id"));
  }

  @Test
  void aWordOfTheContentFindsTheCasesThatHoldItWhole() {
    assertEquals(
        Set.of("heating", "heatingTwice", "scattered", "accusation"),
        Set.copyOf(found(QILIN_OFFICE, Map.of("q", "供暖"))));
    assertEquals(List.of("parking"), found(QILIN_OFFICE, Map.of("q", "停车位")));
    // a phrase stands whole: the scattered letter holds its pairs, not the phrase
    assertEquals(List.of("heatingTwice"), found(QILIN_OFFICE, Map.of("q", "供暖仍不达标")));
    assertEquals(List.of(), found(QILIN_OFFICE, Map.of("q", "供暖不达标")));
    // several words: all of them, anywhere; punctuation and full-width spaces do not count
    assertEquals(
        Set.of("heating", "heatingTwice", "scattered"),
        Set.copyOf(found(QILIN_OFFICE, Map.of("q", "供暖　不达标"))));
    assertEquals(List.of("heating"), found(QILIN_OFFICE, Map.of("q", "“长期不达标，” 多次")));
    assertEquals(List.of(), found(QILIN_OFFICE, Map.of("q", "供暖 停车位")));
    // with other criteria
    assertEquals(
        List.of("accusation"), found(QILIN_OFFICE, Map.of("q", "供暖", "accusation", "true")));
  }

  @Test
  void theBestAnswersComeFirstOrAsSorted() {
    // 供暖 twice, then once each, the newest first among equals
    assertEquals(
        List.of("heatingTwice", "accusation", "heating", "scattered"),
        found(QILIN_OFFICE, Map.of("q", "供暖")));
    assertEquals(
        List.of("scattered", "heating", "heatingTwice", "accusation"),
        found(QILIN_OFFICE, Map.of("q", "供暖", "sort", "receivedOn")));
    JsonPath second =
        page(QILIN_OFFICE, Map.of("q", "供暖", "sort", "receivedOn", "size", "3", "page", "1"));
    assertEquals(4, second.getInt("total"));
    assertEquals(List.of(numbers.get("accusation")), second.getList("items.caseNumber"));
    assertEquals(
        "FORWARD", second.getString("items[0].nextStep"), "the page is read in full as without q");
  }

  @Test
  void aCallerFindsByContentExactlyTheCasesWhoseContentTheyMayRead() {
    Map<String, String> callers =
        Map.of(
            "the registering office", QILIN_OFFICE,
            "the accused unit", ACCUSED_UNIT,
            "the county's housing bureau", COUNTY_HOUSING,
            "the city's supervisor", CITY_SUPERVISOR,
            "the province's office", PROVINCE_OFFICE,
            "the neighbouring county", NEIGHBOUR);
    callers.forEach(
        (who, token) -> {
          Set<String> reads = new HashSet<>();
          ids.forEach(
              (name, id) -> {
                var response = given().auth().oauth2(token).get("/cases/" + id);
                if (response.statusCode() == 200
                    && response.jsonPath().getString("content").contains("供暖")) {
                  reads.add(name);
                }
              });
          assertEquals(reads, new HashSet<>(found(token, Map.of("q", "供暖"))), who);
          // with another criterion the case rows are asked too (V21): the same answer
          assertEquals(
              reads,
              new HashSet<>(found(token, Map.of("q", "供暖", "receivedFrom", "2000-01-01"))),
              who + ", with a criterion of the case rows");
        });
    // not trivial: the city's supervisor may open the accusation but not read its content
    assertTrue(found(CITY_SUPERVISOR, Map.of("q", "收受")).isEmpty());
    assertEquals(3, found(PROVINCE_OFFICE, Map.of("q", "供暖")).size(), "the letters");
    // a wide search reads further back when the newest months hold too few
    assertEquals(List.of("old"), found(CITY_SUPERVISOR, Map.of("q", "维修基金")));
    assertEquals(List.of("old"), found(PROVINCE_OFFICE, Map.of("q", "维修基金")));
    assertEquals(List.of("accusation"), found(QILIN_OFFICE, Map.of("q", "收受")));
    assertTrue(found(ACCUSED_UNIT, Map.of("q", "收受")).isEmpty(), "never the accused");
    assertTrue(found(NEIGHBOUR, Map.of("q", "供暖")).isEmpty());
    // a region of any level, from the index alone
    assertEquals(
        Set.of("heating", "heatingTwice", "scattered"),
        Set.copyOf(found(CITY_SUPERVISOR, Map.of("q", "供暖", "region", "530302"))));
    assertTrue(found(CITY_SUPERVISOR, Map.of("q", "供暖", "region", "530303")).isEmpty());
  }

  @Test
  void aCaseRoutedToAnotherCountyIsFoundThereByItsWords() {
    assertTrue(found(NEIGHBOUR, Map.of("q", "停车位")).isEmpty());
    Decisions.route(ids.get("parking"), "530303:xfj", "沾益区信访局").send();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> found(NEIGHBOUR, Map.of("q", "停车位")).equals(List.of("parking")));
    assertEquals(List.of("parking"), found(QILIN_OFFICE, Map.of("q", "停车位")), "still its own");
  }

  @Test
  void aCaseWithoutAnIndexRowIsIndexedByThePass() throws Exception {
    UUID id = UUID.fromString(ids.get("parking"));
    try (Connection connection = dataSource.getConnection()) {
      connection.setSchema("intake");
      try (PreparedStatement drop =
          connection.prepareStatement("DELETE FROM case_terms WHERE case_id = ?")) {
        drop.setObject(1, id);
        assertEquals(1, drop.executeUpdate());
      }
      assertTrue(found(QILIN_OFFICE, Map.of("q", "停车位")).isEmpty(), "not indexed: not found");
      // the pass of a node upgraded from a version without the index
      assertTrue(ContentIndex.indexAll(connection, FieldCipher.instance()) >= 1);
      try (PreparedStatement row =
          connection.prepareStatement(
              "SELECT key_id, array_length(words, 1), scope FROM case_terms WHERE case_id = ?")) {
        row.setObject(1, id);
        try (ResultSet rs = row.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(FieldCipher.instance().currentKeyId(), rs.getString(1));
          assertEquals(ContentWords.pairs("小区停车位被占用，物业不管。").size(), rs.getInt(2));
          List<String> scope = List.of((String[]) rs.getArray(3).getArray());
          assertTrue(
              scope.containsAll(List.of("R:", "R:53", "R:5303", "R:530302", "U:530302:xfj")),
              scope.toString());
        }
      }
    }
    assertEquals(List.of("parking"), found(QILIN_OFFICE, Map.of("q", "停车位")));
  }

  @Test
  void badWordsAreRefusedNamingTheParameter() {
    refused(Map.of("q", "暖"), 422, "q");
    refused(Map.of("q", "，。 ！"), 422, "q");
    refused(Map.of("q", "一一 二二 三三 四四 五五 六六 七七 八八 九九"), 422, "q");
    refused(Map.of("q", "供".repeat(101)), 400, "q");
    refused(Map.of("sort", "relevance"), 422, "sort");
  }

  private static void refused(Map<String, String> query, int status, String field) {
    given()
        .auth()
        .oauth2(QILIN_OFFICE)
        .queryParams(query)
        .get("/cases")
        .then()
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("errors[0].field", equalTo(field));
  }

  /** The names of this test's cases the caller finds, in the order found. */
  private List<String> found(String token, Map<String, String> criteria) {
    List<String> names = new ArrayList<>();
    for (String number : page(token, criteria).getList("items.caseNumber", String.class)) {
      numbers.forEach(
          (name, n) -> {
            if (n.equals(number)) {
              names.add(name);
            }
          });
    }
    return names;
  }

  private JsonPath page(String token, Map<String, String> criteria) {
    var request = given().auth().oauth2(token);
    numbers.values().forEach(n -> request.queryParam("caseNumber", n));
    return request.queryParams(criteria).get("/cases").then().statusCode(200).extract().jsonPath();
  }
}
