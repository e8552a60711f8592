package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.Identities;
import cn.gov.petition.infra.SmsCenter;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * 网上信访 (issue 29): a citizen submits a petition online with a one-time code sent to their mobile by
 * the real SMS center the tests start; it waits in the queue of the matter's county office, not
 * registered by itself, with its query code given at once; a registrar there registers it (the case
 * keeps the code, and the photo the citizen attached) or declines it with a reason the citizen
 * reads. Wrong codes, a phone's fourth submission of the day, a page called a photo and malformed
 * fields change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ObjectStoreResource.class, restrictToAnnotatedClass = false)
class OnlineSubmissionTest {

  private static final String QILIN_REGISTRAR = TestTokens.qilinRegistrar();
  private static final String ZHANYI_REGISTRAR =
      TestTokens.token("zhanyi-registrar", "530303:xfj", "530303", "registrar", "handler");

  private final SmsCenter center = PetitionTestInfrastructure.infrastructure().sms();

  @Inject TestClock clock;

  @Test
  void aSubmissionVerifiedByItsCodeWaitsForTheCountyOfficeAndBecomesACaseWithTheSameQueryCode() {
    int serial = Identities.nextSerial();
    String phone = Identities.mobile(serial);
    Map<String, Object> submission = submission(serial, phone);

    publicPost("/one-time-code", Map.of("phone", phone))
        .statusCode(200)
        .body("sentTo", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
        .body("validMinutes", equalTo(10));
    String code = codeSentTo(phone, 1);
    String wrong = code.equals("000000") ? "000001" : "000000";
    publicPost("", with(submission, "oneTimeCode", wrong))
        .statusCode(422)
        .body("errors[0].field", equalTo("oneTimeCode"))
        .body("errors[0].message", containsString("还可尝试4次"));
    queue(QILIN_REGISTRAR).body("content", not(hasItem(submission.get("content"))));

    String queryCode =
        publicPost("", with(submission, "oneTimeCode", code))
            .statusCode(201)
            .body("office", equalTo("麒麟区信访局"))
            .body("status", equalTo("已提交，待登记"))
            .extract()
            .path("queryCode");
    assertTrue(queryCode.matches("[2-9A-HJ-NP-Z]{10}"), queryCode);
    // a code serves once
    publicPost("", with(submission, "oneTimeCode", code)).statusCode(409);

    // the citizen attaches a photo with the query code; a page called a photo, or a wrong code,
    // keeps nothing
    attach(queryCode, "PHOTO", "路灯.png", "image/png", PNG)
        .statusCode(201)
        .body("label", equalTo("照片"))
        .body("fileName", equalTo("路灯.png"));
    attach(queryCode, "PHOTO", "x.png", "image/png", "<html><script>1</script></html>".getBytes())
        .statusCode(422)
        .body("errors[0].field", equalTo("file"));
    attach("2222222222", "PHOTO", "y.png", "image/png", PNG).statusCode(404);
    attach(queryCode, "SIGNED_DOCUMENT", "z.png", "image/png", PNG).statusCode(422);
    // not registered by itself: the citizen sees it waiting
    status(queryCode)
        .body("caseNumber", nullValue())
        .body("status", equalTo("已提交，待登记"))
        .body("handlingUnit", equalTo("麒麟区信访局"));

    // in the queue of the matter's county office, and of no other county's
    String id =
        queue(QILIN_REGISTRAR)
            .body(
                "find { it.content == '%s' }.name".formatted(submission.get("content")),
                equalTo("王五"))
            .extract()
            .path("find { it.content == '%s' }.id".formatted(submission.get("content")));
    queue(ZHANYI_REGISTRAR).body("id", not(hasItem(id)));
    given()
        .auth()
        .oauth2(QILIN_REGISTRAR)
        .get("/submissions/" + id)
        .then()
        .statusCode(200)
        .body("attachments.fileName", equalTo(List.of("路灯.png")));
    given().auth().oauth2(ZHANYI_REGISTRAR).get("/submissions/" + id).then().statusCode(404);

    // the registrar registers it as a letter: refused, a submission is ONLINE; nothing changes
    Map<String, Object> petition = petitionFrom(submission, id);
    register(with(petition, "channel", "LETTER"))
        .statusCode(422)
        .body("errors[0].field", equalTo("channel"));
    String caseId =
        register(petition)
            .statusCode(201)
            .body("queryCode", equalTo(queryCode))
            .body("petitionCase.channel", equalTo("ONLINE"))
            .extract()
            .path("petitionCase.id");
    given()
        .auth()
        .oauth2(QILIN_REGISTRAR)
        .get("/submissions/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("REGISTERED"))
        .body("caseId", equalTo(caseId))
        .body("handledBy", equalTo("qilin-registrar"));
    // registered once
    register(petition).statusCode(409);
    // the photo is the case's now, read by the office as any attachment
    String photo =
        given()
            .auth()
            .oauth2(QILIN_REGISTRAR)
            .get("/cases/" + caseId + "/attachments")
            .then()
            .statusCode(200)
            .body("fileName", equalTo(List.of("路灯.png")))
            .extract()
            .path("[0].id");
    byte[] read =
        given()
            .auth()
            .oauth2(QILIN_REGISTRAR)
            .get("/cases/" + caseId + "/attachments/" + photo)
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    org.junit.jupiter.api.Assertions.assertArrayEquals(PNG, read);
    // registered: nothing more is attached to the submission
    attach(queryCode, "PHOTO", "later.png", "image/png", PNG).statusCode(409);
    // the citizen follows the case with the code given at submission
    status(queryCode).body("caseNumber", notNullValue()).body("status", equalTo("已登记"));
  }

  @Test
  void aDeclinedSubmissionTellsTheCitizenWhyAndWrongInputChangesNothing() {
    int serial = Identities.nextSerial();
    String phone = Identities.mobile(serial);
    Map<String, Object> submission = submission(serial, phone);

    // malformed: refused before any code is spent or anything kept
    publicPost("/one-time-code", Map.of("phone", "12345"))
        .statusCode(400)
        .body("errors[0].field", containsString("phone"));
    publicPost("/one-time-code", Map.of("phone", phone)).statusCode(200);
    String code = codeSentTo(phone, 1);
    publicPost("", with(submission, "idNumber", "530302198001010010"))
        .statusCode(400)
        .body("errors[0].field", containsString("idNumber"));
    publicPost("", with(submission, "matterRegionCode", "110101"))
        .statusCode(422)
        .body("errors[0].field", equalTo("matterRegionCode"))
        .body("errors[0].rule", equalTo("InNodeProvince"));
    String queryCode =
        publicPost("", with(submission, "oneTimeCode", code))
            .statusCode(201)
            .extract()
            .path("queryCode");
    String id =
        queue(QILIN_REGISTRAR)
            .extract()
            .path("find { it.content == '%s' }.id".formatted(submission.get("content")));

    given()
        .auth()
        .oauth2(QILIN_REGISTRAR)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", " "))
        .post("/submissions/" + id + "/declination")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(QILIN_REGISTRAR)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "所提内容为广告，不属于信访事项。"))
        .post("/submissions/" + id + "/declination")
        .then()
        .statusCode(200)
        .body("status", equalTo("NOT_REGISTERED"));
    String told =
        status(queryCode)
            .body("status", equalTo("未予登记"))
            .body("documents[0].title", equalTo("网上信访不予登记告知"))
            .body("documents[0].sections[0].text", equalTo("所提内容为广告，不属于信访事项。"))
            .extract()
            .asString();
    assertFalse(told.contains("王五"), "no name on the status page");
    assertFalse(told.contains((String) submission.get("content")), "nor what was written");
    // declined: it is registered no more
    register(petitionFrom(submission, id)).statusCode(409);
  }

