package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 主办/协办 (issue 31, item 1): the lead unit asks other units to assist, each by its own day inside
 * the lead's period; each finds the case in its queue and reads the matter, not who petitioned; the
 * lead's opinion waits for their contributions and names them; a late one stays late.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class AssistanceTest {

  /** The lead: 麒麟区纪委监委, which the accusation of a 南宁街道 official goes to. */
  private static final String LEAD = TestTokens.token("qilin-jw", "530302:jw", "530302", "handler");

  private static final String HOUSING =
      TestTokens.token("qilin-zjj", "530302:zjj", "530302", "handler");

  private static final String LABOUR =
      TestTokens.token("qilin-rsj", "530302:rsj", "530302", "handler");

  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theLeadAsksTwoUnitsToAssistAndItsOpinionWaitsForTheirContributions() {
    clock.setToday(LocalDate.parse("2026-11-02"));
    Map<String, Object> accusation = Petitions.accusation();
    accusation.put("receivedOn", "2026-11-02");
    String id = Petitions.registered(accusation).path("petitionCase.id");
    Decisions.forwarded(id, "530302:jw", "麒麟区纪委监委");
    String path = "/cases/" + id;
    String leadDue =
        post(LEAD, path + "/acceptance", Map.of("notice", "您反映的问题已受理。"))
            .statusCode(200)
            .extract()
            .path("steps.find { it.step == 'HANDLE' }.dueOn");
    // the housing bureau, not involved in an accusation, does not see it yet
    get(HOUSING, path).statusCode(404);

    // bad input: clear errors, nothing asked
    String after = LocalDate.parse(leadDue).plusDays(1).toString();
    post(LEAD, path + "/assistance", asked("530302:zjj", after))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("dueOn"))
        .body("errors[0].rule", equalTo("WithinLeadPeriod"))
        .body("errors[0].message", containsString(leadDue));
    post(LEAD, path + "/assistance", asked("530302:zjj", "2026-11-02"))
        .statusCode(422)
        .body("errors[0].rule", equalTo("WithinLeadPeriod"));
    post(LEAD, path + "/assistance", asked("530302:zjj", "2026-11-15"))
        .statusCode(422)
        .body("errors[0].field", equalTo("dueOn"))
        .body("errors[0].rule", equalTo("WorkingDay"));
    post(LEAD, path + "/assistance", asked("530302001:zf", "2026-11-20"))
        .statusCode(422)
        .body("errors[0].field", equalTo("unitCode"))
        .body("errors[0].rule", equalTo("NotTheAccused"));
    post(LEAD, path + "/assistance", asked("530302:jw", "2026-11-20"))
        .statusCode(422)
        .body("errors[0].rule", equalTo("NotTheLead"));
    post(LEAD, path + "/assistance", asked("530302:abc", "2026-11-20"))
        .statusCode(422)
        .body("errors[0].rule", equalTo("KnownUnit"));
    Map<String, Object> noTasks = asked("530302:zjj", "2026-11-20");
    noTasks.remove("tasks");
    post(LEAD, path + "/assistance", noTasks)
        .statusCode(400)
        .body("errors[0].field", equalTo("tasks"));
    post(TestTokens.qilinRegistrar(), path + "/assistance", asked("530302:zjj", "2026-11-20"))
        .statusCode(403);
    get(LEAD, path).body("steps.step", not(hasItem("ASSIST"))).body("status", equalTo("ACCEPTED"));
    get(LEAD, path + "/history").body("transition", not(hasItem("ASSISTANCE_REQUESTED")));
    get(HOUSING, path).statusCode(404);

    post(LEAD, path + "/assistance", asked("530302:zjj", "2026-11-20"))
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body(assist("530302:zjj", "state"), equalTo("OPEN"))
        .body(assist("530302:zjj", "dueOn"), equalTo("2026-11-20"));
    post(LEAD, path + "/assistance", asked("530302:rsj", "2026-11-13")).statusCode(200);
    post(LEAD, path + "/assistance", asked("530302:zjj", "2026-11-27"))
        .statusCode(409)
        .body("detail", containsString("530302:zjj"));

    // the assisting unit reads the matter, not who petitioned, and finds it in its queue
    get(HOUSING, path)
        .statusCode(200)
        .body("content", containsString("收受"))
        .body("petitioners[0].name", not(equalTo("张三")))
        .body("petitioners[0].phone", containsString("*"));
    get(HOUSING, "/queue")
        .body("items.find { it.caseId == '" + id + "' }.step", equalTo("ASSIST"))
        .body("items.find { it.caseId == '" + id + "' }.dueOn", equalTo("2026-11-20"));
    get(HOUSING, path + "/acts").body("act", equalTo(java.util.List.of("contribution")));
    get(LEAD, path + "/acts")
        .body("act", hasItems("assistance", "assistance-withdrawal"))
        .body("act", not(hasItem("opinion")))
        .body("act", not(hasItem("contribution")));

    // the opinion waits for the contributions
    post(LEAD, path + "/opinion", opinion())
        .statusCode(409)
        .body("detail", containsString("530302:zjj by 2026-11-20"))
        .body("detail", containsString("530302:rsj by 2026-11-13"));
    post(LEAD, path + "/contribution", Map.of("contribution", "主办单位自己的意见")).statusCode(403);

    clock.setToday(LocalDate.parse("2026-11-10"));
    post(HOUSING, path + "/contribution", Map.of("contribution", "经核实，供热改造工程款支付记录已调取。"))
        .statusCode(200)
        .body(assist("530302:zjj", "state"), equalTo("ON_TIME"))
        .body(assist("530302:zjj", "doneOn"), equalTo("2026-11-10"));
    post(HOUSING, path + "/contribution", Map.of("contribution", "再次反馈")).statusCode(403);

    // the labour bureau let its day pass: withdrawn after it, the step stays late
    clock.setToday(LocalDate.parse("2026-11-16"));
    Map<String, Object> withdrawal = new HashMap<>();
    withdrawal.put("unitCode", "530302:zjj");
    withdrawal.put("reason", "主办单位已自行查明。");
    post(LEAD, path + "/assistance-withdrawal", withdrawal)
        .statusCode(422)
        .body("errors[0].rule", equalTo("AskedToAssist"));
    withdrawal.put("unitCode", "530302:rsj");
    post(LEAD, path + "/assistance-withdrawal", withdrawal)
        .statusCode(200)
        .body(assist("530302:rsj", "state"), equalTo("LATE"));
    get(LABOUR, path).statusCode(404);
    get(HOUSING, path).statusCode(200);

    post(LEAD, path + "/opinion", opinion())
        .statusCode(200)
        .body("status", equalTo("OPINION_ISSUED"));
    get(LEAD, path + "/history")
        .body(
            "find { it.transition == 'ASSISTANCE_REQUESTED' && it.details.unit == '530302:zjj' }"
                + ".details.tasks",
            equalTo("核实供热改造工程款支付情况。"))
        .body(
            "find { it.transition == 'ASSISTANCE_GIVEN' }.details.contribution",
            equalTo("经核实，供热改造工程款支付记录已调取。"))
        .body("find { it.transition == 'ASSISTANCE_WITHDRAWN' }.details.late", equalTo(true))
        .body(
            "find { it.transition == 'OPINION_ISSUED' }.details.assistedBy[0]",
            containsString("住房和城乡建设"))
        .body("find { it.transition == 'OPINION_ISSUED' }.details.assistedBy[1]", nullValue());
  }

  private static Map<String, Object> asked(String unit, String dueOn) {
    Map<String, Object> body = new HashMap<>();
    body.put("unitCode", unit);
    body.put("tasks", "核实供热改造工程款支付情况。");
    body.put("dueOn", dueOn);
    return body;
  }

  private static Map<String, Object> opinion() {
    return Map.of(
        "outcome", "SUPPORTED",
        "request", "查处收受财物问题",
        "facts", "经会同住建部门核实，反映问题部分属实。",
        "reasons", "依据相关规定。",
        "legalBasis", "《中国共产党纪律处分条例》");
  }

  private static String assist(String unit, String field) {
    return "steps.find { it.step == 'ASSIST' && it.unitCode == '" + unit + "' }." + field;
  }

  private static ValidatableResponse get(String token, String path) {
    return given().auth().oauth2(token).when().get(path).then();
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
