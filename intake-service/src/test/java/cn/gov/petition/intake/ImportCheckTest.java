package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.Identities;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 27: an administrator checks the former system's export before importing it; every broken
 * case is reported by line, field and rule, in Chinese, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class ImportCheckTest {

  private static final String NDJSON = "application/x-ndjson; charset=UTF-8";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String administrator() {
    return TestTokens.token("qilin-admin", "530302:xfj", "530302", "administrator");
  }

  @Test
  void eachBrokenCaseIsReportedByLineFieldAndRuleAndNothingIsStored() throws Exception {
    int serial = Identities.nextSerial();
    String goodId = Identities.residentId("530302", serial);
    char check = goodId.charAt(17);
    String wrongCheckDigit = goodId.substring(0, 17) + (check == '0' ? '1' : '0');
    Map<String, Object> outside = closedIn2021("QL-2021-0006", goodId);
    registration(outside).put("matterRegionCode", "530303001");
    String file =
        String.join(
            "\n",
            line(closedIn2021("QL-2021-0001", goodId)),
            "{\"oldCaseNumber\": \"QL-2021-0002\", \"registration\": {",
            line(acceptedFirst("QL-2021-0003", goodId)),
            line(closedIn2021("QL-2021-0004", wrongCheckDigit)),
            "",
            line(closedIn2021("QL-2021-0001", goodId)),
            line(outside));

    JsonPath report =
        given()
            .auth()
            .oauth2(administrator())
            .contentType(NDJSON)
            .body(file.getBytes(StandardCharsets.UTF_8))
            .when()
            .post("/imports/check")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertEquals(6, report.getInt("records"), "the blank line is no case");
    assertEquals(1, report.getInt("valid"));
    assertEquals(5, report.getInt("invalid"));
    assertEquals(List.of(2, 3, 4, 6, 7), report.getList("rows.line", Integer.class));
    assertEquals("JsonLine", report.getString("rows[0].errors[0].rule"));
    assertEquals("steps[0].act", report.getString("rows[1].errors[0].field"));
    assertEquals("StepOrder", report.getString("rows[1].errors[0].rule"));
    assertEquals(
        "registration.petitioners[0].idNumber", report.getString("rows[2].errors[0].field"));
    assertEquals("IdDocument", report.getString("rows[2].errors[0].rule"));
    assertTrue(report.getString("rows[2].errors[0].message").startsWith("证件号码不正确"));
    assertEquals("原系统案件编号与第 1 行重复", report.getString("rows[3].errors[0].message"));
    assertEquals("InYourRegion", report.getString("rows[4].errors[0].rule"));
    String text = report.prettify();
    assertFalse(text.contains(goodId) || text.contains(wrongCheckDigit), "no ID number echoed");
    assertFalse(text.contains("张三") || text.contains("供暖"), "no name or content echoed");
  }

  @Test
  void onlyAnAdministratorChecksAndOnlyJsonLinesAreRead() {
    String file =
        line(
            closedIn2021("QL-2021-0101", Identities.residentId("530302", Identities.nextSerial())));
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(NDJSON)
        .body(file.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/imports/check")
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"));
    given()
        .auth()
        .oauth2(administrator())
        .contentType("application/json")
        .body(file.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/imports/check")
        .then()
        .statusCode(415)
        .contentType(startsWith("application/problem+json"));
    given()
        .auth()
        .oauth2(administrator())
        .contentType(NDJSON)
        .body("\n \n".getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/imports/check")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors[0].field", equalTo("body"));
  }

  private static Map<String, Object> closedIn2021(String number, String idNumber) {
    Map<String, Object> record = new HashMap<>();
    record.put("oldCaseNumber", number);
    // the registration as a clerk would send it today, received in 2021
    Map<String, Object> registration = Petitions.letter();
    registration.put("receivedOn", "2021-03-01");
    Petitions.firstPetitioner(registration).put("idNumber", idNumber);
    record.put("registration", registration);
    record.put("registeredBy", Map.of("unit", "530302:xfj", "user", "张登记"));
    record.put(
        "steps",
        List.of(
            Petitions.formerStep(
                "FORWARDED", "2021-03-02", "530302:xfj", Map.of("toUnit", "530302:zjj")),
            Petitions.formerStep("ACCEPTED", "2021-03-05", "530302:zjj", Map.of()),
            Petitions.formerStep(
                "OPINION_ISSUED",
                "2021-04-28",
                "530302:zjj",
                Map.of("outcome", "SUPPORTED", "text", "限期整改")),
            Petitions.formerStep(
                "CLOSED",
                "2021-06-01",
                "530302:zjj",
                Map.of("checklist", Map.of("problemSolved", "已整改")))));
    record.put("oldDueDates", Map.of("HANDLE", "2021-05-04"));
    return record;
  }

  private static Map<String, Object> acceptedFirst(String number, String idNumber) {
    Map<String, Object> record = closedIn2021(number, idNumber);
    record.put(
        "steps", List.of(Petitions.formerStep("ACCEPTED", "2021-03-05", "530302:zjj", Map.of())));
    return record;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> registration(Map<String, Object> record) {
    return (Map<String, Object>) record.get("registration");
  }

  private static String line(Map<String, Object> record) {
    try {
      return JSON.writeValueAsString(record);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