  @Test
  void aPhoneMakesThreeSubmissionsADay() {
    int serial = Identities.nextSerial();
    String phone = Identities.mobile(serial);
    Instant start = Instant.now();
    try {
      for (int i = 1; i <= Submissions.A_DAY; i++) {
        // a code a minute: the clock moves on two minutes between them
        clock.setInstant(start.plus(OneTimeCodes.AGAIN_AFTER.multipliedBy(2L * i)));
        publicPost("/one-time-code", Map.of("phone", phone)).statusCode(200);
        String code = codeSentTo(phone, i);
        publicPost("", with(submission(serial, phone), "oneTimeCode", code)).statusCode(201);
      }
      clock.setInstant(
          start.plus(OneTimeCodes.AGAIN_AFTER.multipliedBy(2L * Submissions.A_DAY + 2)));
      publicPost("/one-time-code", Map.of("phone", phone))
          .statusCode(429)
          .header("Retry-After", notNullValue())
          .body("detail", containsString("今日提交已达3件"));
    } finally {
      clock.reset();
    }
  }

  private static final byte[] PNG =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  private static ValidatableResponse attach(
      String queryCode, String kind, String name, String type, byte[] content) {
    return given()
        .config(
            io.restassured.RestAssured.config()
                .encoderConfig(
                    io.restassured.config.EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
        .header("X-Query-Code", queryCode)
        .queryParam("kind", kind)
        .contentType(type)
        .header(
            "Content-Disposition",
            "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
        .body(content)
        .post("/public/submissions/attachments")
        .then();
  }

  private static Map<String, Object> submission(int serial, String phone) {
    Map<String, Object> s = new HashMap<>();
    s.put("phone", phone);
    s.put("oneTimeCode", "000000");
    s.put("name", "王五");
    s.put("idNumber", Identities.residentId("530302", serial));
    s.put("address", "云南省曲靖市麒麟区南宁街道网上路" + serial + "号");
    s.put("matterRegionCode", "530302001");
    s.put("content", "网上信访测试" + serial + "：小区路灯损坏三个月无人维修。" + System.nanoTime());
    s.put("smsConsent", true);
    return s;
  }

  /**
   * What the registrar registers from the submission: channel ONLINE, the citizen as petitioner.
   */
  private static Map<String, Object> petitionFrom(Map<String, Object> submission, String id) {
    Map<String, Object> petition = Petitions.letter();
    petition.put("channel", "ONLINE");
    petition.put("content", submission.get("content"));
    petition.put("submissionId", id);
    Map<String, Object> petitioner = new HashMap<>();
    petitioner.put("name", submission.get("name"));
    petitioner.put("idNumber", submission.get("idNumber"));
    petitioner.put("phone", submission.get("phone"));
    petitioner.put("address", submission.get("address"));
    petitioner.put("smsConsent", true);
    petition.put("petitioners", List.of(petitioner));
    return petition;
  }

  /** The {@code n}th code the SMS center received for the phone. */
  private String codeSentTo(String phone, int n) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                center.messagesTo(phone).stream().filter(m -> m.text().contains("验证码")).count()
                    >= n);
    List<SmsCenter.Message> codes =
        center.messagesTo(phone).stream().filter(m -> m.text().contains("验证码")).toList();
    assertEquals(n, codes.size(), "one code for each request: " + codes);
    String text = codes.get(n - 1).text();
    assertTrue(text.contains("网上信访"), text);
    Matcher digits = java.util.regex.Pattern.compile("验证码为(\\d{6})").matcher(text);
    assertTrue(digits.find(), text);
    return digits.group(1);
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> changed = new HashMap<>(body);
    changed.put(key, value);
    return changed;
  }

  private static ValidatableResponse queue(String token) {
    return given().auth().oauth2(token).get("/submissions").then().statusCode(200);
  }

  private static ValidatableResponse register(Map<String, Object> petition) {
    return given()
        .auth()
        .oauth2(QILIN_REGISTRAR)
        .contentType(ContentType.JSON)
        .body(petition)
        .post("/cases")
        .then();
  }

  private static ValidatableResponse status(String queryCode) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("queryCode", queryCode))
        .post("/public/case-status")
        .then()
        .statusCode(200);
  }

  private static ValidatableResponse publicPost(String path, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/public/submissions" + path)
        .then();
  }
}
