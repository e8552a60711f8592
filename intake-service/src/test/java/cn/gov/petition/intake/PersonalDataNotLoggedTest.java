package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Personal data never reaches the log: not when a petition is registered, repeated, refused for a
 * malformed ID number or for a broken rule, nor when an accusation's routing is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class PersonalDataNotLoggedTest {

  @Test
  void noNameIdNumberPhoneOrContentIsLogged() throws Exception {
    Map<String, Object> letter = Petitions.letter();
    Map<String, Object> petitioner = Petitions.firstPetitioner(letter);
    petitioner.put("name", "欧阳日志测试");
    String content = "日志检查专用内容：某小区电梯停运半年无人维修。";
    letter.put("content", content);
    Petitions.registered(letter);
    post(letter); // a repeat, linked to the first

    Map<String, Object> badId = Petitions.letter();
    Petitions.firstPetitioner(badId).put("name", "欧阳日志测试");
    Petitions.firstPetitioner(badId).put("idNumber", "530302199001011234");
    post(badId);
    Map<String, Object> brokenRule = Petitions.letterWith("anonymous", true);
    brokenRule.put("content", content);
    post(brokenRule);

    Path log = Path.of("target/intake-test.log");
    assertTrue(Files.exists(log), "the test profile logs to " + log);
    String logged = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(logged.contains("intake-service"), "the log is the service's");
    for (String personal :
        List.of(
            "欧阳日志测试",
            (String) petitioner.get("idNumber"),
            (String) petitioner.get("phone"),
            "530302199001011234",
            "电梯停运半年")) {
      assertFalse(logged.contains(personal), "the log must not contain " + personal);
    }
  }

  private static void post(Map<String, Object> body) {
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/cases")
        .then()
        .statusCode(org.hamcrest.Matchers.lessThan(500));
  }
}
