package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;

import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.infra.Identities;
import cn.gov.petition.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Object mother for registration requests: a valid letter from a petitioner nobody has seen before
 * (so it is no repeat of another test's), changed one field at a time, and the registration of one.
 */
final class Petitions {

  private Petitions() {}

  static Map<String, Object> letter() {
    int serial = Identities.nextSerial();
    Map<String, Object> body = new HashMap<>();
    body.put("channel", "LETTER");
    body.put("receivedOn", LocalDate.now(Clocks.CHINA).minusDays(1).toString());
    body.put("matterRegionCode", "530302001");
    body.put("petitionClass", "APPEAL");
    body.put("purpose", "SEEK_SOLUTION");
    body.put("category", "0105");
    body.put("content", "小区供暖长期不达标，多次反映未解决。");
    body.put("personCount", 1);
    body.put("petitioners", new ArrayList<>(List.of(petitioner(serial))));
    return body;
  }

  static Map<String, Object> petitioner(int serial) {
    Map<String, Object> petitioner = new HashMap<>();
    petitioner.put("name", "张三");
    petitioner.put("idNumber", Identities.residentId("530302", serial));
    petitioner.put("phone", Identities.mobile(serial));
    petitioner.put("address", "云南省曲靖市麒麟区南宁街道建设路" + serial + "号");
    return petitioner;
  }

  /** The first petitioner of a request body, to change or to compare with. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> firstPetitioner(Map<String, Object> body) {
    return ((List<Map<String, Object>>) body.get("petitioners")).get(0);
  }

  /** An accusation against the 南宁街道 office, filed by letter. */
  static Map<String, Object> accusation() {
    Map<String, Object> body = letter();
    body.put("petitionClass", "ACCUSATION");
    body.put("purpose", "REPORT_MISCONDUCT");
    body.put("category", "0105");
    body.put("content", "举报南宁街道某干部在供暖改造中收受施工方财物。");
    Map<String, Object> accused = new HashMap<>();
    accused.put("kind", "PERSON");
    accused.put("name", "李四");
    accused.put("unitCode", "530302001:zf");
    accused.put("unitName", "南宁街道办事处");
    accused.put("post", "副主任");
    body.put("accused", List.of(accused));
    return body;
  }

  /** Registers the petition as the 麒麟区信访局 registrar, expecting 201, and returns the answer. */
  static ExtractableResponse<Response> registered(Map<String, Object> petition) {
    return given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body(petition)
        .when()
        .post("/cases")
        .then()
        .statusCode(201)
        .extract();
  }

  /** Sends the petition as the 麒麟区信访局 registrar, with an Idempotency-Key if one is given. */
  static ValidatableResponse register(Map<String, Object> body, String key) {
    var request = given().auth().oauth2(TestTokens.qilinRegistrar()).contentType(ContentType.JSON);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.body(body).when().post("/cases").then();
  }

  /** The case as the registering office reads it (200 expected). */
  static ValidatableResponse read(String id) {
    return given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(200);
  }

  static Map<String, Object> letterWith(String field, Object value) {
    Map<String, Object> body = letter();
    body.put(field, value);
    return body;
  }

  /** A step of a former case (docs/migration.md) taken by {@code unit}, with what it records. */
  static Map<String, Object> formerStep(
      String act, String on, String unit, Map<String, Object> more) {
    Map<String, Object> step = new HashMap<>(more);
    step.put("act", act);
    step.put("on", on);
    step.put("by", Map.of("unit", unit, "user", "李办理"));
    return step;
  }
}
