package cn.gov.petition.supervision;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** Calls to the service as a token's holder, for the supervision tests. */
final class Calls {

  private Calls() {}

  static ValidatableResponse get(String token, String path) {
    return given().auth().oauth2(token).when().get(path).then();
  }

  /** The clocks of one case the token's holder sees. */
  static ValidatableResponse clocks(String token, String caseId) {
    return given().auth().oauth2(token).queryParam("caseId", caseId).when().get("/clocks").then();
  }

  static ValidatableResponse post(String token, String path, Map<String, ?> body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then();
  }
}
