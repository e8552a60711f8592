package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 案件查询 (GET /cases): a clerk finds cases by what they know of them, and sees in the list exactly
 * the cases they may open, no more.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class CaseSearchTest {

  private static final String QILIN_OFFICE = TestTokens.qilinRegistrar();
  private static final String ACCUSED_UNIT =
      TestTokens.token(
          "nanning-officer", "530302001:zf", "530302001", "registrar", "handler", "supervisor");
  private static final String TOWNSHIP_REGISTRAR =
      TestTokens.token("nanning-registrar", "530302001:xfb", "530302001", "registrar");
  private static final String COUNTY_HOUSING =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");
  private static final String CITY_SUPERVISOR =
      TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");
  private static final String NEIGHBOUR =
      TestTokens.token("zhanyi-registrar", "530303:xfj", "530303", "registrar", "handler");

  /** A letter received 20 days ago: its 15 days to forward have run out. */
  private String lateLetter;

  /** An accusation against the 南宁街道 office, received today. */
  private String accusation;

  private Map<String, String> ids;

  @BeforeEach
  void register() {
    Map<String, Object> letter = Petitions.letter();
    letter.put("receivedOn", LocalDate.now(Clocks.CHINA).minusDays(20).toString());
    Map<String, Object> late = Petitions.registered(letter).path("petitionCase");
    Map<String, Object> accused = Petitions.registered(accusationToday()).path("petitionCase");
    lateLetter = (String) late.get("caseNumber");
    accusation = (String) accused.get("caseNumber");
    ids = Map.of(lateLetter, (String) late.get("id"), accusation, (String) accused.get("id"));
  }

  private static Map<String, Object> accusationToday() {
    Map<String, Object> body = Petitions.accusation();
    body.put("receivedOn", LocalDate.now(Clocks.CHINA).toString());
    return body;
  }

  @Test
  void theListShowsACallerExactlyTheCasesTheyMayOpen() {
    Map<String, String> callers =
        Map.of(
            "the registering office", QILIN_OFFICE,
            "the accused unit", ACCUSED_UNIT,
            "the township's registrar", TOWNSHIP_REGISTRAR,
            "the county's housing bureau", COUNTY_HOUSING,
            "the city's supervisor", CITY_SUPERVISOR,
            "the neighbouring county", NEIGHBOUR);
    callers.forEach(
        (who, token) -> {
          Set<String> opens = new HashSet<>();
          ids.forEach(
              (number, id) -> {
                int status = given().auth().oauth2(token).get("/cases/" + id).statusCode();
                if (status == 200) {
                  opens.add(number);
                }
              });
          assertEquals(opens, new HashSet<>(numbers(mine(token, Map.of()))), who);
        });
    // the rule is not trivial here: the accused unit sees the letter of its township but never
    // the accusation, the city's supervisor both, the neighbour neither
    assertEquals(List.of(lateLetter), numbers(mine(ACCUSED_UNIT, Map.of())));
    assertEquals(2, mine(CITY_SUPERVISOR, Map.of()).getInt("total"));
    assertEquals(0, mine(NEIGHBOUR, Map.of()).getInt("total"));
  }

  @Test
  void criteriaNarrowTheListAndPagesDoNotOverlap() {
    JsonPath overdue = mine(QILIN_OFFICE, Map.of("overdue", "true"));
    assertEquals(List.of(lateLetter), numbers(overdue));
    assertEquals("FORWARD", overdue.getString("items[0].nextStep"));
    assertEquals("转送交办", overdue.getString("items[0].nextStepLabel"));
    long daysLeft = overdue.getLong("items[0].daysLeft");
    assertTrue(daysLeft < 0, "overdue: " + daysLeft);
    assertEquals(
        java.time.temporal.ChronoUnit.DAYS.between(
            LocalDate.now(Clocks.CHINA), LocalDate.parse(overdue.getString("items[0].nextDueOn"))),
        daysLeft);
    // due within 0 days: only what is due today or overdue; within 15: the accusation's forwarding
    assertEquals(List.of(lateLetter), numbers(mine(QILIN_OFFICE, Map.of("dueWithin", "0"))));
    assertEquals(2, mine(QILIN_OFFICE, Map.of("dueWithin", "30")).getInt("total"));
    assertEquals(List.of(accusation), numbers(mine(QILIN_OFFICE, Map.of("accusation", "true"))));
    assertEquals(List.of(lateLetter), numbers(mine(QILIN_OFFICE, Map.of("accusation", "false"))));
    assertEquals(
        List.of(accusation),
        numbers(
            mine(QILIN_OFFICE, Map.of("receivedFrom", LocalDate.now(Clocks.CHINA).toString()))));
    assertEquals(
        2, mine(QILIN_OFFICE, Map.of("category", "01", "region", "530302")).getInt("total"));
    assertEquals(0, mine(QILIN_OFFICE, Map.of("category", "02")).getInt("total"));
    assertEquals(2, mine(QILIN_OFFICE, Map.of("status", "REGISTERED")).getInt("total"));
    assertEquals(
        List.of(lateLetter, accusation), numbers(mine(QILIN_OFFICE, Map.of("sort", "receivedOn"))));
    assertEquals(
        List.of(accusation, lateLetter), numbers(mine(QILIN_OFFICE, Map.of())), "newest first");

    JsonPath first = mine(QILIN_OFFICE, Map.of("size", "1", "sort", "receivedOn"));
    JsonPath second = mine(QILIN_OFFICE, Map.of("size", "1", "page", "1", "sort", "receivedOn"));
    assertEquals(2, first.getInt("total"));
    assertEquals(List.of(lateLetter), numbers(first));
    assertEquals(List.of(accusation), numbers(second));
    assertTrue(mine(QILIN_OFFICE, Map.of("page", "5")).getList("items").isEmpty());
  }

  @Test
  void theListNamesNoPersonAndNoContent() {
    String body =
        given()
            .auth()
            .oauth2(CITY_SUPERVISOR)
            .queryParam("caseNumber", lateLetter)
            .queryParam("caseNumber", accusation)
            .get("/cases")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(body.contains(accusation), body);
    for (String personal : List.of("张三", "李四", "长期不达标", "收受", "530302001:zf")) {
      assertTrue(!body.contains(personal), personal + " in " + body);
    }
  }

  @Test
  void theListIsExportedForExcelWithTheSameCriteria() {
    String csv =
        given()
            .auth()
            .oauth2(QILIN_OFFICE)
            .queryParam("caseNumber", lateLetter)
            .queryParam("caseNumber", accusation)
            .queryParam("sort", "receivedOn")
            .queryParam("format", "csv")
            .get("/cases")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Content-Disposition", startsWith("attachment"))
            .header("Petition-Total", "2")
            .extract()
            .asString();
    assertTrue(csv.startsWith("\uFEFF信访件编号,状态,内容分类"), csv);
    List<String> lines = csv.strip().lines().toList();
    assertEquals(3, lines.size(), csv);
    assertTrue(lines.get(1).startsWith(lateLetter + ",已登记,"), lines.get(1));
    assertTrue(lines.get(2).startsWith(accusation + ",已登记,"), lines.get(2));
    assertTrue(lines.get(2).contains(",否,否,否,是,转送交办,"), "an accusation: " + lines.get(2));
    assertTrue(!csv.contains("长期不达标") && !csv.contains("张三"), "no content, no person");
    refused(Map.of("format", "pdf"), 400, "format");
    refused(Map.of("format", "csv", "size", "10001"), 422, "size");
  }

  @Test
  void badCriteriaAreRefusedNamingTheParameter() {
    refused(Map.of("size", "abc"), 400, "size");
    refused(Map.of("size", "0"), 422, "size");
    refused(Map.of("size", "101"), 422, "size");
    refused(Map.of("sort", "name"), 422, "sort");
    refused(Map.of("status", "OPEN"), 422, "status");
    refused(Map.of("channel", "PIGEON"), 422, "channel");
    refused(Map.of("category", "98"), 422, "category");
    refused(Map.of("caseNumber", "12345"), 400, "caseNumber");
    refused(Map.of("receivedFrom", "2026-13-01"), 422, "receivedFrom");
    refused(Map.of("receivedFrom", "2026-11-02", "receivedTo", "2026-11-01"), 422, "receivedTo");
    refused(Map.of("overdue", "true", "dueWithin", "3"), 422, "dueWithin");
    refused(Map.of("accusation", "yes"), 400, "accusation");
    given()
        .auth()
        .oauth2(QILIN_OFFICE)
        .queryParam("region", "530303")
        .get("/cases")
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"));
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

  /** This test's two cases as the caller finds them with the criteria. */
  private JsonPath mine(String token, Map<String, String> criteria) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("caseNumber", lateLetter)
        .queryParam("caseNumber", accusation)
        .queryParams(criteria)
        .get("/cases")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<String> numbers(JsonPath page) {
    return page.getList("items.caseNumber", String.class);
  }
}
