package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 短信告知模板 (issue 29): an office reads the wording of each SMS notice, its administrator rewords one
 * within the rules of 政务短信 or goes back to the platform's; another office keeps its own.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class SmsTemplateResourceTest {

  private static final String ADMIN =
      TestTokens.token("qilin-admin", "530302:xfj", "530302", "administrator");
  private static final String REGISTRAR = TestTokens.qilinRegistrar();
  private static final String NEIGHBOUR_ADMIN =
      TestTokens.token("zhanyi-admin", "530303:xfj", "530303", "administrator");
  private static final String OWN = "【麒麟区信访局】您的信访件{caseNumber}已由{unit}受理，我们将依法办理。";

  @AfterEach
  void restore() {
    given().auth().oauth2(ADMIN).delete("/sms-templates/ACCEPTED").then().statusCode(200);
  }

  @Test
  void anOfficeReadsThePlatformsWordingSignedWithItsName() {
    JsonPath all =
        given()
            .auth()
            .oauth2(REGISTRAR)
            .get("/sms-templates")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        List.of(
            "RECEIPT",
            "ACCEPTED",
            "DECLINED",
            "REFERRED",
            "EXTENDED",
            "OPINION",
            "NOT_ACCEPTED_AGAIN",
            "EVALUATION_CODE",
            "SUBMISSION_CODE"),
        all.getList("notice"));
    String accepted = all.getString("find { it.notice == 'ACCEPTED' }.wording");
    assertEquals(
        SmsTemplates.defaults(OfficeSmsTemplates.signature("530302:xfj"))
            .get(SmsTemplates.Notice.ACCEPTED),
        accepted);
    assertEquals("【", accepted.substring(0, 1));
    assertFalse(all.getBoolean("find { it.notice == 'ACCEPTED' }.own"));
    assertEquals("受理告知", all.getString("find { it.notice == 'ACCEPTED' }.label"));
  }

  @Test
  void theAdministratorRewordsANoticeAndGoesBack() {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("wording", OWN))
        .put("/sms-templates/ACCEPTED")
        .then()
        .statusCode(200)
        .body("wording", equalTo(OWN))
        .body("own", equalTo(true))
        .body("changedBy", equalTo("qilin-admin"));
    given()
        .auth()
        .oauth2(REGISTRAR)
        .get("/sms-templates")
        .then()
        .body("find { it.notice == 'ACCEPTED' }.wording", equalTo(OWN));
    // another office's wording is its own
    given()
        .auth()
        .oauth2(NEIGHBOUR_ADMIN)
        .get("/sms-templates")
        .then()
        .body("find { it.notice == 'ACCEPTED' }.own", equalTo(false));
    given()
        .auth()
        .oauth2(ADMIN)
        .delete("/sms-templates/ACCEPTED")
        .then()
        .statusCode(200)
        .body("own", equalTo(false))
        .body("wording", startsWith("【"));
  }

  @Test
  void aWordingThatBreaksTheRulesIsRefusedNamingEachRuleAndNothingChanges() {
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("wording", "您的信访件已受理，详见 www.example.cn 。{name}"))
        .put("/sms-templates/ACCEPTED")
        .then()
        .statusCode(422)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItems("wording"))
        .body("errors.rule", hasItems("Signature", "NoLink", "UnknownValue", "RequiredValue"));
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .put("/sms-templates/ACCEPTED")
        .then()
        .statusCode(422)
        .body("errors.rule", hasItems("NotBlank"));
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/sms-templates")
        .then()
        .body("find { it.notice == 'ACCEPTED' }.own", equalTo(false));
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("wording", OWN))
        .put("/sms-templates/NO_SUCH")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void onlyTheAdministratorRewords() {
    given()
        .auth()
        .oauth2(REGISTRAR)
        .contentType(ContentType.JSON)
        .body(Map.of("wording", OWN))
        .put("/sms-templates/ACCEPTED")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(ADMIN)
        .get("/sms-templates")
        .then()
        .body("find { it.notice == 'ACCEPTED' }.own", equalTo(false));
  }
}
