package cn.gov.petition.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.JwtKeys;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway's audit trail and rate limits, with the services pointed at an address where nothing
 * answers: every call is still recorded, with the 503 it got.
 */
@QuarkusTest
@TestProfile(AuditAndLimitsTest.SmallLimits.class)
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class AuditAndLimitsTest {

  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "petition.gateway.services.intake", "http://127.0.0.1:9",
          "petition.gateway.rate-limit.per-user", "5",
          "petition.gateway.rate-limit.per-unit", "8",
          "petition.gateway.rate-limit.per-address", "6",
          "petition.gateway.rate-limit.per-query-code", "2");
    }
  }

  @Inject EntityManager em;

  private static String auditor(String region) {
    return TestTokens.token("auditor-" + region, region + ":xfj", region, "auditor");
  }

  private static List<Map<String, Object>> entriesOf(String user) {
    return entriesOf("53", user);
  }

  /** The entries of a user as the auditor of a region sees them. */
  private static List<Map<String, Object>> entriesOf(String auditorRegion, String user) {
    return given()
        .auth()
        .oauth2(auditor(auditorRegion))
        .queryParam("user", user)
        .when()
        .get("/audit/entries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  @Test
  void everyCallIsRecordedWithWhoWhatWhyAndTheCaseButNoQueryValue() {
    String user = "audit-handler-" + UUID.randomUUID();
    String handler = TestTokens.token(user, "530302:zjj", "530302", "handler");
    String caseId = UUID.randomUUID().toString();
    given()
        .auth()
        .oauth2(handler)
        .header("Access-Reason", URLEncoder.encode("核查信访事项 第2次", StandardCharsets.UTF_8))
        .queryParam("name", "张三")
        .when()
        .get("/api/intake/cases/" + caseId + "/history")
        .then()
        .statusCode(503);

    List<Map<String, Object>> entries = entriesOf(user);
    assertEquals(1, entries.size());
    Map<String, Object> entry = entries.get(0);
    assertEquals("530302:zjj", entry.get("unit"));
    assertEquals("530302", entry.get("region"));
    assertEquals(List.of("handler"), entry.get("roles"));
    assertEquals("GET", entry.get("method"));
    assertEquals("intake", entry.get("service"));
    assertEquals("cases/" + caseId + "/history", entry.get("path"));
    assertEquals(caseId, entry.get("caseId"));
    assertEquals(List.of("name"), entry.get("queryNames"));
    assertEquals("核查信访事项 第2次", entry.get("reason"));
    assertEquals(503, entry.get("status"));
    assertEquals(false, entry.get("personalData"));
    assertTrue(
        !entry.toString().contains("张三"), "a query's values are not kept in the trail: " + entry);

    // the auditor's own reading is in the trail too, with the filters it used
    given()
        .auth()
        .oauth2(auditor("53"))
        .queryParam("user", "auditor-53")
        .queryParam("limit", 5)
        .when()
        .get("/audit/entries")
        .then()
        .statusCode(200)
        .body("service", hasItem("gateway"))
        .body("path", hasItem("audit/entries"))
        .body("queryNames.flatten()", hasItem("user"));
  }

  @Test
  void anAuditorSeesTheCallersOfTheirSubtreeOnly() {
    String user = "audit-other-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(TestTokens.token(user, "530302:xfj", "530302", "registrar"))
        .when()
        .get("/api/intake/cases/" + UUID.randomUUID())
        .then()
        .statusCode(503);
    // 530302 lies in Yunnan (53), not in Guizhou (52) nor in 530303
    assertEquals(List.of(), entriesOf("52", user));
    assertEquals(List.of(), entriesOf("530303", user));
    List<Map<String, Object>> seenByTheCity = entriesOf("5303", user);
    assertEquals(1, seenByTheCity.size());
    assertEquals(user, seenByTheCity.get(0).get("user"));
  }

  @Test
  void onlyAnAuditorReadsTheTrailAndNobodyChangesIt() {
    given()
        .auth()
        .oauth2(TestTokens.token("boss", "53:xfj", "53", "administrator", "leader", "supervisor"))
        .when()
        .get("/audit/entries")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      int status =
          given()
              .auth()
              .oauth2(auditor("53"))
              .contentType("application/json")
              .body("{}")
              .when()
              .request(method, "/audit/entries")
              .statusCode();
      assertEquals(405, status, method + " on the audit trail");
    }
    given()
        .auth()
        .oauth2(TestTokens.token("someone", "53:xfj", "53", "handler"))
        .when()
        .get("/api/intake/cases/x")
        .then()
        .statusCode(503);
    // the database refuses it as well: no update, no delete, no truncate
    for (String sql :
        List.of(
            "UPDATE audit_entry SET user_name = 'nobody'",
            "DELETE FROM audit_entry",
            "TRUNCATE audit_entry")) {
      RuntimeException refused =
          assertThrows(
              RuntimeException.class,
              () ->
                  QuarkusTransaction.requiringNew()
                      .run(() -> em.createNativeQuery(sql).executeUpdate()),
              sql);
      assertTrue(
          causes(refused).contains("audit entries cannot be changed or deleted"),
          sql + ": " + causes(refused));
    }
    long left =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "SELECT count(*) FROM audit_entry WHERE user_name = 'someone'")
                                .getSingleResult())
                        .longValue());
    assertTrue(left >= 1, "the entries are all still there");
  }

  private static String causes(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(" | ");
    }
    return all.toString();
  }

  @Test
  void badFiltersAndReasonsAreProblems() {
    given()
        .auth()
        .oauth2(auditor("53"))
        .queryParam("caseId", "not-a-case")
        .queryParam("from", "2026-13-01")
        .when()
        .get("/audit/entries")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("caseId"));
    given()
        .auth()
        .oauth2(auditor("53"))
        .queryParam("from", "2026-11-30")
        .queryParam("to", "2026-11-01")
        .when()
        .get("/audit/entries")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("to"));
    String user = "long-reason-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(TestTokens.token(user, "530302:zjj", "530302", "handler"))
        .header("Access-Reason", "x".repeat(201))
        .when()
        .get("/api/intake/cases/x")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Access-Reason"));
    // a call relayed from another node names that node by its region code (docs/nodes.md)
    given()
        .auth()
        .oauth2(TestTokens.token(user, "530302:zjj", "530302", "handler"))
        .header("Petition-Relayed-From", "qujing")
        .when()
        .get("/api/intake/cases/x")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Petition-Relayed-From"));
    assertEquals(List.of(), entriesOf(user), "a refused call is not forwarded");
  }

  @Test
  void aUserAndAUnitGetTheirShareAndThen429WithRetryAfter() {
    String user = "busy-" + UUID.randomUUID();
    String token = TestTokens.token(user, "530302001:zf", "530302001", "registrar");
    for (int i = 0; i < 5; i++) {
      given().auth().oauth2(token).when().get("/api/intake/cases/x").then().statusCode(503);
    }
    Response refused = given().auth().oauth2(token).when().get("/api/intake/cases/x");
    assertEquals(429, refused.statusCode());
    assertEquals("application/problem+json", refused.contentType());
    int retryAfter = Integer.parseInt(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertEquals(5, entriesOf(user).size(), "a refused call is not forwarded nor recorded");

    // the unit's other users share the unit's 8 calls: 3 are left
    String colleague =
        TestTokens.token("colleague-" + UUID.randomUUID(), "530302001:zf", "530302001", "handler");
    for (int i = 0; i < 3; i++) {
      given().auth().oauth2(colleague).when().get("/api/intake/cases/x").then().statusCode(503);
    }
    given()
        .auth()
        .oauth2(colleague)
        .when()
        .get("/api/intake/cases/x")
        .then()
        .statusCode(429)
        .header("Retry-After", not(equalTo(null)))
        .body("detail", containsString("单位"));
  }

  @Test
  void thePetitionersQueryIsLimitedByAddressAndByCodeAndATokenOpensNoOtherWay() {
    String code = "K" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    // one code twice a minute, from anywhere: the third look-up of it is refused
    assertEquals(503, lookUp(code).statusCode());
    assertEquals(503, lookUp(code).statusCode());
    Response third = lookUp(code);
    assertEquals(429, third.statusCode());
    assertTrue(third.asString().contains("查询码"), third.asString());
    // six look-ups a minute from one address, whatever the codes: the seventh is refused
    for (int i = 1; i <= 3; i++) {
      assertEquals(503, lookUp(code + i).statusCode());
    }
    Response seventh = lookUp(code + "9");
    assertEquals(429, seventh.statusCode());
    assertTrue(seventh.asString().contains("地址"), seventh.asString());
    // a token is no way round the limits: the service's public path is not forwarded
    String user =
        TestTokens.token("prober-" + UUID.randomUUID(), "530303:xfj", "530303", "registrar");
    given()
        .auth()
        .oauth2(user)
        .contentType("application/json")
        .body("{\"queryCode\":\"" + code + "\"}")
        .when()
        .post("/api/intake/public/case-status")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static Response lookUp(String code) {
    return given()
        .contentType("application/json")
        .body("{\"queryCode\":\"" + code + "\"}")
        .when()
        .post("/public/case-status");
  }

  @Test
  void tokensThatAreMissingExpiredForeignOrForgedGet401Problems() throws Exception {
    var foreignKeys = KeyPairGenerator.getInstance("RSA");
    foreignKeys.initialize(2048);
    String wrongSignature =
        Jwt.issuer(JwtKeys.ISSUER)
            .upn("mallory")
            .groups(Set.of("auditor"))
            .claim("unit", "53:xfj")
            .claim("region", "53")
            .expiresIn(3600)
            .sign(foreignKeys.generateKeyPair().getPrivate());
    String expired =
        Jwt.issuer(JwtKeys.ISSUER)
            .upn("late")
            .groups(Set.of("auditor"))
            .claim("unit", "53:xfj")
            .claim("region", "53")
            .issuedAt(Instant.now().minusSeconds(7200))
            .expiresAt(Instant.now().minusSeconds(3600))
            .sign(PetitionTestInfrastructure.infrastructure().keys().privateKey().toString());
    String otherIssuer =
        Jwt.issuer("https://elsewhere.example/issuer")
            .upn("stranger")
            .groups(Set.of("auditor"))
            .claim("region", "53")
            .expiresIn(3600)
            .sign(PetitionTestInfrastructure.infrastructure().keys().privateKey().toString());
    for (String bad : List.of(wrongSignature, expired, otherIssuer, "not.a.token")) {
      given()
          .auth()
          .oauth2(bad)
          .when()
          .get("/audit/entries")
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .header("WWW-Authenticate", containsString("Bearer"));
    }
    String path = "cases/refused-" + UUID.randomUUID();
    given()
        .when()
        .get("/api/intake/" + path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    // refused before they are forwarded, and still in the trail: a bad token, a body too large
    String token =
        TestTokens.token("big-" + UUID.randomUUID(), "530302:xfj", "530302", "registrar");
    given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(new byte[2 * 1024 * 1024])
        .when()
        .post("/api/intake/" + path)
        .then()
        .statusCode(413);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              List<Map<String, Object>> refused =
                  entriesOf("(unauthenticated)").stream()
                      .filter(e -> path.equals(e.get("path")))
                      .toList();
              assertEquals(
                  Set.of(401, 413),
                  refused.stream()
                      .map(e -> ((Number) e.get("status")).intValue())
                      .collect(java.util.stream.Collectors.toSet()),
                  refused.toString());
            });
  }
}
