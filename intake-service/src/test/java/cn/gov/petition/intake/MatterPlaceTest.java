package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 更正问题属地 (issue 31, item 6): a place recorded wrongly is corrected by a 信访 office; a matter not yet
 * accepted goes to the unit of the new place, an accepted one is corrected only within its unit's
 * region; the correction is in the history and the events carry the new place from then on.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class MatterPlaceTest {

  /** The registering office, 麒麟区信访局. */
  private static final String OFFICE = TestTokens.qilinRegistrar();

  private static final String CITY_OFFICE =
      TestTokens.token("qujing-handler", "5303:xfj", "5303", "handler");

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  /** A letter about 南宁街道 (530302001), forwarded to the county's housing bureau. */
  private static String forwarded() {
    String id = Petitions.registered(Petitions.letter()).path("petitionCase.id");
    Decisions.forwarded(id, "530302:zjj", "麒麟区住房和城乡建设局");
    return id;
  }

  @Test
  void aPlaceWithinTheUnitsRegionIsCorrectedAndTheEventsCarryItFromThenOn() {
    String id = forwarded();
    String path = "/cases/" + id + "/matter-place";
    post(OFFICE, path, place("530302002")).statusCode(200).body("status", equalTo("FORWARDED"));
    Petitions.read(id)
        .body("matterRegionCode", equalTo("530302002"))
        .body("handlingUnit.code", equalTo("530302:zjj"));
    history(id)
        .body(
            "find { it.transition == 'MATTER_PLACE_CORRECTED' }.details.previousMatterRegion",
            equalTo("530302001"))
        .body(
            "find { it.transition == 'MATTER_PLACE_CORRECTED' }.details.reason",
            equalTo("该路段属建宁街道辖区，登记时误填为南宁街道。"));
    String event =
        kafka
            .await(
                Topics.CASE_EVENTS,
                seen -> id.equals(seen.key()) && seen.value().contains("MATTER_PLACE_CORRECTED"),
                1,
                Duration.ofSeconds(20))
            .get(0)
            .value();
    assertTrue(event.contains("\"matterRegionCode\":\"530302002\""), event);
    // broadcast: the reason (free text) stays in the case file
    assertTrue(!event.contains("登记时误填"), event);
  }

  @Test
  void aPlaceOutsideTheUnitsRegionSendsTheMatterToTheUnitNamedBeforeAcceptanceOnly() {
    String id = forwarded();
    String path = "/cases/" + id + "/matter-place";
    // 西平街道 lies in 沾益区: the county housing bureau of 麒麟区 does not cover it
    post(CITY_OFFICE, path, place("530303001"))
        .statusCode(422)
        .body("errors[0].field", equalTo("unit"))
        .body("errors[0].rule", equalTo("NotNull"));
    Petitions.read(id).body("matterRegionCode", equalTo("530302001"));

    Map<String, Object> moved = place("530303001");
    moved.put("unit", Map.of("code", "530303:zjj", "name", "沾益区住房和城乡建设局"));
    post(CITY_OFFICE, path, moved)
        .statusCode(200)
        .body("status", equalTo("FORWARDED"))
        .body("handlingUnit.code", equalTo("530303:zjj"))
        .body(
            "steps.find { it.step == 'ACCEPT' && it.unitCode == '530302:zjj' }.state",
            equalTo("WITHDRAWN"))
        .body(
            "steps.find { it.step == 'ACCEPT' && it.unitCode == '530303:zjj' }.state",
            equalTo("OPEN"));
    history(id)
        .body(
            "find { it.transition == 'MATTER_PLACE_CORRECTED' }.details.proposedUnit",
            equalTo("530302:zjj"))
        .body(
            "find { it.transition == 'MATTER_PLACE_CORRECTED' }.details.unit",
            equalTo("530303:zjj"));

    // accepted: corrected within 沾益区 only, and sent nowhere
    String zhanyi = TestTokens.token("zhanyi-zjj", "530303:zjj", "530303", "handler");
    post(zhanyi, "/cases/" + id + "/acceptance", Map.of("notice", "已受理")).statusCode(200);
    post(CITY_OFFICE, path, place("530302001"))
        .statusCode(409)
        .body("detail", containsString("accepted"));
    post(CITY_OFFICE, path, place("530303002"))
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("handlingUnit.code", equalTo("530303:zjj"));
    Petitions.read(id).body("matterRegionCode", equalTo("530303002"));
  }

  @Test
  void aWrongCorrectionIsRefusedWithTheFieldAndTheRuleAndChangesNothing() {
    String id = forwarded();
    String path = "/cases/" + id + "/matter-place";
    post(OFFICE, path, place("530302999"))
        .statusCode(400)
        .body("errors[0].field", equalTo("matterRegionCode"));
    post(OFFICE, path, place("530302001"))
        .statusCode(422)
        .body("errors[0].rule", equalTo("Changed"));
    post(OFFICE, path, place("110101001"))
        .statusCode(422)
        .body("errors[0].rule", equalTo("InNodeProvince"));
    Map<String, Object> noReason = place("530302002");
    noReason.remove("reason");
    post(OFFICE, path, noReason).statusCode(400).body("errors[0].field", equalTo("reason"));
    // the bureau the matter is with is no 信访 office
    post(TestTokens.token("qilin-zjj", "530302:zjj", "530302", "handler"), path, place("530302002"))
        .statusCode(403);
    Petitions.read(id).body("matterRegionCode", equalTo("530302001"));
    assertEquals(
        0,
        history(id)
            .extract()
            .jsonPath()
            .getList("findAll { it.transition == 'MATTER_PLACE_CORRECTED' }")
            .size());
  }

  private static Map<String, Object> place(String region) {
    Map<String, Object> body = new HashMap<>();
    body.put("matterRegionCode", region);
    body.put("reason", "该路段属建宁街道辖区，登记时误填为南宁街道。");
    return body;
  }

  private static ValidatableResponse history(String id) {
    return given()
        .auth()
        .oauth2(OFFICE)
        .when()
        .get("/cases/" + id + "/history")
        .then()
        .statusCode(200);
  }

  private static ValidatableResponse post(String token, String path, Object body) {
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
