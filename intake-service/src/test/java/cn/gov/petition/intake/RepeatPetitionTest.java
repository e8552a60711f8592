package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 重复信访: the same petitioner about the same matter. While the first case is in the procedure the
 * repeat opens no case (Art 19(3)); after termination it is registered and answered 不再受理 (domain.md
 * 6.2); new facts or reasons make a new case.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class RepeatPetitionTest {

  /** The same complaint in other words: shares 小区, 供暖, 达标, 反映 ... with the object mother's. */
  private static final String SAME_MATTER_AGAIN = "小区供暖一直不达标，已经多次反映，至今未解决。";

  @Inject EntityManager entityManager;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Test
  void theSamePetitionerAboutTheSameMatterWhileItIsHandledOpensNoNewCase() {
    Map<String, Object> first = Petitions.letter();
    var registered = Petitions.registered(first);
    String firstId = registered.path("petitionCase.id");
    String firstNumber = registered.path("petitionCase.caseNumber");

    Map<String, Object> again = sameMatterAgain(first);
    again.put("channel", "PHONE");
    register(again, "repeat-" + UUID.randomUUID())
        .statusCode(200)
        .body("outcome", equalTo("LINKED_TO_OPEN_CASE"))
        .body("petitionCase", nullValue())
        .body("queryCode", nullValue())
        .body("repeatOf.caseNumber", equalTo(firstNumber))
        .body("repeatOf.matchedOn", equalTo("ID_NUMBER"))
        .body("repeatOf.similarity", greaterThanOrEqualTo(0.5f));

    assertEquals(1, casesOf(first), "no second case was opened");
    history(firstId)
        .body("transition", hasItem("REPEAT_RECEIVED"))
        .body("find { it.transition == 'REPEAT_RECEIVED' }.details.channel", equalTo("PHONE"))
        .body("find { it.transition == 'REPEAT_RECEIVED' }.toStatus", equalTo("REGISTERED"));
  }

  @Test
  void aRetriedRepeatIsRecordedOnce() {
    Map<String, Object> first = Petitions.letter();
    String firstId = Petitions.registered(first).path("petitionCase.id");
    String key = "repeat-" + UUID.randomUUID();
    Map<String, Object> again = sameMatterAgain(first);
    register(again, key).statusCode(200).body("outcome", equalTo("LINKED_TO_OPEN_CASE"));
    register(again, key).statusCode(200).body("outcome", equalTo("LINKED_TO_OPEN_CASE"));
    history(firstId).body("findAll { it.transition == 'REPEAT_RECEIVED' }", hasSize(1));
  }

  @Test
  void theSamePersonAboutAnotherMatterOrPlaceIsANewCase() {
    Map<String, Object> first = Petitions.letter();
    Petitions.registered(first);

    Map<String, Object> otherMatter = sameMatterAgain(first);
    otherMatter.put("category", "0201");
    otherMatter.put("content", "单位拖欠工资三个月，劳动监察大队未处理。");
    register(otherMatter, null)
        .statusCode(201)
        .body("outcome", equalTo("REGISTERED"))
        .body("repeatOf", nullValue());

    Map<String, Object> otherCounty = sameMatterAgain(first);
    otherCounty.put("matterRegionCode", "530303");
    register(otherCounty, null).statusCode(201).body("repeatOf", nullValue());
  }

  @Test
  void aPetitionerWithoutIdIsRecognisedByNameAndAddress() {
    Map<String, Object> first = Petitions.letter();
    Petitions.firstPetitioner(first).remove("idNumber");
    Petitions.firstPetitioner(first).remove("phone");
    String number = Petitions.registered(first).path("petitionCase.caseNumber");
    register(sameMatterAgain(first), null)
        .statusCode(200)
        .body("repeatOf.caseNumber", equalTo(number))
        .body("repeatOf.matchedOn", equalTo("NAME_AND_ADDRESS"));
  }

  @Test
  void aTerminatedMatterIsRegisteredAgainAndAnsweredNotAcceptedAgain() {
    Map<String, Object> first = Petitions.letter();
    var registered = Petitions.registered(first);
    String terminatedId = registered.path("petitionCase.id");
    String terminatedNumber = registered.path("petitionCase.caseNumber");
    terminate(entityManager, terminatedId);

    String againId =
        register(sameMatterAgain(first), null)
            .statusCode(201)
            .body("outcome", equalTo("NOT_ACCEPTED_AGAIN"))
            .body("outcomeLabel", equalTo("不再受理"))
            .body("petitionCase.status", equalTo("NOT_ACCEPTED_AGAIN"))
            .body("petitionCase.repeatOf.caseNumber", equalTo(terminatedNumber))
            .body("petitionCase.steps.findAll { it.state == 'OPEN' }", hasSize(0))
            .extract()
            .path("petitionCase.id");
    history(againId).body("transition", equalTo(List.of("REGISTERED", "NOT_ACCEPTED_AGAIN")));
    assertEquals(
        0,
        kafka
            .await(
                Topics.forNode(Topics.ROUTING_REQUESTS, "53"),
                seen -> againId.equals(seen.key()),
                1,
                java.time.Duration.ofSeconds(5))
            .size(),
        "a matter answered 不再受理 is not routed");

    // a third time: linked to the terminated case itself, not to the second registration
    register(sameMatterAgain(first), null)
        .statusCode(201)
        .body("outcome", equalTo("NOT_ACCEPTED_AGAIN"))
        .body("repeatOf.caseNumber", equalTo(terminatedNumber));

    Map<String, Object> withNewFacts = sameMatterAgain(first);
    withNewFacts.put("newFactsOrReasons", "2026年11月供暖公司更换后温度仍只有12度，有新的检测报告。");
    register(withNewFacts, null)
        .statusCode(201)
        .body("outcome", equalTo("REGISTERED"))
        .body("petitionCase.status", equalTo("REGISTERED"))
        .body("repeatOf.caseNumber", equalTo(terminatedNumber));
  }

  @Test
  void theRepeatCheckSaysWhatRegistrationWouldDoAndSavesNothing() {
    Map<String, Object> first = Petitions.letter();
    String number = Petitions.registered(first).path("petitionCase.caseNumber");
    Map<String, Object> again = sameMatterAgain(first);
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body(again)
        .when()
        .post("/cases/repeat-check")
        .then()
        .statusCode(200)
        .body("wouldBe", equalTo("LINKED_TO_OPEN_CASE"))
        .body("matches", hasSize(1))
        .body("matches[0].caseNumber", equalTo(number));
    assertEquals(1, casesOf(first));
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body(Petitions.letter())
        .when()
        .post("/cases/repeat-check")
        .then()
        .statusCode(200)
        .body("wouldBe", equalTo("REGISTERED"))
        .body("matches", hasSize(0));
  }

  /**
   * Ends the case as 终结: the way there through review and re-review is walked in HandlingTest; here
   * only its end.
   */
  static void terminate(EntityManager entityManager, String caseId) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "UPDATE petition_case SET status = 'TERMINATED' WHERE id = :id")
                    .setParameter("id", UUID.fromString(caseId))
                    .executeUpdate());
  }

  /** The same petitioner, the same matter in other words, a few days later. */
  private static Map<String, Object> sameMatterAgain(Map<String, Object> first) {
    Map<String, Object> again = new HashMap<>(first);
    again.put("content", SAME_MATTER_AGAIN);
    return again;
  }

  private static ValidatableResponse register(Map<String, Object> body, String key) {
    return Petitions.register(body, key);
  }

  private static ValidatableResponse history(String id) {
    return given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/cases/" + id + "/history")
        .then()
        .statusCode(200);
  }

  /** How many cases the first petitioner of the body has, by the name and address stored. */
  private long casesOf(Map<String, Object> body) {
    Map<String, Object> petitioner = Petitions.firstPetitioner(body);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "SELECT count(DISTINCT case_id) FROM petitioner"
                                    + " WHERE name_address_digest = :d")
                            .setParameter(
                                "d",
                                FieldCipher.instance()
                                    .digest(
                                        petitioner.get("name") + "|" + petitioner.get("address")))
                            .getSingleResult())
                    .longValue());
  }
}
