package cn.gov.petition.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
  void aRelayCountThatIsNoSmallNumberIsRefusedBeforeAnythingIsAsked() {
    for (String hops : List.of("0", "5", "x", "-1", "12")) {
      given()
          .contentType(ContentType.JSON)
          .header("Petition-Relay-Hops", hops)
          .body("{\"queryCode\":\"7KQ2M9XH4P\"}")
          .when()
          .post("/public/case-status")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("Petition-Relay-Hops"));
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

  @TestHTTPResource("/api/intake/cases")
  URL cases;

  @Test
  void aPathThatWouldClimbOutOfTheServicesApiIsRefused() {
    String token = TestTokens.qilinRegistrar();
    for (String path :
        new String[] {
          "cases/..%2F..%2Fq%2Fhealth",
          "cases/%2e%2e/%2e%2e/q/metrics",
          "cases/x%5C..%5Cq",
          "x/%2E%2e/q/health"
        }) {
      given()
          .auth()
          .oauth2(token)
          .urlEncodingEnabled(false)
          .when()
          .get("/api/intake/" + path)
          .then()
          .log()
          .ifValidationFails()
          // 400 for the segment, or 404 where the router normalised it to no service; never
          // forwarded (the service behind is down here: forwarded would be 503)
          .statusCode(anyOf(equalTo(400), equalTo(404)))
          .contentType("application/problem+json");
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    // the request's head alone, declaring 2 MB: the answer comes before any of the body is sent
    assertTooLarge(postedBy("Content-Length: 2097152", out -> {}));
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedAsAProblem() throws Exception {
    // no declared length: the limit is found while reading, and the answer is still a problem
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    assertTooLarge(
        postedBy(
            "Transfer-Encoding: chunked",
            out -> {
              for (int i = 0; i < 32; i++) {
                out.write(
                    (Integer.toHexString(chunk.length) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
              }
              out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }));
  }

  private interface BodyWriter {
    void write(java.io.OutputStream out) throws java.io.IOException;
  }

  /**
   * The answer to a registration posted by hand on a socket, with the given length header and body:
   * the server may answer, and close the connection, before the body is all sent.
   */
  private String postedBy(String lengthHeader, BodyWriter body) throws java.io.IOException {
    try (Socket socket = new Socket(cases.getHost(), cases.getPort())) {
      socket.setSoTimeout(20_000);
      String head =
          "POST "
              + cases.getPath()
              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + TestTokens.qilinRegistrar()
              + "\r\nContent-Type: application/json\r\n"
              + lengthHeader
              + "\r\n\r\n";
      var out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      try {
        body.write(out);
        out.flush();
      } catch (java.io.IOException e) {
        // the server has answered and closed the connection
      }
      return answerTo(socket);
    }
  }

  private static void assertTooLarge(String answer) {
    assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
    assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
    assertTrue(answer.contains("\"status\":413"), answer);
  }

  /** What the server answered: up to the close of the connection or to its whole problem. */
  private static String answerTo(Socket socket) throws java.io.IOException {
    java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
        read.write(buffer, 0, n);
        if (read.toString(StandardCharsets.UTF_8).endsWith("}")) {
          break;
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      // what came before the timeout is the answer
    }
    return read.toString(StandardCharsets.UTF_8);
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
