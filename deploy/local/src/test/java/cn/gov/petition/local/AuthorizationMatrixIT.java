package cn.gov.petition.local;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 权限矩阵: every operation of the platform's API document (GET /openapi at the gateway), called by
 * every role, once from inside the region the target lies in and once from a neighbouring county.
 * The roles an operation allows are those its document names; the expectation is written from them,
 * not from what the services answer:
 *
 * <ul>
 *   <li>a role the operation does not name: 403 problem+json, and nothing changes;
 *   <li>a role it names, inside: anything but 401, 403 and 5xx;
 *   <li>a role it names, outside, reading a case or a region the caller does not cover: 403 or 404
 *       (a change with an empty body may be refused as invalid first: any 4xx);
 *   <li>never, outside, the case's number, content or petitioner in any answer.
 * </ul>
 *
 * Bodies are empty objects: an allowed call is refused as invalid, so the matrix changes nothing
 * (checked: the case's history is the same after the matrix as before).
 */
@ExtendWith(SharedNode.class)
@Order(1)
class AuthorizationMatrixIT {

  private static final List<String> ROLES =
      List.of(
          "registrar",
          "handler",
          "supervisor",
          "leader",
          "joint-office",
          "administrator",
          "auditor",
          "subscriber");
  private static final String INSIDE = "530302";
  private static final String OUTSIDE = "530303";
  private static final String CONTENT = "权限矩阵测试：供水管道破裂无人维修。";

  private static Platform platform;
  private static String caseId;
  private static String caseNumber;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = SharedNode.platform();
    String registrar =
        DemoData.token(HttpClient.newHttpClient(), platform.gatewayUrl(), "qilin-registrar");
    Map<String, Object> registered =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(registrar)
            .contentType(ContentType.JSON)
            .body(Visits.visit("530302001", CONTENT))
            .when()
            .post("/api/intake/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("petitionCase");
    caseId = (String) registered.get("id");
    caseNumber = (String) registered.get("caseNumber");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "FORWARDED"
                    .equals(
                        given()
                            .baseUri(platform.gatewayUrl())
                            .auth()
                            .oauth2(registrar)
                            .get("/api/intake/cases/" + caseId)
                            .path("status")));
  }

  /** A token of one role in one region, signed with the local run's key as its issuer signs. */
  private static String token(String role, String region) {
    return Tokens.of(platform, "matrix-" + role + "-" + region, role, region);
  }

  /**
   * One operation of the document: its method, path, the roles it names, its query names, and the
   * media type of its body (application/json unless the document names another).
   */
  record Operation(
      String method, String path, List<String> roles, List<String> queryNames, String bodyType) {

    /** Whether the role may call it: any caller with a token when it names no role. */
    boolean allows(String role) {
      return roles == null || roles.isEmpty() || roles.contains(role);
    }

    /**
     * Whether it reads the case or a region's figures: then a caller outside may not reach it.
     * Reference data open to every signed-in caller (units, divisions: no role named) is not.
     */
    boolean scoped() {
      return roles != null
          && !roles.isEmpty()
          && (path.contains("/cases/{id}")
              || queryNames.contains("region")
              || queryNames.contains("caseId"));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Operation> operations() {
    JsonPath document =
        given()
            .baseUri(platform.gatewayUrl())
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Map<String, Object>> paths = document.getMap("paths");
    List<Operation> operations = new ArrayList<>();
    for (var path : new TreeMap<>(paths).entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue; // the gateway's own: the demo issuer, the documents, the petitioner, the audit
      }
      for (var method : path.getValue().entrySet()) {
        if (!(method.getValue() instanceof Map<?, ?> found) || !found.containsKey("responses")) {
          continue;
        }
        Map<String, Object> op = (Map<String, Object>) found;
        List<String> roles = null;
        List<Map<String, List<String>>> security =
            (List<Map<String, List<String>>>) op.get("security");
        if (security != null && !security.isEmpty()) {
          roles = security.get(0).values().iterator().next();
        }
        List<String> queryNames = new ArrayList<>();
        for (Map<String, Object> parameter :
            (List<Map<String, Object>>) op.getOrDefault("parameters", List.of())) {
          if ("query".equals(parameter.get("in"))) {
            queryNames.add((String) parameter.get("name"));
          }
        }
        String bodyType = "application/json";
        if (op.get("requestBody") instanceof Map<?, ?> body
            && body.get("content") instanceof Map<?, ?> content
            && !content.isEmpty()) {
          bodyType = content.keySet().iterator().next().toString();
        }
        operations.add(
            new Operation(
                method.getKey().toUpperCase(), path.getKey(), roles, queryNames, bodyType));
      }
    }
    return operations;
  }

  private static String concrete(String path) {
    return path.replace("/cases/{id}", "/cases/" + caseId)
        .replace("{id}", "00000000-0000-4000-8000-000000000000")
        .replace("{transitionId}", "1")
        .replace("{attachmentId}", "00000000-0000-4000-8000-000000000000")
        .replace("{rate}", "TIMELY_ACCEPTANCE")
        .replace("{table}", "unit")
        .replace("{notice}", "ACCEPTED")
        .replace("{recordType}", "CASE_FILE")
        .replace("{code}", INSIDE)
        .replace("{region}", INSIDE);
  }

  /** A valid value for each query parameter the document names, the region and case inside. */
  private static Map<String, String> queryOf(Operation operation) {
    LocalDate today = LocalDate.now(Visits.CHINA);
    Map<String, String> values = new TreeMap<>();
    values.put("region", INSIDE);
    values.put("caseId", caseId);
    values.put("rate", "TIMELY_ACCEPTANCE");
    values.put("bucket", "LATE");
    values.put("dimension", "CATEGORY");
    values.put("date", today.toString());
    values.put(
        "week",
        String.format(
            "%d-W%02d",
            today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
            today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    if (operation.queryNames().contains("period")) {
      values.put("period", today.toString().substring(0, 7));
    } else {
      values.put("from", today.withDayOfMonth(1).toString());
      values.put("to", today.toString());
    }
    values.keySet().retainAll(operation.queryNames());
    return values;
  }

  private static Response call(Operation operation, String token) {
    var request =
        given().baseUri(platform.gatewayUrl()).auth().oauth2(token).queryParams(queryOf(operation));
    if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
      // a body of any type (an attachment's) is sent as bytes; text as UTF-8
      String type =
          operation.bodyType().contains("*")
              ? "application/octet-stream"
              : operation.bodyType() + "; charset=UTF-8";
      request =
          request
              .config(
                  io.restassured.RestAssured.config()
                      .encoderConfig(
                          io.restassured.config.EncoderConfig.encoderConfig()
                              .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
              .contentType(type)
              .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return request.request(operation.method(), concrete(operation.path()));
  }

  @Test
  void everyOperationByEveryRoleInsideAndOutsideTheCallersSubtree() {
    List<Operation> operations = operations();
    assertTrue(
        operations.size() > 60,
        "the document lists the services' operations: " + operations.size());
    String historyBefore = history();
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (Operation operation : operations) {
      for (String role : ROLES) {
        for (String region : List.of(INSIDE, OUTSIDE)) {
          Response answer = call(operation, token(role, region));
          calls++;
          int status = answer.statusCode();
          String body = answer.asString();
          String cell = operation.method() + " " + operation.path() + " as " + role + "@" + region;
          boolean allowed = operation.allows(role);
          if (status >= 500 || status == 401) {
            wrong.add(cell + ": " + status);
          } else if (!allowed && status != 403) {
            wrong.add(cell + ": " + status + ", expected 403");
          } else if (!allowed && !answer.contentType().startsWith("application/problem+json")) {
            wrong.add(cell + ": 403 without problem+json");
          } else if (allowed && region.equals(INSIDE) && status == 403) {
            wrong.add(cell + ": 403, expected the role to be let in");
          } else if (allowed
              && region.equals(OUTSIDE)
              && operation.scoped()
              && !refusedOutside(operation, status, body)) {
            wrong.add(
                cell
                    + ": "
                    + status
                    + ", expected a refusal outside the subtree: "
                    + body.substring(0, Math.min(300, body.length())));
          }
          if (region.equals(OUTSIDE)
              && (body.contains(CONTENT) || body.contains("王五") || body.contains(caseNumber))) {
            wrong.add(cell + ": the case's content or petitioner leaked");
          }
        }
      }
    }
    assertEquals(List.of(), wrong, "cells of the matrix that broke it, of " + calls + " calls");
    assertEquals(historyBefore, history(), "the matrix changed the case");
  }

  /**
   * How an operation may answer a caller outside the subtree: a read 403 or 404, or, when it
   * filters by the case (caseId), an answer without the case; a change any 4xx (an empty body may
   * be refused as invalid before the case is looked up).
   */
  private static boolean refusedOutside(Operation operation, int status, String body) {
    if (!operation.method().equals("GET")) {
      return status >= 400 && status < 500;
    }
    if (status == 403 || status == 404) {
      return true;
    }
    return status == 200
        && operation.queryNames().contains("caseId")
        && !operation.queryNames().contains("region")
        && !body.contains(caseId);
  }

  private static String history() {
    String registrar = token("registrar", INSIDE);
    return given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .get("/api/intake/cases/" + caseId + "/history")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
