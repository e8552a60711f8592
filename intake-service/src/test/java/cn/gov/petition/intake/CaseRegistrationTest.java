package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class CaseRegistrationTest {

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  /** A request from the 麒麟区信访局 registrar. */
  private static io.restassured.specification.RequestSpecification asRegistrar() {
    return given().auth().oauth2(TestTokens.qilinRegistrar());
  }

  /** Registers the object mother's letter as 麒麟区信访局 and returns the case id. */
  private static String registerLetter() {
    return Petitions.registered(Petitions.letter()).path("petitionCase.id");
  }

  @Test
  void registeredCaseIsPublishedAsCloudEventWithoutPersonalData() {
    Map<String, Object> letter = Petitions.letter();
    Map<String, Object> petitioner = Petitions.firstPetitioner(letter);
    String id =
        asRegistrar()
            .contentType(ContentType.JSON)
            .body(letter)
            .when()
            .post("/cases")
            .then()
            .statusCode(201)
            .body("queryCode", matchesPattern("[2-9A-Z]{10}"))
            .body("petitionCase.caseNumber", matchesPattern("530302-\\d{8}-\\d{5}"))
            .body("petitionCase.status", equalTo("REGISTERED"))
            .extract()
            .path("petitionCase.id");

    List<KafkaProbe.Seen> events =
        kafka.await(
            Topics.CASE_EVENTS,
            seen ->
                id.equals(seen.key())
                    && "cn.gov.petition.case.registered".equals(seen.header("ce_type")),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, events.size(), "case.registered on the lifecycle topic");
    KafkaProbe.Seen event = events.get(0);
    assertEquals("1.0", event.header("ce_specversion"));
    assertEquals("cn.gov.petition.case.registered", event.header("ce_type"));
    assertEquals("application/json", event.header("content-type"));
    assertFalse(event.value().contains("张三"), "no name in a broadcast event");
    assertFalse(
        event.value().contains((String) petitioner.get("idNumber")),
        "no ID number in a broadcast event");
    assertFalse(
        event.value().contains((String) petitioner.get("phone")), "no phone in a broadcast event");
    assertFalse(event.value().contains("供暖"), "no petition text in a broadcast event");
  }

  @Test
  void routingDecisionAssignsTheCaseWithAnAcceptanceDeadlineAndARedeliveryChangesNothing() {
    String id = registerLetter();
    String caseNumber =
        asRegistrar()
            .when()
            .get("/cases/" + id)
            .then()
            .statusCode(200)
            .extract()
            .path("caseNumber");

    String eventId = UUID.randomUUID().toString();
    String decision =
        """
        {"caseId":"%s","caseNumber":"%s","unitCode":"530302:xfj","unitName":"麒麟区信访局",
         "regionCode":"530302","mode":"FORWARD","ruleVersion":"test","explanation":"test",
         "decidedAt":"2026-11-24T01:00:00Z"}"""
            .formatted(id, caseNumber);
    var headers =
        KafkaProbe.cloudEventHeaders(eventId, "cn.gov.petition.routing.decided", caseNumber);
    kafka.send(Topics.forNode(Topics.ROUTING_DECISIONS, "53"), id, headers, decision);
    kafka.send(Topics.forNode(Topics.ROUTING_DECISIONS, "53"), id, headers, decision);

    List<KafkaProbe.Seen> assigned =
        kafka.await(
            Topics.CASE_EVENTS,
            seen ->
                id.equals(seen.key())
                    && "cn.gov.petition.case.progressed".equals(seen.header("ce_type"))
                    && seen.value().contains("\"transition\":\"FORWARDED\""),
            2,
            Duration.ofSeconds(8));
    assertEquals(1, assigned.size(), "a redelivered decision publishes no second transition");
    assertTrue(assigned.get(0).value().contains("\"closedSteps\":[{\"step\":\"FORWARD\""));

    asRegistrar()
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("FORWARDED"))
        .body("handlingUnit.code", equalTo("530302:xfj"))
        .body("handlingUnit.name", equalTo("麒麟区信访局"))
        .body("steps.find { it.step == 'ACCEPT' }.state", equalTo("OPEN"))
        .body("steps.find { it.step == 'ACCEPT' }.dueOn", notNullValue())
        .body("steps.find { it.step == 'FORWARD' }.state", equalTo("ON_TIME"));
  }

  @Test
  void retryWithTheSameIdempotencyKeyReturnsTheFirstCase() {
    String key = "retry-" + UUID.randomUUID();
    Map<String, Object> letter = Petitions.letter();
    String first =
        asRegistrar()
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(letter)
            .when()
            .post("/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("petitionCase.id");
    asRegistrar()
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(letter)
        .when()
        .post("/cases")
        .then()
        .statusCode(200)
        .body("petitionCase.id", equalTo(first));

    // the same key with another petition would drop that petition: refused, naming the key
    Map<String, Object> another = Petitions.letter();
    asRegistrar()
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(another)
        .when()
        .post("/cases")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Idempotency-Key"))
        .body("errors[0].rule", equalTo("SameRequest"));
    // and it is registered with a key of its own
    asRegistrar()
        .header("Idempotency-Key", "retry-" + UUID.randomUUID())
        .contentType(ContentType.JSON)
        .body(another)
        .when()
        .post("/cases")
        .then()
        .statusCode(201);
  }

  /** Bodies an outside probe sent (issue 24): each a 400 or 415 problem, never a 500. */
  @Test
  void malformedBodiesAreRefusedWithAProblemNamingTheFieldAndRegisterNothing() throws Exception {
    String letter = new ObjectMapper().writeValueAsString(Petitions.letter());
    // a key twice
    String twice = letter.replaceFirst("\\{", "{\"content\":\"重复键\",");
    refused(twice, "application/json", 400, "content", "UniqueKey");
    // NUL in a text
    String nul = letter.replace("小区供暖", "小区\\u0000供暖");
    refused(nul, "application/json", 400, "content", "NoControlCharacters");
    // 2 is not true
    String two = letter.replaceFirst("\\{", "{\"anonymous\":2,");
    refused(two, "application/json", 400, "anonymous", "type");
    // a number is not a text
    String number = letter.replaceFirst("\"channel\":\"LETTER\"", "\"channel\":5");
    refused(number, "application/json", 400, "channel", "type");
    // the public status endpoint too, with no token
    given()
        .contentType(ContentType.JSON)
        .body("{\"queryCode\":\"7KQ2M9XH4P\",\"queryCode\":\"dup\"}")
        .when()
        .post("/public/case-status")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("queryCode"));
    // UTF-16, a charset other than UTF-8, no Content-Type at all
    byte[] utf16 = letter.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    HttpResponse<String> answer = send(utf16, "application/json");
    assertEquals(415, answer.statusCode(), answer.body());
    answer =
        send(
            letter.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "application/json; charset=ISO-8859-1");
    assertEquals(415, answer.statusCode(), answer.body());
    answer = send(letter.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    assertEquals(415, answer.statusCode(), answer.body());
    assertTrue(
        answer
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
  }

  @Test
  void aMatterInAnotherProvinceIsRefusedWithWhatToDo() {
    asRegistrar()
        .contentType(ContentType.JSON)
        .body(Petitions.letterWith("matterRegionCode", "110101"))
        .when()
        .post("/cases")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("matterRegionCode"))
        .body("errors[0].rule", equalTo("InNodeProvince"));
  }

  @Test
  void aTokenWhoseRegionIsNoDivisionCoversNothing() {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    // before, region "5" covered every code starting with 5 and read the case
    String five = TestTokens.token("probe", "5:xfj", "5", "supervisor", "handler");
    given()
        .auth()
        .oauth2(five)
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(403, 404))
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("petitioners")));
    String unknown = TestTokens.token("probe", "539999:xfj", "539999", "supervisor");
    given()
        .auth()
        .oauth2(unknown)
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(403, 404));
  }

  private void refused(String body, String type, int status, String field, String rule) {
    asRegistrar()
        .contentType(type)
        .body(body)
        .when()
        .post("/cases")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field))
        .body("errors[0].rule", equalTo(rule));
  }

  private HttpResponse<String> send(byte[] body, String contentType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(cases.toURI())
            .header("Authorization", "Bearer " + TestTokens.qilinRegistrar())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void concurrentRetriesWithTheSameIdempotencyKeyRegisterOneCase() throws Exception {
    String key = "race-" + UUID.randomUUID();
    Map<String, Object> letter = Petitions.letter(); // a retry sends the same petition
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<io.restassured.response.Response>> responses =
          new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        responses.add(
            pool.submit(
                () ->
                    asRegistrar()
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(letter)
                        .when()
                        .post("/cases")));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      int created = 0;
      for (var future : responses) {
        var response = future.get();
        assertTrue(
            response.statusCode() == 201 || response.statusCode() == 200,
            "status " + response.statusCode());
        created += response.statusCode() == 201 ? 1 : 0;
        ids.add(response.path("petitionCase.id"));
      }
      assertEquals(1, created, "one registration, the others are answered with it");
      assertEquals(1, ids.size(), "every retry sees the same case");
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void thePetitionerFollowsTheCaseWithTheQueryCodeAndSeesNothingElse() {
    Map<String, Object> letter = Petitions.letter();
    var registered = Petitions.registered(letter);
    String code = registered.path("queryCode");
    String body =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("queryCode", code))
            .when()
            .post("/public/case-status")
            .then()
            .statusCode(200)
            .body("caseNumber", equalTo(registered.path("petitionCase.caseNumber")))
            .body("status", equalTo("已登记"))
            .body("steps[0].step", equalTo("转送交办"))
            // the receipt served, naming the matter by its category only
            .body("documents.kind", equalTo(List.of("RECEIPT")))
            .extract()
            .asString();
    assertFalse(body.contains("张三"), "no name");
    assertFalse(body.contains("小区供暖长期不达标"), "no content");
    assertFalse(body.contains("多次反映"), "no content");
    assertFalse(
        body.contains((String) Petitions.firstPetitioner(letter).get("idNumber")), "no ID number");

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("queryCode", "2222222222"))
        .when()
        .post("/public/case-status")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("queryCode", "short"))
        .when()
        .post("/public/case-status")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("queryCode"));
  }

  @Test
  void theHistoryShowsEachTransitionWithWhoTookIt() {
    String id = registerLetter();
    asRegistrar()
        .when()
        .get("/cases/" + id + "/history")
        .then()
        .statusCode(200)
        .body("[0].transition", equalTo("REGISTERED"))
        .body("[0].label", equalTo("登记"))
        .body("[0].unitCode", equalTo("530302:xfj"));
    String neighbour = TestTokens.token("zhanyi-registrar", "530303:xfj", "530303", "registrar");
    given().auth().oauth2(neighbour).when().get("/cases/" + id + "/history").then().statusCode(404);
  }

  @Test
  void aCategoryOutsideTheTableOrATopLevelOneIsRefused() {
    for (String category : new String[] {"01", "0199", "城乡建设"}) {
      asRegistrar()
          .contentType(ContentType.JSON)
          .body(Petitions.letterWith("category", category))
          .when()
          .post("/cases")
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("category"))
          .body("errors[0].rule", equalTo("Category"));
    }
    asRegistrar()
        .when()
        .get("/categories")
        .then()
        .statusCode(200)
        .body("find { it.code == '0105' }.name", equalTo("市政设施与供水供暖"));
  }

  @Test
  void invalidFieldsAreNamedInAProblemAndNothingIsRegistered() {
    asRegistrar()
        .contentType(ContentType.JSON)
        .body(Petitions.letterWith("matterRegionCode", "5303"))
        .when()
        .post("/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("matterRegionCode"))
        .body("errors.rule", hasItem("DivisionCode"));

    asRegistrar()
        .contentType(ContentType.JSON)
        .body(Petitions.letterWith("receivedOn", "2099-01-01"))
        .when()
        .post("/cases")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("receivedOn"));

    asRegistrar()
        .contentType(ContentType.JSON)
        .body("{\"channel\": \"PIGEON\"}")
        .when()
        .post("/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("channel"));

    asRegistrar()
        .contentType(ContentType.JSON)
        .body("{not json")
        .when()
        .post("/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void anIdNumberWithAWrongCheckDigitIsRefusedWithTheFieldAndRule() {
    Map<String, Object> body = Petitions.letter();
    Petitions.firstPetitioner(body).put("idNumber", "530302199001011234");
    asRegistrar()
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/cases")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("petitioners[0].idNumber"))
        .body("errors[0].rule", equalTo("IdDocument"))
        .body("errors[0].message", equalTo("has a wrong check digit (GB 11643)"))
        .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("1234")));
  }

  @Test
  void personalDataIsMaskedForReadersOutsideTheRegisteringAndHandlingUnits() {
    Map<String, Object> letter = Petitions.letter();
    String id = Petitions.registered(letter).path("petitionCase.id");
    String idNumber = (String) Petitions.firstPetitioner(letter).get("idNumber");
    String phone = (String) Petitions.firstPetitioner(letter).get("phone");

    String citySupervisor = TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");
    given()
        .auth()
        .oauth2(citySupervisor)
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(200)
        .body("petitioners", hasSize(1))
        .body("petitioners[0].name", equalTo("张*"))
        .body("petitioners[0].idNumber", equalTo("5303**********" + idNumber.substring(14)))
        .body("petitioners[0].phone", equalTo("139****" + phone.substring(7)))
        .body("petitioners[0].address", equalTo("***"))
        .header("Petition-Personal-Data", org.hamcrest.Matchers.nullValue());
    // the registering unit sees them, and the answer says so for the gateway's audit trail
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(200)
        .body("petitioners[0].idNumber", equalTo(idNumber))
        .header("Petition-Personal-Data", equalTo("shown"));

    String neighbourCounty =
        TestTokens.token("zhanyi-supervisor", "530303:xfj", "530303", "supervisor");
    given()
        .auth()
        .oauth2(neighbourCounty)
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void callsWithoutAValidTokenAreRefused() {
    given()
        .contentType(ContentType.JSON)
        .body(Petitions.letter())
        .when()
        .post("/cases")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", equalTo("Bearer"));
    String supervisor = TestTokens.token("s", "5303:xfj", "5303", "supervisor");
    given()
        .auth()
        .oauth2(supervisor)
        .contentType(ContentType.JSON)
        .body(Petitions.letter())
        .when()
        .post("/cases")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @TestHTTPResource("/cases")
  URL cases;

  @Test
  void aPetitionSentByAClientThatAsksForHttp2IsRegistered() throws Exception {
    // Java's own client upgrades to HTTP/2 (h2c): the checks at the edge must not read the body
    // before the REST layer (a body read early could not be paused for it: 500)
    HttpResponse<String> answer =
        send(new ObjectMapper().writeValueAsBytes(Petitions.letter()), "application/json");
    assertEquals(201, answer.statusCode(), answer.body());
  }

  @Test
  void aPetitionSentWithoutADeclaredLengthIsRegistered() throws Exception {
    // a client streaming its body (Transfer-Encoding: chunked) is served like any other
    byte[] letter = new ObjectMapper().writeValueAsBytes(Petitions.letter());
    HttpResponse<String> answer =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(cases.toURI())
                    .header("Authorization", "Bearer " + TestTokens.qilinRegistrar())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(letter)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(201, answer.statusCode(), answer.body());
    String id = new ObjectMapper().readTree(answer.body()).path("petitionCase").path("id").asText();
    asRegistrar().when().get("/cases/" + id).then().statusCode(200).body("id", equalTo(id));
  }
}
