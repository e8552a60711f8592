package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 按信访人查询 (POST /cases/by-person): a petitioner's cases by ID number, phone, or name at an address,
 * found only by those who may see who petitioned, and only with a reason.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class PersonSearchTest {

  private static final String QILIN_OFFICE = TestTokens.qilinRegistrar();
  private static final String COUNTY_HOUSING =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");
  private static final String CITY_SUPERVISOR =
      TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");
  private static final String REASON = "%E5%8F%97%E7%90%86%E6%A0%B8%E6%9F%A5"; // 受理核查

  @Test
  void thePetitionerIsFoundByEachWayByThoseWhoMaySeeThem() {
    Map<String, Object> letter = Petitions.letter();
    Map<String, Object> person = Petitions.firstPetitioner(letter);
    // a name no other test gives: 欧阳 and the digits of the time in Chinese
    String name =
        "欧阳"
            + Long.toString(System.nanoTime() % 1_000_000_000L)
                .chars()
                .mapToObj(d -> String.valueOf("〇一二三四五六七八九".charAt(d - '0')))
                .collect(java.util.stream.Collectors.joining());
    person.put("name", name);
    String number = Petitions.registered(letter).path("petitionCase.caseNumber");

    for (Map<String, Object> way :
        List.<Map<String, Object>>of(
            Map.of("idNumber", person.get("idNumber")),
            Map.of("phone", person.get("phone")),
            Map.of("name", name, "address", person.get("address")),
            Map.of("name", (Object) name),
            Map.of("name", (Object) ("欧阳 " + name.substring(2))))) {
      JsonPath found =
          search(QILIN_OFFICE, way)
              .statusCode(200)
              .header(PersonalDataShown.HEADER, PersonalDataShown.SHOWN)
              .extract()
              .jsonPath();
      assertEquals(List.of(number), found.getList("items.caseNumber"), way.keySet().toString());
    }
    // the city sees the case, masked: it may not learn from a search who petitioned
    assertEquals(0, total(CITY_SUPERVISOR, Map.of("idNumber", person.get("idNumber"))));
  }

  @Test
  void aConfidentialPetitionerIsFoundByTheRegisteringOfficeAlone() {
    Map<String, Object> open = Petitions.letter();
    Map<String, Object> secret = Petitions.letter();
    secret.put("confidential", true);
    String openId = Petitions.registered(open).path("petitionCase.id");
    String secretId = Petitions.registered(secret).path("petitionCase.id");
    Decisions.route(openId, "530302:zjj", "麒麟区住房和城乡建设局").send();
    Decisions.route(secretId, "530302:zjj", "麒麟区住房和城乡建设局").send();
    awaitHandledByCountyHousing(openId);
    awaitHandledByCountyHousing(secretId);
    Object openPerson = Petitions.firstPetitioner(open).get("idNumber");
    Object secretPerson = Petitions.firstPetitioner(secret).get("idNumber");
    // the handling bureau finds the petitioner it may see, not the confidential one
    assertEquals(1, total(COUNTY_HOUSING, Map.of("idNumber", openPerson)));
    assertEquals(0, total(COUNTY_HOUSING, Map.of("idNumber", secretPerson)));
    assertEquals(1, total(QILIN_OFFICE, Map.of("idNumber", secretPerson)));
  }

  @Test
  void aCallerFindsExactlyThePetitionersTheCaseShowsThem() {
    Map<String, Object> routed = Petitions.letter();
    Map<String, Object> secret = Petitions.letter();
    secret.put("confidential", true);
    Map<String, Object> accusation = Petitions.accusation();
    Map<String, Object> waiting = Petitions.letter();
    Map<String, Map<String, Object>> bodies =
        Map.of("routed", routed, "secret", secret, "accusation", accusation, "waiting", waiting);
    Map<String, String> ids = new HashMap<>();
    bodies.forEach(
        (name, body) -> ids.put(name, Petitions.registered(body).path("petitionCase.id")));
    for (String name : List.of("routed", "secret")) {
      Decisions.route(ids.get(name), "530302:zjj", "麒麟区住房和城乡建设局").send();
      awaitHandledByCountyHousing(ids.get(name));
    }
    Map<String, String> callers =
        Map.of(
            "the registering office", QILIN_OFFICE,
            "the handling bureau", COUNTY_HOUSING,
            "the city's supervisor", CITY_SUPERVISOR,
            "the accused unit",
                TestTokens.token(
                    "nanning-officer", "530302001:zf", "530302001", "registrar", "handler"),
            "the neighbouring county",
                TestTokens.token("zhanyi-registrar", "530303:xfj", "530303", "registrar"));
    int shownSomewhere = 0;
    for (Map.Entry<String, String> caller : callers.entrySet()) {
      for (Map.Entry<String, Map<String, Object>> body : bodies.entrySet()) {
        Object idNumber = Petitions.firstPetitioner(body.getValue()).get("idNumber");
        var read = given().auth().oauth2(caller.getValue()).get("/cases/" + ids.get(body.getKey()));
        boolean shown =
            read.statusCode() == 200
                && idNumber.equals(read.jsonPath().getString("petitioners[0].idNumber"));
        shownSomewhere += shown ? 1 : 0;
        assertEquals(
            shown ? 1 : 0,
            total(caller.getValue(), Map.of("idNumber", idNumber)),
            caller.getKey() + ", " + body.getKey());
      }
    }
    // not trivial: the office sees all four, the bureau the routed letter only
    assertEquals(5, shownSomewhere);
  }

  @Test
  void aSearchWithoutAReasonOrWithoutExactlyOneWayIsRefused() {
    given()
        .auth()
        .oauth2(QILIN_OFFICE)
        .contentType(ContentType.JSON)
        .body(Map.of("phone", "13812345678"))
        .post("/cases/by-person")
        .then()
        .statusCode(422)
        .contentType(startsWith("application/problem+json"))
        .body("errors[0].field", equalTo("Access-Reason"));
    refused(Map.of(), 422, "idNumber");
    refused(Map.of("phone", "13812345678", "idNumber", "530302199001011232"), 422, "name");
    refused(Map.of("address", "云南省曲靖市"), 422, "idNumber");
    refused(Map.of("name", " \u3000 "), 422, "name");
    refused(Map.of("phone", "12345"), 400, "phone");
    refused(Map.of("phone", "13812345678", "size", 0), 400, "size");
  }

  private static void refused(Map<String, Object> body, int status, String field) {
    search(QILIN_OFFICE, body)
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("errors[0].field", equalTo(field));
  }

  /** Waits until the routing decision sent made the county's housing bureau the case's handler. */
  private static void awaitHandledByCountyHousing(String id) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "530302:zjj"
                    .equals(
                        given()
                            .auth()
                            .oauth2(QILIN_OFFICE)
                            .get("/cases/" + id)
                            .path("handlingUnit.code")));
  }

  private static int total(String token, Map<String, Object> way) {
    return search(token, way).statusCode(200).extract().path("total");
  }

  private static io.restassured.response.ValidatableResponse search(
      String token, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .header("Access-Reason", REASON)
        .contentType(ContentType.JSON)
        .body(new HashMap<>(body))
        .post("/cases/by-person")
        .then();
  }
}
