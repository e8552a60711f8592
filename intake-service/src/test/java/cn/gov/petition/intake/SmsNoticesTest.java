package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.SmsCenter;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 短信告知 (issue 29): a petitioner who gave a mobile number and agreed is told of their case by SMS,
 * sent over SMPP to the real SMS center the tests start, and the case shows each SMS with the
 * center's delivery receipt; one who did not agree is sent nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class SmsNoticesTest {

  private static final String HANDLER =
      TestTokens.token("qilin-handler", "530302:xfj", "530302", "handler");
  private static final String CITY =
      TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");

  private final SmsCenter center = PetitionTestInfrastructure.infrastructure().sms();

  @Test
  void aPetitionerWhoAgreedGetsTheReceiptAndTheAcceptanceByAndTheCaseShowsTheirDelivery() {
    Map<String, Object> letter = Petitions.letter();
    Map<String, Object> petitioner = Petitions.firstPetitioner(letter);
    petitioner.put("smsConsent", true);
    String phone = (String) petitioner.get("phone");
    JsonPath registered = Petitions.registered(letter).jsonPath();
    String id = registered.getString("petitionCase.id");
    String caseNumber = registered.getString("petitionCase.caseNumber");
    String queryCode = registered.getString("queryCode");

    await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(status(id, HANDLER, 0)));
    List<SmsCenter.Message> received = center.messagesTo(phone);
    assertEquals(1, received.size(), received.toString());
    String text = received.get(0).text();
    assertTrue(text.startsWith("【曲靖市麒麟区信访局】") || text.startsWith("【麒麟区信访局】"), text);
    assertTrue(text.contains(caseNumber) && text.contains(queryCode), text);
    notices(id, HANDLER)
        .body("[0].notice", equalTo("RECEIPT"))
        .body("[0].phone", equalTo(phone))
        .body("[0].parts", equalTo(SmsTemplates.parts(text)));
    // a supervisor above sees that it was delivered, not to whom
    notices(id, CITY)
        .body("[0].phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));

    acceptedByTheHousingBureau(id);
    await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(status(id, HANDLER, 1)));
    String accepted = center.messagesTo(phone).get(1).text();
    assertTrue(accepted.contains(caseNumber) && accepted.contains("住房和城乡建设局"), accepted);
  }

  @Test
  void aPhoneThatCannotBeReachedIsRecordedUndelivered() {
    Map<String, Object> letter = Petitions.letter();
    Map<String, Object> petitioner = Petitions.firstPetitioner(letter);
    petitioner.put("smsConsent", true);
    center.unreachable((String) petitioner.get("phone"));
    String id = Petitions.registered(letter).path("petitionCase.id");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "UNDELIVERED".equals(status(id, HANDLER, 0)));
  }

  @Test
  void withoutConsentNothingIsSentAndConsentNeedsAMobile() {
    Map<String, Object> letter = Petitions.letter();
    String phone = (String) Petitions.firstPetitioner(letter).get("phone");
    String id = Petitions.registered(letter).path("petitionCase.id");
    // queued in the registration's transaction, or never
    notices(id, HANDLER).body("size()", equalTo(0));
    assertEquals(List.of(), center.messagesTo(phone));

    Map<String, Object> landline = Petitions.letter();
    Map<String, Object> p = Petitions.firstPetitioner(landline);
    p.put("phone", "0874-3123456");
    p.put("smsConsent", true);
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body(landline)
        .post("/cases")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("petitioners[0].smsConsent"))
        .body("errors[0].rule", equalTo("smsNeedsMobile"));
  }

  @Test
  void aPhoneIsSentAtMostFiveInAnHourAndTheRestWaits() {
    // five representatives on one phone, each told of the registration: the hour's five
    Map<String, Object> letter = Petitions.letter();
    String phone = (String) Petitions.firstPetitioner(letter).get("phone");
    List<Map<String, Object>> five = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> member =
          Petitions.petitioner(cn.gov.petition.infra.Identities.nextSerial());
      member.put("phone", phone);
      member.put("smsConsent", true);
      five.add(member);
    }
    letter.put("petitioners", five);
    letter.put("personCount", 5);
    String id = Petitions.registered(letter).path("petitionCase.id");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> statuses(id).stream().filter("DELIVERED"::equals).count() == 5);

    // the acceptance's five wait until the first receipt SMS is an hour old
    acceptedByTheHousingBureau(id);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<Map<String, Object>> accepted =
                  notices(id, HANDLER).extract().path("findAll { it.notice == 'ACCEPTED' }");
              return accepted.size() == 5
                  && accepted.stream()
                      .allMatch(
                          n ->
                              "QUEUED".equals(n.get("status"))
                                  && java.time.Instant.parse((String) n.get("nextAt"))
                                      .isAfter(
                                          java.time.Instant.parse((String) n.get("queuedAt"))
                                              .plus(Duration.ofMinutes(55))));
            });
    assertEquals(5, center.messagesTo(phone).size());
  }

  /** Routed to the county's housing bureau, which accepts it. */
  private static void acceptedByTheHousingBureau(String id) {
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "FORWARDED".equals(read(id).getString("status")));
    given()
        .auth()
        .oauth2(TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler"))
        .contentType(ContentType.JSON)
        .body(Map.of("notice", "您反映的问题已受理，将于60日内答复。"))
        .post("/cases/" + id + "/acceptance")
        .then()
        .statusCode(200);
  }

  private static List<String> statuses(String id) {
    return notices(id, HANDLER).extract().path("status");
  }

  private static String status(String id, String token, int index) {
    List<String> statuses = notices(id, token).extract().path("status");
    return statuses.size() > index ? statuses.get(index) : null;
  }

  private static io.restassured.response.ValidatableResponse notices(String id, String token) {
    return given().auth().oauth2(token).get("/cases/" + id + "/notices").then().statusCode(200);
  }

  private static JsonPath read(String id) {
    return given().auth().oauth2(HANDLER).get("/cases/" + id).then().extract().jsonPath();
  }
}
