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
