package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 检举控告 (Art 30(3)): an accusation is seen by the units that registered, handle or review it and by
 * the supervisors above them; never by the unit it accuses, whatever its role or region.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class AccusationTest {

  /** The accused's own unit: the 南宁街道 office, with every role a township has. */
  private static final String ACCUSED_UNIT =
      TestTokens.token(
          "nanning-officer", "530302001:zf", "530302001", "registrar", "handler", "supervisor");

  private static final String TOWNSHIP_REGISTRAR =
      TestTokens.token("nanning-registrar", "530302001:xfb", "530302001", "registrar");

  private static final String COUNTY_HOUSING =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");

  private static final String CITY_SUPERVISOR =
      TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Test
  void routingLearnsTheAccusedUnitOnTheNodeInternalTopicAndTheBroadcastNeverDoes() {
    String id = Petitions.registered(Petitions.accusation()).path("petitionCase.id");
    var requests =
        kafka.await(
            Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
            seen -> id.equals(seen.key()),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, requests.size());
    String request = requests.get(0).value();
    assertTrue(request.contains("\"unitCode\":\"530302001:zf\""), request);
    assertFalse(request.contains("李四"), "no accused person is named");
    assertFalse(request.contains("收受"), "no accusation text");
    var broadcast =
        kafka.await(Topics.CASE_EVENTS, seen -> id.equals(seen.key()), 2, Duration.ofSeconds(10));
    assertFalse(broadcast.isEmpty(), "the lifecycle is broadcast");
    broadcast.forEach(
        e ->
            assertFalse(e.value().contains("530302001:zf"), "the broadcast names no accused unit"));
  }

  /**
   * Issue 31, item 4: a clerk who names the accused unit in words, not by its code, gets the unit
   * the words name (UnitNames) recorded and sent to routing, which keeps the case from it; words
   * that name no unit reach routing as a unit no one could tell, so that it rules none out.
   */
  @Test
  void anAccusedUnitWrittenInWordsIsReadAsTheUnitItNames() {
    String byItsShortName =
        Petitions.registered(accused("PERSON", "李四", "区人社局")).path("petitionCase.id");
    String anOrganisation =
        Petitions.registered(accused("ORGANISATION", "麒麟区住建局", null)).path("petitionCase.id");
    String noUnit = Petitions.registered(accused("PERSON", "李四", "某某物业公司")).path("petitionCase.id");
    read(TestTokens.qilinRegistrar(), byItsShortName)
        .statusCode(200)
        .body("accused[0].unitCode", equalTo("530302:rsj"))
        .body("accused[0].unitName", equalTo("区人社局"));
    read(TestTokens.qilinRegistrar(), anOrganisation)
        .body("accused[0].unitCode", equalTo("530302:zjj"));
    read(TestTokens.qilinRegistrar(), noUnit).body("accused[0].unitCode", equalTo(null));

    Map<String, String> sent = new java.util.HashMap<>();
    kafka
        .await(
            Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
            seen -> List.of(byItsShortName, anOrganisation, noUnit).contains(seen.key()),
            3,
            Duration.ofSeconds(30))
        .forEach(seen -> sent.put(seen.key(), seen.value()));
    assertTrue(sent.get(byItsShortName).contains("\"unitCode\":\"530302:rsj\""), sent.toString());
    assertTrue(sent.get(anOrganisation).contains("\"unitCode\":\"530302:zjj\""), sent.toString());
    assertTrue(sent.get(noUnit).contains("\"accused\":[{\"unitCode\":null"), sent.toString());
    assertFalse(sent.get(noUnit).contains("物业"), "the words stay in the case file");
  }

  private static Map<String, Object> accused(String kind, String name, String unitName) {
    Map<String, Object> body = Petitions.accusation();
    Map<String, Object> accused = new java.util.HashMap<>();
    accused.put("kind", kind);
    accused.put("name", name);
    if (unitName != null) {
      accused.put("unitName", unitName);
    }
    body.put("accused", List.of(accused));
    return body;
  }

  @Test
  void accusationNeverReachesTheAccusedUnit() {
    String id = Petitions.registered(Petitions.accusation()).path("petitionCase.id");
    given().auth().oauth2(ACCUSED_UNIT).when().get("/cases/" + id).then().statusCode(404);
    given()
        .auth()
        .oauth2(ACCUSED_UNIT)
        .when()
        .get("/cases/" + id + "/history")
        .then()
        .statusCode(404);
  }

  @Test
  void anAccusationIsHiddenFromUnitsThatNeitherHandleNorSuperviseIt() {
    String accusation = Petitions.registered(Petitions.accusation()).path("petitionCase.id");
    String ordinary = Petitions.registered(Petitions.letter()).path("petitionCase.id");

    read(TOWNSHIP_REGISTRAR, ordinary).statusCode(200);
    read(TOWNSHIP_REGISTRAR, accusation).statusCode(404);
    read(COUNTY_HOUSING, accusation).statusCode(404);
  }

  @Test
  void theRegisteringUnitSeesTheAccusationAndASupervisorSeesItWithoutItsText() {
    String id = Petitions.registered(Petitions.accusation()).path("petitionCase.id");
    read(TestTokens.qilinRegistrar(), id)
        .statusCode(200)
        .body("content", equalTo("举报南宁街道某干部在供暖改造中收受施工方财物。"))
        .body("accused[0].name", equalTo("李四"))
        .body("accused[0].unitCode", equalTo("530302001:zf"));
    read(CITY_SUPERVISOR, id)
        .statusCode(200)
        .body("petitionClass", equalTo("ACCUSATION"))
        .body("content", equalTo("***"))
        .body("accused[0].name", equalTo("李*"))
        .body("accused[0].unitCode", equalTo(null))
        .body("petitioners[0].name", equalTo("张*"));
  }

  @Test
  void aConfidentialPetitionersIdentityIsShownToTheRegisteringOfficeOnly() {
    var body = Petitions.letterWith("confidential", true);
    String id = Petitions.registered(body).path("petitionCase.id");
    read(TestTokens.qilinRegistrar(), id).body("petitioners[0].name", equalTo("张三"));
    read(CITY_SUPERVISOR, id).body("petitioners[0].name", equalTo("张*"));
  }

  @Test
  void noManualReRouteSendsAnAccusationInsideTheAccusedUnitsDepartment() {
    String id = Petitions.registered(Petitions.accusation()).path("petitionCase.id");
    // routing found the township's 纪工委 inside the accused township office's department
    Decisions.route(id, "530302:jw", "麒麟区纪委监委")
        .ruleVersion("accusation-1")
        .excluded("530302001:zf", "530302001:jw")
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> read(TestTokens.qilinRegistrar(), id).body("status", equalTo("FORWARDED")));
    String countyDiscipline = TestTokens.token("qilin-jw", "530302:jw", "530302", "handler");
    given()
        .auth()
        .oauth2(countyDiscipline)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "应由街道纪工委办理。"))
        .when()
        .post("/cases/" + id + "/objection")
        .then()
        .statusCode(200);
    given()
        .auth()
        .oauth2(CITY_SUPERVISOR)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "upheld",
                true,
                "unit",
                Map.of("code", "530302001:jw", "name", "南宁街道纪工委"),
                "reason",
                "改由街道纪工委办理。"))
        .when()
        .post("/cases/" + id + "/objection-decision")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("unit.code"))
        .body("errors[0].rule", equalTo("NotTheAccused"));
    read(TestTokens.qilinRegistrar(), id)
        .body("status", equalTo("OBJECTED"))
        .body("handlingUnit.code", equalTo("530302:jw"));
  }

  private static io.restassured.response.ValidatableResponse read(String token, String id) {
    return given().auth().oauth2(token).when().get("/cases/" + id).then();
  }
}
