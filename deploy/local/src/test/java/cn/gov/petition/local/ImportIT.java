package cn.gov.petition.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 27, end to end through the gateway and the command line's import: a few hundred former
 * cases of 2021 to now come in, each on its own days; supervision and analytics count them in their
 * true months (a past month's rate and volume come out as if handled here); repeats are linked to
 * the earlier case of the same petitioner; the same file again changes nothing.
 */
@ExtendWith(SharedNode.class)
@Order(4)
class ImportIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** 宣威市: only this test's June 2023 lies there. */
  private static final String KNOWN_COUNTY = "530381";

  private static Platform platform;
  private static String administrator;
  private static String cityOffice;

  @BeforeAll
  static void start() throws Exception {
    platform = SharedNode.platform();
    administrator = Tokens.of(platform, "import-admin", "administrator", "53");
    cityOffice =
        DemoData.token(
            java.net.http.HttpClient.newHttpClient(), platform.gatewayUrl(), "qujing-office");
  }

  @Test
  void formerCasesFrom2021AreCountedInTheirMonthsLinkedAsRepeatsAndImportedOnce() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    LocalDate today = LocalDate.now(CHINA);
    List<Map<String, Object>> cases =
        new ArrayList<>(
            new FormerCases("530302", "IT" + run, today, run.hashCode())
                .between(LocalDate.of(2021, 1, 4), today.minusDays(1), 300));
    cases.addAll(june2023(run));
    Path file = Files.createTempFile("former-cases-", ".jsonl");
    StringBuilder lines = new StringBuilder();
    for (Map<String, Object> c : cases) {
      lines.append(JSON.writeValueAsString(c)).append('\n');
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ImportCommand command =
        new ImportCommand(
            platform.gatewayUrl(),
            administrator,
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            false);
    JsonNode first = command.importFile(file);
    assertEquals("DONE", first.path("status").asText(), printed.toString(StandardCharsets.UTF_8));
    assertEquals(
        cases.size(), first.path("imported").asInt(), printed.toString(StandardCharsets.UTF_8));
    assertEquals(0, first.path("failed").asInt() + first.path("invalid").asInt());

    // June 2023 in 宣威市: 10 letters forwarded on 1 June, due for acceptance on 16 June; 7
    // accepted on 5 June, 3 on 26 June
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              JsonPath rates = rates(KNOWN_COUNTY, "2023-06");
              assertEquals(
                  7, rates.getInt("rates.find { it.rate == 'TIMELY_ACCEPTANCE' }.numerator"));
              assertEquals(
                  10, rates.getInt("rates.find { it.rate == 'TIMELY_ACCEPTANCE' }.denominator"));
              assertEquals(10, june2023Volume(), "counted on the day received");
            });

    Map<String, String> caseOf = casesOf(first.path("id").asText());
    // a letter of a petitioner who wrote before about the same matter is linked to the newest
    // earlier case
    Map<String, String> newestEarlier = new HashMap<>();
    int repeats = 0;
    for (Map<String, Object> c : cases) {
      String number = (String) c.get("oldCaseNumber");
      String idNumber = idNumber(c);
      String earlier = newestEarlier.put(idNumber + content(c), number);
      if (earlier != null && repeats++ < 5) {
        JsonPath read = read(caseOf.get(number));
        assertEquals(caseOf.get(earlier), read.getString("repeatOf.caseId"), number);
      }
    }
    assertEquals(true, repeats > 0, "the file holds repeats");

    // the same file again: every case is in already
    JsonNode second = command.importFile(file);
    assertEquals(cases.size(), second.path("skipped").asInt());
    assertEquals(0, second.path("imported").asInt());
    assertEquals(10, june2023Volume());
  }

  private static long june2023Volume() {
    return Visits.counted(
        platform.gatewayUrl(),
        cityOffice,
        KNOWN_COUNTY,
        LocalDate.of(2023, 6, 1),
        LocalDate.of(2023, 6, 30));
  }

  /** Ten letters of 1 June 2023 in 宣威市, seven accepted in time. */
  private static List<Map<String, Object>> june2023(String run) {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int serial = cn.gov.petition.infra.Identities.nextSerial();
      Map<String, Object> petitioner = new LinkedHashMap<>();
      petitioner.put("name", "宣威" + (char) ('甲' + i));
      petitioner.put("idNumber", cn.gov.petition.infra.Identities.residentId(KNOWN_COUNTY, serial));
      petitioner.put("address", "宣威市宛水街道" + serial + "号");
      Map<String, Object> registration = new LinkedHashMap<>();
      registration.put("channel", "LETTER");
      registration.put("receivedOn", "2023-06-01");
      registration.put("matterRegionCode", "530381001");
      registration.put("petitionClass", "APPEAL");
      registration.put("purpose", "SEEK_SOLUTION");
      registration.put("category", "0901");
      registration.put("content", "村道第" + (i + 1) + "段损毁，雨季无法通行，请求维修。");
      registration.put("personCount", 1);
      registration.put("petitioners", List.of(petitioner));
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("oldCaseNumber", "XW" + run + "-2023-" + i);
      record.put("registration", registration);
      record.put("registeredBy", Map.of("unit", KNOWN_COUNTY + ":xfj", "user", "宣威登记员"));
      record.put(
          "steps",
          List.of(
              Map.of(
                  "act",
                  "FORWARDED",
                  "on",
                  "2023-06-01",
                  "by",
                  Map.of("unit", KNOWN_COUNTY + ":xfj", "user", "宣威登记员"),
                  "toUnit",
                  KNOWN_COUNTY + ":jtj"),
              Map.of(
                  "act",
                  "ACCEPTED",
                  "on",
                  i < 7 ? "2023-06-05" : "2023-06-26",
                  "by",
                  Map.of("unit", KNOWN_COUNTY + ":jtj", "user", "宣威承办人"))));
      cases.add(record);
    }
    return cases;
  }

  @SuppressWarnings("unchecked")
  private static String idNumber(Map<String, Object> c) {
    Map<String, Object> registration = (Map<String, Object>) c.get("registration");
    return (String)
        ((List<Map<String, Object>>) registration.get("petitioners")).get(0).get("idNumber");
  }

  @SuppressWarnings("unchecked")
  private static String content(Map<String, Object> c) {
    return (String) ((Map<String, Object>) c.get("registration")).get("content");
  }

  /** Each former number's case, from the job's full report. */
  private static Map<String, String> casesOf(String job) {
    Map<String, String> cases = new HashMap<>();
    int after = 0;
    while (true) {
      JsonPath page =
          given()
              .baseUri(platform.gatewayUrl())
              .auth()
              .oauth2(administrator)
              .queryParam("all", true)
              .queryParam("after", after)
              .queryParam("size", 1000)
              .get("/api/intake/imports/" + job + "/report")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> rows = page.getList("rows");
      rows.forEach(r -> cases.put((String) r.get("oldCaseNumber"), (String) r.get("caseId")));
      if (page.get("nextAfter") == null) {
        return cases;
      }
      after = page.getInt("nextAfter");
    }
  }

  private static JsonPath read(String caseId) {
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(cityOffice)
        .get("/api/intake/cases/" + caseId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath rates(String region, String period) {
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(cityOffice)
        .queryParam("region", region)
        .queryParam("period", period)
        .get("/api/analytics/statistics/rates")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
