package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.gov.petition.infra.Identities;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 27: an office's former cases come in through an import job, each replayed on its own days
 * through the live rules: due dates counted by the regulation and calendar of their dates, repeats
 * linked, a case the rules refuse left out whole, and a second run of the same file changing
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class ImportJobTest {

  private static final String NDJSON = "application/x-ndjson; charset=UTF-8";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OFFICE = "530302:xfj";
  private static final String BUREAU = "530302:zjj";

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String idNumber = Identities.residentId("530302", Identities.nextSerial());

  @Test
  void formerCasesComeInOnTheirOwnDaysThroughTheLiveRulesAndOnceOnly() throws Exception {
    String file =
        String.join(
            "\n",
            line(repeatIn2022()), // line 1, received after line 2's case: imported after it
            line(closedIn2021()),
            line(openAcrossSpringFestival()),
            line(evaluatedByTheRatedUnit()),
            line(wrongCheckDigit()));

    JsonPath first = importAndWait(file);
    assertEquals(5, first.getInt("records"));
    assertEquals(3, first.getInt("imported"));
    assertEquals(1, first.getInt("failed"));
    assertEquals(1, first.getInt("invalid"));

    Map<Integer, JsonPath> report = report(first.getString("id"));
    // 2021-03-01, under the 2005 《信访条例》: 60 days from acceptance on 2021-03-05 end on
    // 2021-05-04, inside the May Day holiday (1–5 May 2021), so on 2021-05-06; the 30 days'
    // extension
    // makes it 90 days from acceptance, 2021-06-03
    String closed = report.get(2).getString("caseId");
    JsonPath closedCase = read(closed);
    assertEquals("CLOSED", closedCase.getString("status"));
    assertEquals("2021-03-01", closedCase.getString("receivedOn"));
    assertEquals(
        Map.of(
            "FORWARD", "2021-03-16/2021-03-02",
            "ACCEPT", "2021-03-17/2021-03-05",
            "HANDLE", "2021-06-03/2021-05-28",
            "EVALUATE", "2021-06-04/2021-06-03"),
        dueAndDone(closedCase, "FORWARD", "ACCEPT", "HANDLE", "EVALUATE"));
    List<Map<String, Object>> history = history(closed);
    assertEquals(
        List.of(
            "REGISTERED 2021-03-01",
            "FORWARDED 2021-03-02",
            "ACCEPTED 2021-03-05",
            "EXTENDED 2021-04-20",
            "OPINION_ISSUED 2021-05-28",
            "EVALUATED 2021-06-03",
            "CLOSED 2021-07-01"),
        history.stream().map(t -> t.get("transition") + " " + t.get("occurredOn")).toList());
    assertEquals("2021-05-06", detail(history.get(3), "previousDueOn"));
    // the former system's 2021-05-04 for HANDLE is listed as a difference
    assertEquals("HANDLE", report.get(2).getString("dueDifferences[0].step"));
    assertEquals("2021-05-04", report.get(2).getString("dueDifferences[0].former"));
    assertEquals("2021-06-03", report.get(2).getString("dueDifferences[0].platform"));

    // the 2022 letter of the same petitioner is linked to the 2021 case as a repeat
    JsonPath repeat = read(report.get(1).getString("caseId"));
    assertEquals(closed, repeat.getString("repeatOf.caseId"));
    assertEquals("ID_NUMBER", repeat.getString("repeatOf.matchedOn"));

    // forwarded 2025-01-22, before the Spring Festival holiday (28 Jan – 4 Feb 2025): the 5 working
    // days to object are 23, 24, 26 (a make-up working Sunday), 27 January and 5 February; still
    // open, it keeps a live clock: 60 days from acceptance on 2025-02-06
    JsonPath open = read(report.get(3).getString("caseId"));
    assertEquals("ACCEPTED", open.getString("status"));
    assertEquals(
        Map.of("OBJECT", "2025-02-05/2025-02-06", "HANDLE", "2025-04-07/"),
        dueAndDone(open, "OBJECT", "HANDLE"));

    // the evaluation recorded by the unit being rated is refused: nothing of that case is in
    assertEquals("FAILED", report.get(4).getString("state"));
    assertEquals("steps[3]", report.get(4).getString("errors[0].field"));
    assertEquals("ActingUnit", report.get(4).getString("errors[0].rule"));
    assertNull(report.get(4).get("caseId"));
    assertEquals("INVALID", report.get(5).getString("state"));
    assertEquals(
        "registration.petitioners[0].idNumber", report.get(5).getString("errors[0].field"));

    // the same file again: every case is in already, nothing changes
    JsonPath second = importAndWait(file);
    assertEquals(3, second.getInt("skipped"));
    assertEquals(0, second.getInt("imported"));
    assertEquals(1, second.getInt("failed"));
    assertEquals(closed, report(second.getString("id")).get(2).getString("caseId"));
    assertEquals(history.size(), history(closed).size());
  }

  @Test
  void lettersOfOneDayAreLinkedToTheNewestEarlierOneInTheFilesOrder() throws Exception {
    // every former case of one day is registered at 09:00 of it: the file's order, kept in the
    // day's case numbers, says which came last (CI once linked to an older one)
    List<String> letters = List.of("D1", "D2", "D3", "D4", "D5");
    StringBuilder file = new StringBuilder();
    for (String letter : letters) {
      file.append(line(closedIn2021(letter))).append('\n');
    }
    JsonPath done = importAndWait(file.toString());
    assertEquals(letters.size(), done.getInt("imported"), done.prettify());
    Map<Integer, JsonPath> report = report(done.getString("id"));
    for (int line = 2; line <= letters.size(); line++) {
      JsonPath repeat = read(report.get(line).getString("caseId"));
      assertEquals(
          report.get(line - 1).getString("caseId"),
          repeat.getString("repeatOf.caseId"),
          "line " + line);
    }
  }

  @Test
  void aJobIsItsRegionsAdministratorsAndPartsComeBeforeTheStart() throws Exception {
    String job = open();
    given()
        .auth()
        .oauth2(TestTokens.token("luliang-admin", "530322:xfj", "530322", "administrator"))
        .when()
        .get("/imports/" + job)
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/imports/" + job)
        .then()
        .statusCode(403);
    given().auth().oauth2(administrator()).when().get("/imports/not-a-job").then().statusCode(400);
    addPart(job, line(closedIn2021()));
    // a former number that the first part holds is refused in the second, numbered after it
    JsonPath part = addPart(job, "\n" + line(closedIn2021()));
    assertEquals(3, part.getInt("rows[0].line"));
    assertEquals("Unique", part.getString("rows[0].errors[0].rule"));
    // a part over the request limit (1 MB; a 2 GB file comes in parts) is refused unread
    given()
        .auth()
        .oauth2(administrator())
        .contentType(NDJSON)
        .body(new byte[1_200_000])
        .when()
        .post("/imports/" + job + "/parts")
        .then()
        .statusCode(413)
        .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    assertEquals(2, progress(job).getInt("records"), "nothing of it was kept");
    post(job, "start").statusCode(200).body("status", equalTo("RUNNING"));
    given()
        .auth()
        .oauth2(administrator())
        .contentType(NDJSON)
        .body(line(openAcrossSpringFestival()).getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/imports/" + job + "/parts")
        .then()
        .statusCode(409);
    post(job, "start").statusCode(409);
  }

  @Test
  void anAccusationForwardedToTheAccusedUnitIsNotImported() throws Exception {
    Map<String, Object> record = new HashMap<>();
    record.put("oldCaseNumber", "IMP-" + run + "-ACC");
    Map<String, Object> accusation = Petitions.accusation(); // accuses 530302001:zf
    accusation.put("receivedOn", "2022-06-06");
    record.put("registration", accusation);
    record.put("registeredBy", Map.of("unit", OFFICE, "user", "张登记"));
    record.put(
        "steps",
        List.of(
            Petitions.formerStep(
                "FORWARDED", "2022-06-07", OFFICE, Map.of("toUnit", "530302001:zf"))));

    JsonPath done = importAndWait(line(record));
    assertEquals(1, done.getInt("failed"), done.prettify());
    JsonPath row = report(done.getString("id")).get(1);
    assertEquals("steps[0].toUnit", row.getString("errors[0].field"));
    assertEquals("NotTheAccused", row.getString("errors[0].rule"));
  }

  @Test
  void formerCodesAreReadThroughTheOfficesMappingTables() throws Exception {
    // a table with a unit that does not exist and a former code twice is refused whole
    given()
        .auth()
        .oauth2(administrator())
        .contentType("text/csv; charset=UTF-8")
        .body("原系统代码,平台代码,说明\nX1,530302:nobody,\nX1,530302:zjj,".getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/import-mappings/unit")
        .then()
        .statusCode(422)
        .body(
            "errors.field",
            org.hamcrest.Matchers.contains("rows[1].platformCode", "rows[2].formerCode"))
        .body("errors.rule", org.hamcrest.Matchers.contains("KnownUnit", "Unique"));
    int units =
        putMapping(
            "unit", "原系统代码,平台代码,说明\nQL-XFJ,530302:xfj,麒麟区信访局\nQL-ZJJ,530302:zjj,\"住建局，含原城建局\"");
    int categories = putMapping("category", "GN01,0105,供暖");
    given()
        .auth()
        .oauth2(administrator())
        .queryParam("version", units)
        .when()
        .get("/import-mappings/unit")
        .then()
        .statusCode(200)
        .body("rows.find { it.formerCode == 'QL-ZJJ' }.note", equalTo("住建局，含原城建局"));

    Map<String, Object> record = closedIn2021();
    registration(record).put("category", "GN01");
    record.put("registeredBy", Map.of("unit", "QL-XFJ", "user", "张登记"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) record.get("steps");
    List<Map<String, Object>> former = new java.util.ArrayList<>();
    for (Map<String, Object> step : steps) {
      Map<String, Object> copy = new HashMap<>(step);
      @SuppressWarnings("unchecked")
      Map<String, Object> by = (Map<String, Object>) step.get("by");
      copy.put(
          "by", Map.of("unit", OFFICE.equals(by.get("unit")) ? "QL-XFJ" : "QL-ZJJ", "user", "李办理"));
      if (copy.containsKey("toUnit")) {
        copy.put("toUnit", "QL-ZJJ");
      }
      former.add(copy);
    }
    record.put("steps", former);

    JsonPath done = importAndWait(line(record));
    assertEquals(1, done.getInt("imported"), done.prettify());
    assertEquals("CATEGORY v" + categories + ", UNIT v" + units, done.getString("mappingVersions"));
    JsonPath imported = read(report(done.getString("id")).get(1).getString("caseId"));
    assertEquals("0105", imported.getString("category"));
    assertEquals(BUREAU, imported.getString("handlingUnit.code"));
    assertEquals(OFFICE, imported.getString("registeringUnit"));
  }

  private static int putMapping(String table, String csv) {
    return given()
        .auth()
        .oauth2(administrator())
        .contentType("text/csv; charset=UTF-8")
        .body(csv.getBytes(StandardCharsets.UTF_8))
        .when()
        .put("/import-mappings/" + table)
        .then()
        .statusCode(200)
        .extract()
        .path("version");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> registration(Map<String, Object> record) {
    return (Map<String, Object>) record.get("registration");
  }

  private JsonPath importAndWait(String file) {
    String job = open();
    addPart(job, file);
    post(job, "start").statusCode(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "DONE".equals(progress(job).getString("status")));
    return progress(job);
  }

  private static String open() {
    return given()
        .auth()
        .oauth2(administrator())
        .when()
        .post("/imports")
        .then()
        .statusCode(201)
        .body("status", equalTo("OPEN"))
        .extract()
        .path("id");
  }

  private static JsonPath addPart(String job, String text) {
    return given()
        .auth()
        .oauth2(administrator())
        .contentType(NDJSON)
        .body(text.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/imports/" + job + "/parts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static io.restassured.response.ValidatableResponse post(String job, String act) {
    return given().auth().oauth2(administrator()).when().post("/imports/" + job + "/" + act).then();
  }

  private static JsonPath progress(String job) {
    return given()
        .auth()
        .oauth2(administrator())
        .when()
        .get("/imports/" + job)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The job's report by line. */
  private static Map<Integer, JsonPath> report(String job) {
    JsonPath page =
        given()
            .auth()
            .oauth2(administrator())
            .when()
            .queryParam("all", true)
            .get("/imports/" + job + "/report")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<Integer, JsonPath> rows = new HashMap<>();
    List<Map<String, Object>> list = page.getList("rows");
    for (int i = 0; i < list.size(); i++) {
      rows.put(
          (Integer) list.get(i).get("line"),
          new JsonPath(page.prettify()).setRootPath("rows[" + i + "]"));
    }
    return rows;
  }

  private static JsonPath read(String caseId) {
    return given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/cases/" + caseId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<Map<String, Object>> history(String caseId) {
    return given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/cases/" + caseId + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("");
  }

  @SuppressWarnings("unchecked")
  private static Object detail(Map<String, Object> transition, String key) {
    return ((Map<String, Object>) transition.get("details")).get(key);
  }

  /** "due/done" of the latest of each named step. */
  private static Map<String, String> dueAndDone(JsonPath c, String... steps) {
    List<Map<String, Object>> all = c.getList("steps");
    return List.of(steps).stream()
        .collect(
            Collectors.toMap(
                s -> s,
                s -> {
                  Map<String, Object> last =
                      all.stream()
                          .filter(x -> s.equals(x.get("step")))
                          .reduce((a, b) -> b)
                          .orElseThrow();
                  return last.get("dueOn")
                      + "/"
                      + (last.get("doneOn") == null ? "" : last.get("doneOn"));
                }));
  }

  private static String administrator() {
    return TestTokens.token("qilin-admin", OFFICE, "530302", "administrator");
  }

  private Map<String, Object> closedIn2021() {
    return closedIn2021("A");
  }

  /** A letter of 2021-03-01, handled and closed that summer. */
  private Map<String, Object> closedIn2021(String letter) {
    Map<String, Object> record = record(letter, "2021-03-01", idNumber);
    record.put(
        "steps",
        List.of(
            Petitions.formerStep("FORWARDED", "2021-03-02", OFFICE, Map.of("toUnit", BUREAU)),
            Petitions.formerStep("ACCEPTED", "2021-03-05", BUREAU, Map.of()),
            Petitions.formerStep(
                "EXTENDED", "2021-04-20", BUREAU, Map.of("days", 30, "text", "需现场核查")),
            Petitions.formerStep(
                "OPINION_ISSUED",
                "2021-05-28",
                BUREAU,
                Map.of("outcome", "SUPPORTED", "text", "限期整改")),
            Petitions.formerStep("EVALUATED", "2021-06-03", OFFICE, Map.of("outcome", "SATISFIED")),
            Petitions.formerStep(
                "CLOSED",
                "2021-07-01",
                BUREAU,
                Map.of("checklist", Map.of("problemSolved", "管网已更换")))));
    record.put("oldDueDates", Map.of("HANDLE", "2021-05-04", "FORWARD", "2021-03-16"));
    return record;
  }

  private Map<String, Object> repeatIn2022() {
    Map<String, Object> record = record("C", "2022-03-01", idNumber);
    record.put(
        "steps",
        List.of(Petitions.formerStep("FORWARDED", "2022-03-02", OFFICE, Map.of("toUnit", BUREAU))));
    return record;
  }

  private Map<String, Object> openAcrossSpringFestival() {
    Map<String, Object> record =
        record("B", "2025-01-20", Identities.residentId("530302", Identities.nextSerial()));
    record.put(
        "steps",
        List.of(
            Petitions.formerStep("FORWARDED", "2025-01-22", OFFICE, Map.of("toUnit", BUREAU)),
            Petitions.formerStep("ACCEPTED", "2025-02-06", BUREAU, Map.of())));
    return record;
  }

  private Map<String, Object> evaluatedByTheRatedUnit() {
    Map<String, Object> record =
        record("D", "2023-05-08", Identities.residentId("530302", Identities.nextSerial()));
    record.put(
        "steps",
        List.of(
            Petitions.formerStep("FORWARDED", "2023-05-09", OFFICE, Map.of("toUnit", BUREAU)),
            Petitions.formerStep("ACCEPTED", "2023-05-10", BUREAU, Map.of()),
            Petitions.formerStep(
                "OPINION_ISSUED",
                "2023-06-01",
                BUREAU,
                Map.of("outcome", "EXPLAINED", "text", "已解释")),
            Petitions.formerStep(
                "EVALUATED", "2023-06-02", BUREAU, Map.of("outcome", "SATISFIED"))));
    return record;
  }

  private Map<String, Object> wrongCheckDigit() {
    String good = Identities.residentId("530302", Identities.nextSerial());
    char check = good.charAt(17);
    return record("E", "2024-01-08", good.substring(0, 17) + (check == '0' ? '1' : '0'));
  }

  private Map<String, Object> record(String letter, String receivedOn, String id) {
    Map<String, Object> record = new HashMap<>();
    record.put("oldCaseNumber", "IMP-" + run + "-" + letter);
    Map<String, Object> registration = Petitions.letter();
    registration.put("receivedOn", receivedOn);
    Petitions.firstPetitioner(registration).put("idNumber", id);
    record.put("registration", registration);
    record.put("registeredBy", Map.of("unit", OFFICE, "user", "张登记"));
    record.put("steps", List.of());
    return record;
  }

  private static String line(Map<String, Object> record) throws Exception {
    return JSON.writeValueAsString(record);
  }
}
