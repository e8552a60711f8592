package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.infra.Identities;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Art 19 and the national data dictionary record at registration, and the rules between the
 * fields: each channel's requirements, anonymity, accusations, agents and leaders' reception days.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class RegistrationFieldsTest {

  @Inject EntityManager entityManager;

  @Test
  void aCollectiveVisitOfAnOrganisationAtALeadersReceptionDayIsRecordedAsSuch() {
    Map<String, Object> body = Petitions.letter();
    body.put("channel", "VISIT");
    body.put("origin", "LEADER_RECEPTION");
    body.put("intermediary", Map.of("name", "王五", "post", "麒麟区副区长"));
    body.put("personCount", 6);
    body.put("involvedCount", 120);
    body.put("purpose", "SEEK_SOLUTION");
    Map<String, Object> organisation = new HashMap<>();
    organisation.put("kind", "ORGANISATION");
    organisation.put("name", "南宁街道某小区业主委员会");
    organisation.put("idNumber", "91350100M000100Y43");
    organisation.put("phone", "0874-3123456");
    organisation.put("address", "云南省曲靖市麒麟区南宁街道");
    organisation.put("addressRegionCode", "530302001");
    List<Object> petitioners = new ArrayList<>();
    petitioners.add(organisation);
    petitioners.add(Petitions.petitioner(Identities.nextSerial()));
    body.put("petitioners", petitioners);

    Petitions.registered(body)
        .response()
        .then()
        .body("outcome", equalTo("REGISTERED"))
        .body("petitionCase.origin", equalTo("LEADER_RECEPTION"))
        .body("petitionCase.intermediary.name", equalTo("王五"))
        .body("petitionCase.collective", equalTo(true))
        .body("petitionCase.involvedCount", equalTo(120))
        .body("petitionCase.purposeLabel", equalTo("求决"))
        .body("petitionCase.petitioners[0].kind", equalTo("ORGANISATION"))
        .body("petitionCase.petitioners[0].idType", equalTo("CREDIT_CODE"))
        .body("petitionCase.petitioners[0].idNumber", equalTo("91350100M000100Y43"))
        .body("petitionCase.petitioners[1].idType", equalTo("RESIDENT_ID"));
  }

  @Test
  void aVisitToBeijingSentDownByTheNationalBureauNamesTheBureauAndItsTransfer() {
    Map<String, Object> body = Petitions.letter();
    body.put("channel", "VISIT");
    body.put("origin", "NATIONAL_TRANSFER");
    body.put("intermediary", Map.of("name", "国家信访局", "post", "国信转〔2026〕118号"));
    Petitions.registered(body)
        .response()
        .then()
        .body("petitionCase.origin", equalTo("NATIONAL_TRANSFER"))
        .body("petitionCase.intermediary.name", equalTo("国家信访局"))
        .body("petitionCase.intermediary.post", equalTo("国信转〔2026〕118号"));
    Map<String, Object> unnamed = Petitions.letterWith("origin", "NATIONAL_TRANSFER");
    unnamed.remove("intermediary");
    refused(unnamed).body("errors.rule", hasItem("requiredForOrigin"));
  }

  @Test
  void eachChannelRequiresWhatItsAnswerNeedsAndARefusalStoresNothing() {
    long before = cases();
    Map<String, Object> visit = Petitions.letterWith("channel", "VISIT");
    Petitions.firstPetitioner(visit).remove("idNumber");
    refused(visit).body("errors.rule", hasItem("requiredForVisit"));

    Map<String, Object> online = Petitions.letterWith("channel", "ONLINE");
    Petitions.firstPetitioner(online).remove("phone");
    refused(online)
        .body("errors.field", hasItem("petitioners[0].phone"))
        .body("errors.rule", hasItem("requiredForOnline"));

    Map<String, Object> call = Petitions.letterWith("channel", "PHONE");
    Petitions.firstPetitioner(call).remove("phone");
    refused(call).body("errors.rule", hasItem("requiredForPhone"));

    Map<String, Object> letter = Petitions.letter();
    Petitions.firstPetitioner(letter).remove("address");
    refused(letter)
        .body("errors.field", hasItem("petitioners[0].address"))
        .body("errors.rule", hasItem("requiredForLetter"));

    refused(Petitions.letterWith("petitioners", List.of()))
        .body("errors.rule", hasItem("requiredUnlessAnonymous"));
    assertEquals(before, cases(), "no refused registration stored anything");
  }

  @Test
  void onlyAccusationsAndSuggestionsMayBeAnonymousAndNobodyVisitsAnonymously() {
    Map<String, Object> anonymousDemand = Petitions.letterWith("anonymous", true);
    anonymousDemand.put("petitioners", List.of());
    refused(anonymousDemand)
        .body("errors.rule", hasItem("anonymousOnlyForAccusationsAndSuggestions"));

    Map<String, Object> anonymousVisit = Petitions.accusation();
    anonymousVisit.put("anonymous", true);
    anonymousVisit.put("channel", "VISIT");
    anonymousVisit.put("petitioners", List.of());
    refused(anonymousVisit).body("errors.rule", hasItem("noAnonymousVisit"));

    Map<String, Object> anonymousAccusation = Petitions.accusation();
    anonymousAccusation.put("anonymous", true);
    anonymousAccusation.put("petitioners", List.of());
    Petitions.registered(anonymousAccusation)
        .response()
        .then()
        .body("petitionCase.anonymous", equalTo(true))
        .body("petitionCase.petitioners", hasSize(0));
  }

  @Test
  void rulesBetweenFieldsAreAllNamedAtOnce() {
    Map<String, Object> body = Petitions.letterWith("petitionClass", "ACCUSATION");
    body.put("origin", "LEADER_RECEPTION");
    body.put("personCount", 1);
    List<Object> two = new ArrayList<>();
    two.add(Petitions.petitioner(Identities.nextSerial()));
    two.add(Petitions.petitioner(Identities.nextSerial()));
    body.put("petitioners", two);
    refused(body)
        .body(
            "errors.rule",
            hasItems(
                "requiredForAccusation",
                "requiredForOrigin",
                "leaderReceptionIsAVisit",
                "atLeastThePetitionersNamed"));
    Map<String, Object> appealNamingAccused = Petitions.letter();
    appealNamingAccused.put("accused", Petitions.accusation().get("accused"));
    refused(appealNamingAccused).body("errors.rule", hasItem("onlyForAccusations"));
  }

  @Test
  void divisionCodesAndIdDocumentsAreCheckedAgainstTheirStandards() {
    badRequest(Petitions.letterWith("matterRegionCode", "530399001"))
        .body("errors[0].field", equalTo("matterRegionCode"))
        .body("errors[0].rule", equalTo("DivisionCode"))
        .body("errors[0].message", containsString("not in the national division table"));
    badRequest(Petitions.letterWith("matterRegionCode", "5303"))
        .body("errors[0].message", containsString("6 or 9 digits"));

    Map<String, Object> wrongCreditCode = Petitions.letter();
    Map<String, Object> organisation = Petitions.firstPetitioner(wrongCreditCode);
    organisation.put("kind", "ORGANISATION");
    organisation.put("idNumber", "91350100M000100Y44");
    badRequest(wrongCreditCode)
        .body("errors[0].field", equalTo("petitioners[0].idNumber"))
        .body("errors[0].message", equalTo("has a wrong check character (GB 32100)"));

    Map<String, Object> personWithCreditCode = Petitions.letter();
    Petitions.firstPetitioner(personWithCreditCode).put("idType", "CREDIT_CODE");
    badRequest(personWithCreditCode).body("errors[0].field", equalTo("petitioners[0].idType"));

    Map<String, Object> passport = Petitions.letter();
    Petitions.firstPetitioner(passport).put("idType", "PASSPORT");
    Petitions.firstPetitioner(passport).put("idNumber", "E12345678");
    Petitions.registered(passport)
        .response()
        .then()
        .body("petitionCase.petitioners[0].idType", equalTo("PASSPORT"));

    badRequest(Petitions.letterWith("purpose", "WHATEVER"))
        .body("errors[0].field", equalTo("purpose"));
  }

  private static ValidatableResponse refused(Map<String, Object> body) {
    return post(body).statusCode(422).contentType("application/problem+json");
  }

  private static ValidatableResponse badRequest(Map<String, Object> body) {
    return post(body).statusCode(400).contentType("application/problem+json");
  }

  private static ValidatableResponse post(Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/cases")
        .then();
  }

  private long cases() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery("SELECT count(*) FROM petition_case")
                            .getSingleResult())
                    .longValue());
  }
}
