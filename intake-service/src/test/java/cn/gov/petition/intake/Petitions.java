package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;

import cn.gov.petition.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Object mother for registration requests: a valid letter, changed one field at a time, and the
 * registration of one.
 */
final class Petitions {

  private Petitions() {}

  static Map<String, Object> letter() {
    Map<String, Object> petitioner = new HashMap<>();
    petitioner.put("name", "张三");
    petitioner.put("idNumber", "530302199001011232");
    petitioner.put("phone", "13812345678");
    petitioner.put("address", "云南省曲靖市麒麟区南宁街道");
    Map<String, Object> body = new HashMap<>();
    body.put("channel", "LETTER");
    body.put("receivedOn", LocalDate.now().minusDays(1).toString());
    body.put("matterRegionCode", "530302001");
    body.put("petitionClass", "APPEAL");
    body.put("category", "0105");
    body.put("content", "小区供暖长期不达标，多次反映未解决。");
    body.put("personCount", 1);
    body.put("petitioners", List.of(petitioner));
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

  static Map<String, Object> letterWith(String field, Object value) {
    Map<String, Object> body = letter();
    body.put(field, value);
    return body;
  }
}
