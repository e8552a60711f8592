package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.gov.petition.infra.Identities;
import cn.gov.petition.infra.SmsCenter;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * 网上评价 (issue 29): the petitioner rates the answer and the 信访 office themselves, on the status
 * page, with their query code and a one-time code sent to their phone by the real SMS center the
 * tests start; the unit whose answer is rated cannot record a rating, and a wrong or used code
 * records nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class PetitionerEvaluationTest {

  private static final String HOUSING =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");
  private static final String REGISTRAR = TestTokens.qilinRegistrar();

  private final SmsCenter center = PetitionTestInfrastructure.infrastructure().sms();

  @Test
  void thePetitionerEvaluatesWithTheCodeSentToTheirPhone() {
    Map<String, Object> letter = Petitions.letter();
    String phone = (String) Petitions.firstPetitioner(letter).get("phone");
    Answered answered = answered(letter);

    String status =
        publicStatus(answered.queryCode())
            .body("evaluation.open", equalTo(true))
            .body("evaluation.satisfaction", nullValue())
            // what was served on the petitioner, as it prints: the opinion with its facts
            .body("documents.kind", equalTo(List.of("RECEIPT", "ACCEPTANCE_NOTICE", "OPINION")))
            .body("documents[2].issuer", equalTo("麒麟区住房和城乡建设局"))
            .body("documents[2].sections.find { it.heading == '事实' }.text", equalTo("经核查，供热管网老化。"))
            .extract()
            .asString();
    assertFalse(
        status.contains((String) Petitions.firstPetitioner(letter).get("name")),
        "addressed to 信访人, never by name");
    // the unit whose answer is rated records no rating, and an office never records ONLINE
    post(HOUSING, "/cases/" + answered.id() + "/evaluation", Map.of("satisfaction", "SATISFIED"))
        .statusCode(403);
    post(
            REGISTRAR,
            "/cases/" + answered.id() + "/evaluation",
            Map.of("satisfaction", "SATISFIED", "channel", "ONLINE"))
        .statusCode(422)
        .body("errors[0].field", equalTo("channel"))
        .body("errors[0].rule", equalTo("NotOnline"));
    // no code asked for yet
    evaluate(answered.queryCode(), "123456").statusCode(409);

    publicPost("/one-time-code", Map.of("queryCode", answered.queryCode()))
        .statusCode(200)
        .body("sentTo[0]", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
        .body("validMinutes", equalTo(10));
    publicPost("/one-time-code", Map.of("queryCode", answered.queryCode()))
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    String code = codeSentTo(phone);

    String wrong = code.equals("000000") ? "000001" : "000000";
    evaluate(answered.queryCode(), wrong)
        .statusCode(422)
        .body("errors[0].field", equalTo("oneTimeCode"))
        .body("errors[0].message", containsString("还可尝试4次"));
    publicStatus(answered.queryCode()).body("evaluation.open", equalTo(true));

    evaluate(answered.queryCode(), code)
        .statusCode(200)
        .body("evaluation.open", equalTo(false))
        .body("evaluation.satisfaction", equalTo("SATISFIED"))
        .body("evaluation.officeSatisfaction", equalTo("BASICALLY_SATISFIED"))
        .body("evaluation.channel", equalTo("网上评价"));
    given()
        .auth()
        .oauth2(REGISTRAR)
        .get("/cases/" + answered.id())
        .then()
        .statusCode(200)
        .body("satisfaction", equalTo("SATISFIED"))
        .body("officeSatisfaction", equalTo("BASICALLY_SATISFIED"));
    given()
        .auth()
        .oauth2(REGISTRAR)
        .get("/cases/" + answered.id() + "/history")
        .then()
        .statusCode(200)
        .body("findAll { it.transition == 'EVALUATED' }.size()", equalTo(1))
        .body("find { it.transition == 'EVALUATED' }.user", equalTo("信访人"));
    // a code serves once: the window is closed now
    evaluate(answered.queryCode(), code).statusCode(409);
  }

  @Test
  void fiveWrongTriesVoidTheCodeAndACaseWithoutAMobileIsEvaluatedAtTheCounter() {
    Map<String, Object> letter = Petitions.letter();
    String phone = (String) Petitions.firstPetitioner(letter).get("phone");
    Answered answered = answered(letter);
    publicPost("/one-time-code", Map.of("queryCode", answered.queryCode())).statusCode(200);
    String code = codeSentTo(phone);
    String wrong = code.equals("000000") ? "000001" : "000000";
    for (int left = 4; left >= 0; left--) {
      evaluate(answered.queryCode(), wrong).statusCode(422);
    }
    evaluate(answered.queryCode(), code).statusCode(409).body("detail", containsString("重新获取"));
    publicStatus(answered.queryCode()).body("evaluation.open", equalTo(true));

    Map<String, Object> landline = Petitions.letter();
    // a landline of its own: a number another test registers would make this case a repeat
    Petitions.firstPetitioner(landline)
        .put("phone", String.format("0874-%07d", 2_000_000 + Identities.nextSerial() % 1_000_000));
    Answered atTheCounter = answered(landline);
    publicPost("/one-time-code", Map.of("queryCode", atTheCounter.queryCode()))
        .statusCode(422)
        .body("errors[0].rule", equalTo("MobileOnFile"));
    post(
            REGISTRAR,
            "/cases/" + atTheCounter.id() + "/evaluation",
            Map.of("satisfaction", "UNSATISFIED", "channel", "COUNTER"))
        .statusCode(200);
    publicStatus(atTheCounter.queryCode())
        .body("evaluation.satisfaction", equalTo("UNSATISFIED"))
        .body("evaluation.channel", equalTo("现场评价"));
  }

  private record Answered(String id, String queryCode) {}

  /** Registered, routed to the county's housing bureau, accepted and answered. */
  @Test
  void anAnswerUnsuitableForDisclosureIsNamedButNotShownOnline() {
    Answered answered = answered(Petitions.letter(), true);
    String status =
        publicStatus(answered.queryCode())
            .body("documents[2].kind", equalTo("OPINION"))
            .body("documents[2].sections.size()", equalTo(1))
            .body("documents[2].sections[0].text", containsString("不宜在网上公开"))
            .body("evaluation", nullValue())
            .extract()
            .asString();
    assertFalse(status.contains("供热管网老化"), "the opinion's facts are not shown");
  }

  private static Answered answered(Map<String, Object> letter) {
    return answered(letter, false);
  }

  private static Answered answered(Map<String, Object> letter, boolean notForDisclosure) {
    var registered = Petitions.registered(letter).jsonPath();
    String id = registered.getString("petitionCase.id");
    Decisions.forwarded(id, "530302:zjj", "麒麟区住房和城乡建设局");
    post(HOUSING, "/cases/" + id + "/acceptance", Map.of("notice", "已受理。")).statusCode(200);
    Map<String, Object> opinion = new HashMap<>();
    opinion.put("outcome", "SUPPORTED");
    opinion.put("request", "要求解决小区供暖不达标问题。");
    opinion.put("facts", "经核查，供热管网老化。");
    opinion.put("reasons", "已督促供热单位更换管网。");
    opinion.put("legalBasis", "《城市供热管理办法》");
    opinion.put("notForDisclosure", notForDisclosure);
    post(HOUSING, "/cases/" + id + "/opinion", opinion).statusCode(200);
    return new Answered(id, registered.getString("queryCode"));
  }

  /** The code in the latest evaluation SMS the SMS center received for the phone. */
  private String codeSentTo(String phone) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> center.messagesTo(phone).stream().anyMatch(m -> m.text().contains("验证码")));
    List<SmsCenter.Message> codes =
        center.messagesTo(phone).stream().filter(m -> m.text().contains("验证码")).toList();
    assertEquals(1, codes.size(), "one code for one request: " + codes);
    Matcher digits = java.util.regex.Pattern.compile("验证码为(\\d{6})").matcher(codes.get(0).text());
    assertEquals(true, digits.find(), codes.get(0).text());
    return digits.group(1);
  }

  private static ValidatableResponse evaluate(String queryCode, String oneTimeCode) {
    return publicPost(
        "/evaluation",
        Map.of(
            "queryCode",
            queryCode,
            "oneTimeCode",
            oneTimeCode,
            "satisfaction",
            "SATISFIED",
            "officeSatisfaction",
            "BASICALLY_SATISFIED"));
  }

  private static ValidatableResponse publicStatus(String queryCode) {
    return publicPost("", Map.of("queryCode", queryCode)).statusCode(200);
  }

  private static ValidatableResponse publicPost(String path, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/public/case-status" + path)
        .then();
  }

  private static ValidatableResponse post(String token, String path, Object body) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
  }
}
