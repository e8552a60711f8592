package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.infra.Identities;
import cn.gov.petition.intake.store.ContentIndex;
import cn.gov.petition.intake.store.SealedColumns;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 保管期限 and 匿名化 (issue 31, item 8), on the real database and object store: an office sets its
 * periods (bad ones refused, nothing changed); once a case's attachment period has passed its
 * attachments are deleted from the store, once its case-file period has passed its personal data
 * are taken out, and the case still counts; what was done is recorded, naming fields and
 * attachments only. The cases are 陆良县's, an office no other test registers for, so that the days
 * this test sets reach no other test's cases.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ObjectStoreResource.class, restrictToAnnotatedClass = false)
class RetentionTest {

  private static final String OFFICE = "530322:xfj";
  private static final String REGISTRAR =
      TestTokens.token("luliang-registrar", OFFICE, "530322", "registrar", "handler");
  private static final String ADMIN =
      TestTokens.token("luliang-admin", OFFICE, "530322", "administrator");
  private static final String AUDITOR =
      TestTokens.token("luliang-auditor", OFFICE, "530322", "auditor");
  private static final String HOUSING =
      TestTokens.token("luliang-housing", "530322:zjj", "530322", "handler");
  private static final String REASON = "%E5%8F%97%E7%90%86%E6%A0%B8%E6%9F%A5"; // 受理核查

  private static final byte[] SCAN =
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% 来信：供暖不达标\n%%EOF\n"
          .getBytes(StandardCharsets.UTF_8);

  private static final String NEXT_KEY = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGho=";

  @Inject TestClock clock;

  @Inject DataSource dataSource;

  @AfterEach
  void reset() {
    clock.reset();
    for (String type : List.of("CASE_FILE", "ATTACHMENT")) {
      given().auth().oauth2(ADMIN).delete("/retention-periods/" + type).then().statusCode(200);
    }
  }

