package cn.gov.petition.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.petition.infra.PetitionTestInfrastructure;
import cn.gov.petition.infra.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTest.DemoIssuerOn.class)
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class GatewayTest {

  public static class DemoIssuerOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "petition.gateway.demo-issuer", "true",
          // nothing listens there: the gateway must answer for the missing service
          "petition.gateway.services.intake", "http://127.0.0.1:9");
    }
  }

  @Test
  void theDemoIssuerSignsTokensThatTheGatewayAccepts() {
    given()
        .when()
        .get("/auth/demo-users")
        .then()
        .statusCode(200)
        .body("user", hasItem("qilin-registrar"));
    String token =
        given()
            .contentType(ContentType.JSON)
            .body("{\"user\":\"qilin-registrar\"}")
            .when()
            .post("/auth/demo-token")
            .then()
            .statusCode(200)
            .body("user.unit", equalTo("530302:xfj"))
            .extract()
            .path("accessToken");
    given()
        .auth()
        .oauth2(token)
        .when()
        .get("/api/intake/cases/x")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "5");
  }

  @Test
  void unknownDemoUsersAndUnknownServicesGetProblems() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"user\":\"mallory\"}")
        .when()
        .post("/auth/demo-token")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("user"));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/auth/demo-token")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("user"));
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/api/nosuch/things")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void theApiNeedsAValidToken() {
    given().when().get("/api/intake/cases/x").then().statusCode(401);
    given().auth().oauth2("not.a.token").when().get("/api/intake/cases/x").then().statusCode(401);
  }

  @Test
  void thePlatformsApiDocumentsAreServedBesideEachOther() {
    given()
        .when()
        .get("/openapi")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("paths", org.hamcrest.Matchers.hasKey("/audit/entries"))
        .body("paths", org.hamcrest.Matchers.hasKey("/public/case-status"))
        .body(
            "paths",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/api/{service}/{path}")))
        // nothing answers at the intake address of this test: named, not hidden
        .body("'x-unavailable'", hasItem("intake"));
    given()
        .accept("application/yaml")
        .when()
        .get("/openapi")
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.startsWith("application/yaml"))
        .body(org.hamcrest.Matchers.containsString("/audit/entries:"));
    given()
        .when()
        .get("/asyncapi.yaml")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("petition.case-events"));
  }
}
