package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 批量登记 (issue 32): a hand-over of many petitions in one call, each checked and answered on its own
 * as a single registration would be, each registered whole or not at all, and safe to send again.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class BatchRegistrationTest {

  private static ValidatableResponse send(List<Map<String, Object>> petitions, String key) {
    var request = given().auth().oauth2(TestTokens.qilinRegistrar()).contentType(ContentType.JSON);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.body(Map.of("petitions", petitions)).when().post("/cases/batch").then();
  }

  /**
   * A phone centre's hand-over: good petitions, one with a malformed phone, one whose matter lies
   * in another province, one with a count that is no number, one repeating the first; then the same
   * batch again.
   */
  private static List<Map<String, Object>> handOver() {
    Map<String, Object> first = Petitions.letter();
    Map<String, Object> badPhone = Petitions.letter();
    Petitions.firstPetitioner(badPhone).put("phone", "12345");
    Map<String, Object> elsewhere = Petitions.letter();
    elsewhere.put("matterRegionCode", "110101001");
    Map<String, Object> notANumber = Petitions.letter();
    notANumber.put("personCount", "many");
    Map<String, Object> again = new HashMap<>(first); // the same petitioner, the same matter
    return List.of(
        first, badPhone, Petitions.letter(), elsewhere, notANumber, again, Petitions.letter());
  }

  @Test
  void eachPetitionIsCheckedAndAnsweredOnItsOwnAndTheBatchMaySafelyBeSentAgain() {
    String key = "handover-" + UUID.randomUUID();
    List<Map<String, Object>> petitions = handOver();
    ValidatableResponse answer =
        send(petitions, key)
            .statusCode(200)
            .body("registered", equalTo(3))
            .body("unchanged", equalTo(1))
            .body("refused", equalTo(3))
            .body("results.index", equalTo(List.of(0, 1, 2, 3, 4, 5, 6)))
            .body("results.status", equalTo(List.of(201, 400, 201, 422, 400, 200, 201)))
            .body("results[1].problem.errors.field", hasItem("petitions[1].petitioners[0].phone"))
            .body("results[3].problem.errors.field", hasItem("petitions[3].matterRegionCode"))
            .body("results[3].problem.errors.rule", hasItem("InNodeProvince"))
            .body("results[4].problem.errors.field", hasItem("petitions[4].personCount"))
            .body("results[5].registration.outcome", equalTo("LINKED_TO_OPEN_CASE"));
    String firstNumber = answer.extract().path("results[0].registration.petitionCase.caseNumber");
    assertEquals(
        firstNumber,
        answer.extract().path("results[5].registration.repeatOf.caseNumber"),
        "the repeat in the batch is recorded on the case the batch opened for the first");
    // the refused ones took no number: the three cases are numbered one after another
    List<String> numbers =
        List.of(
            firstNumber,
            answer.extract().path("results[2].registration.petitionCase.caseNumber"),
            answer.extract().path("results[6].registration.petitionCase.caseNumber"));
    int start = sequence(numbers.get(0));
    assertEquals(
        List.of(start, start + 1, start + 2), numbers.stream().map(n -> sequence(n)).toList());
    List<String> ids =
        List.of(
            answer.extract().path("results[0].registration.petitionCase.id"),
            answer.extract().path("results[2].registration.petitionCase.id"),
            answer.extract().path("results[6].registration.petitionCase.id"));
    ids.forEach(id -> Petitions.read(id).body("status", equalTo("REGISTERED")));

    // sent again with the same key (the caller's connection broke): nothing is registered twice
    ValidatableResponse resent =
        send(petitions, key)
            .statusCode(200)
            .body("registered", equalTo(0))
            .body("unchanged", equalTo(4))
            .body("results.status", equalTo(List.of(200, 400, 200, 422, 400, 200, 200)));
    assertEquals(ids.get(0), resent.extract().path("results[0].registration.petitionCase.id"));
    assertEquals(ids.get(1), resent.extract().path("results[2].registration.petitionCase.id"));
    assertEquals(ids.get(2), resent.extract().path("results[6].registration.petitionCase.id"));
  }

  @Test
  void aPetitionThatFailsWhileBeingWrittenTakesNoOtherOfTheBatchWithIt() {
    // an online submission nobody made: found missing only as the case is written
    Map<String, Object> unknownSubmission = Petitions.letter();
    unknownSubmission.put("submissionId", UUID.randomUUID().toString());
    List<Map<String, Object>> petitions =
        List.of(Petitions.letter(), unknownSubmission, Petitions.letter());
    ValidatableResponse answer =
        send(petitions, null)
            .statusCode(200)
            .body("registered", equalTo(2))
            .body("results.status", equalTo(List.of(201, 404, 201)))
            .body("results[1].problem.status", equalTo(404));
    Petitions.read(answer.extract().path("results[0].registration.petitionCase.id"));
    Petitions.read(answer.extract().path("results[2].registration.petitionCase.id"));
  }

  @Test
  void aBatchOverOneThousandOrWithoutPetitionsIsRefusedWhole() {
    List<Map<String, Object>> tooMany = new ArrayList<>();
    Map<String, Object> one = Petitions.letter();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(one);
    }
    send(tooMany, null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("petitions"))
        .body("errors.rule", hasItem("Size"));
    send(List.of(), null).statusCode(400).body("errors.field", hasItem("petitions"));
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/cases/batch")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("petitions"));
  }

  @Test
  void onlyARegistrarRegistersABatch() {
    given()
        .auth()
        .oauth2(TestTokens.token("qilin-handler", "530302:xfj", "530302", "handler"))
        .contentType(ContentType.JSON)
        .body(Map.of("petitions", List.of(Petitions.letter())))
        .when()
        .post("/cases/batch")
        .then()
        .statusCode(403);
  }

  private static int sequence(String caseNumber) {
    return Integer.parseInt(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
  }
}