  @Test
  void attachmentsGoAfterTheirPeriodAndPersonalDataAfterTheCaseFilesAndTheCaseStillCounts()
      throws Exception {
    Map<String, Object> letter = Petitions.letter();
    letter.put("matterRegionCode", "530322001");
    String words = "中枢街道锅炉房" + Identities.nextSerial();
    letter.put("content", words + "供暖长期不达标，张三多次反映未解决。");
    Map<String, Object> person = Petitions.firstPetitioner(letter);
    JsonPath registered = register(letter);
    String id = registered.getString("petitionCase.id");
    String queryCode = registered.getString("queryCode");
    String open = register(openLetter()).getString("petitionCase.id");
    AttachmentsTest.upload(REGISTRAR, id, "LETTER_SCAN", "张三来信.pdf", "application/pdf", SCAN)
        .statusCode(201);
    assertEquals(1, ObjectStoreResource.storedFor(id));
    Decisions.route(id, "530322:zjj", "陆良县住房和城乡建设局").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("status", equalTo("FORWARDED")));
    given()
        .auth()
        .oauth2(HOUSING)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "张三所反映事项已由供热公司处理。", "legalBasis", "《信访工作条例》第三十二条"))
        .post("/cases/" + id + "/declination")
        .then()
        .statusCode(200)
        .body("status", equalTo("DECLINED"));
    LocalDate ended = LocalDate.now(Clocks.CHINA);
    int declined = total(Map.of("region", "530322", "status", "DECLINED"));
    assertEquals(1, total(Map.of("q", words)));
    assertEquals(1, byPerson(Map.of("idNumber", person.get("idNumber"))));

    // the office keeps its case files 40 years: 31 years on, only the attachments (10) go
    setPeriod("CASE_FILE", Map.of("years", 40, "reason", "本局档案管理办法：信访件定期40年"))
        .statusCode(200)
        .body("years", equalTo(40))
        .body("own", equalTo(true));
    clock.setToday(ended.plusYears(31));
    JsonPath first = finishedRun();
    assertEquals(
        List.of("ATTACHMENT"),
        first.getList("actions.findAll { it.caseId == '" + id + "' }.recordType"));
    Map<String, Object> gone = first.getMap("actions.find { it.caseId == '" + id + "' }");
    assertEquals(0, gone.get("objectsPending"));
    assertEquals(
        List.of("LETTER_SCAN"), JsonPath.from(json(gone)).getList("done.attachments.kind"));
    assertFalse(json(gone).contains("张三"), "the record names no person");
    assertEquals(0, ObjectStoreResource.storedFor(id), "deleted from the store");
    given()
        .auth()
        .oauth2(REGISTRAR)
        .get("/cases/" + id + "/attachments")
        .then()
        .body("size()", equalTo(0));
    read(id)
        .body("content", equalTo(letter.get("content")))
        .body("anonymisedOn", nullValue())
        .body("petitioners[0].name", equalTo(person.get("name")));

    // at 30 years, the case file's personal data go too
    setPeriod("CASE_FILE", Map.of("years", 30, "reason", "定期30年")).statusCode(200);
    JsonPath second = finishedRun();
    assertEquals(
        List.of("CASE_FILE"),
        second.getList("actions.findAll { it.caseId == '" + id + "' }.recordType"));
    assertTrue(
        second
            .getList("actions.findAll { it.caseId == '" + id + "' }.done.fields")
            .toString()
            .contains("content"));
    assertFalse(second.prettify().contains("张三"), "the record names no person");
    read(id)
        .body("status", equalTo("DECLINED"))
        .body("anonymisedOn", equalTo(ended.plusYears(31).toString()))
        .body("content", equalTo(PersonalData.MARK))
        .body("petitioners[0].name", equalTo(PersonalData.MARK))
        .body("petitioners[0].idNumber", nullValue())
        .body("petitioners[0].phone", nullValue())
        .body("petitioners[0].address", nullValue());
    String history =
        given()
            .auth()
            .oauth2(REGISTRAR)
            .get("/cases/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(history.contains("张三"), history);
    assertFalse(history.contains("供热公司"), history);
    assertTrue(history.contains("530322:zjj"), "the units that acted stay: " + history);
    // no longer found by the person or the words, nor by the petitioner's query code ...
    assertEquals(0, byPerson(Map.of("idNumber", person.get("idNumber"))));
    assertEquals(0, total(Map.of("q", words)));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("queryCode", queryCode))
        .post("/public/case-status")
        .then()
        .statusCode(404);
    // ... and still counted; the open case keeps everything
    assertEquals(declined, total(Map.of("region", "530322", "status", "DECLINED")));
    read(open).body("anonymisedOn", nullValue()).body("content", not(equalTo(PersonalData.MARK)));

    // a run after that has nothing more to do to the case
    JsonPath third = finishedRun();
    assertEquals(List.of(), third.getList("actions.findAll { it.caseId == '" + id + "' }"));
    given()
        .auth()
        .oauth2(AUDITOR)
        .get("/retention-runs")
        .then()
        .statusCode(200)
        .body("id", hasItem(third.getString("id")));

    // a key rotation after that seals the marks again and makes no digest of them
    resealedUnderAnotherKeyAndBack(id);
  }

  @Test
  void aBadPeriodIsRefusedByFieldAndRuleAndChangesNothing() {
    refused(Map.of("years", 0, "reason", "清理"), "years", "Min");
    refused(Map.of("years", 101, "reason", "清理"), "years", "Max");
    refused(Map.of("years", 30, "permanent", true, "reason", "永久"), "years", "Null");
    refused(Map.of("reason", "无期限"), "years", "NotNull");
    refused(Map.of("years", 30), "reason", "NotBlank");
    setPeriod("LETTERS", Map.of("years", 30, "reason", "x"))
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(REGISTRAR)
        .contentType(ContentType.JSON)
        .body(Map.of("years", 1, "reason", "清理"))
        .put("/retention-periods/CASE_FILE")
        .then()
        .statusCode(403);
    given().auth().oauth2(REGISTRAR).post("/retention-runs").then().statusCode(403);
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/retention-periods")
        .then()
        .statusCode(200)
        .body("find { it.recordType == 'CASE_FILE' }.years", equalTo(30))
        .body("find { it.recordType == 'CASE_FILE' }.own", equalTo(false))
        .body("find { it.recordType == 'ATTACHMENT' }.years", equalTo(10));
    setPeriod("CASE_FILE", Map.of("permanent", true, "reason", "重要信访件永久保存"))
        .statusCode(200)
        .body("years", nullValue())
        .body("permanent", equalTo(true));
    given().auth().oauth2(ADMIN).get("/retention-runs/not-a-run").then().statusCode(400);
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/retention-runs/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  /**
   * Re-seals every row under another key and back, as a key rotation does (SealedColumns): the
   * anonymised case's digests stay as anonymisation left them, so that no search finds every
   * anonymised row by the mark, and the petitioner is not left as a row forever to be re-sealed.
   */
  private void resealedUnderAnotherKeyAndBack(String id) throws Exception {
    String key = ConfigProvider.getConfig().getValue("petition.crypto.field-key", String.class);
    FieldCipher rotated = FieldCipher.of(NEXT_KEY, key);
    try (Connection connection = dataSource.getConnection()) {
      connection.setSchema("intake");
      try {
        while (SealedColumns.reseal(connection, rotated, 1000) > 0) {}
        assertEquals(0L, SealedColumns.remaining(connection, rotated).get("petitioner"));
        assertEquals(
            "anonymised:" + id,
            single(connection, "SELECT query_code_digest FROM petition_case WHERE id = ?", id));
        assertNull(single(connection, "SELECT name_digest FROM petitioner WHERE case_id = ?", id));
        assertEquals(
            PersonalData.MARK,
            rotated.decrypt(
                single(connection, "SELECT name FROM petitioner WHERE case_id = ?", id)));
      } finally {
        FieldCipher back = FieldCipher.of(key, NEXT_KEY);
        while (SealedColumns.reseal(connection, back, 1000) > 0) {}
        ContentIndex.indexAll(connection, back);
      }
    }
  }

  private static String single(Connection connection, String sql, String id) throws Exception {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setObject(1, UUID.fromString(id));
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next(), sql);
        return row.getString(1);
      }
    }
  }

  private static void refused(Map<String, Object> body, String field, String rule) {
    setPeriod("CASE_FILE", body)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field))
        .body("errors.rule", hasItem(rule));
  }

  private static ValidatableResponse setPeriod(String type, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(body)
        .put("/retention-periods/" + type)
        .then();
  }

  /** Starts a run for the office, waits until it has finished, and returns its record. */
  private static JsonPath finishedRun() {
    String run =
        given()
            .auth()
            .oauth2(ADMIN)
            .post("/retention-runs")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(ADMIN)
                    .get("/retention-runs/" + run)
                    .then()
                    .statusCode(200)
                    .body("finishedAt", notNullValue()));
    return given().auth().oauth2(ADMIN).get("/retention-runs/" + run).then().extract().jsonPath();
  }

  private static Map<String, Object> openLetter() {
    Map<String, Object> letter = Petitions.letter();
    letter.put("matterRegionCode", "530322001");
    return letter;
  }

  private static JsonPath register(Map<String, Object> letter) {
    return given()
        .auth()
        .oauth2(REGISTRAR)
        .contentType(ContentType.JSON)
        .body(letter)
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static ValidatableResponse read(String id) {
    return given().auth().oauth2(REGISTRAR).get("/cases/" + id).then().statusCode(200);
  }

  private static int total(Map<String, Object> query) {
    return given()
        .auth()
        .oauth2(REGISTRAR)
        .queryParams(query)
        .get("/cases")
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  private static int byPerson(Map<String, Object> way) {
    return given()
        .auth()
        .oauth2(REGISTRAR)
        .header("Access-Reason", REASON)
        .contentType(ContentType.JSON)
        .body(new HashMap<>(way))
        .post("/cases/by-person")
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  private static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
