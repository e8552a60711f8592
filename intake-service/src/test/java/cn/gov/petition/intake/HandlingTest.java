package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the 《信访工作条例》 procedure through the API, against real PostgreSQL and Kafka, with the clock
 * set to days around the 2026 National Day holiday (10-01 to 10-07, make-up workday 10-10) so that
 * every deadline is checked against the official calendar.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class HandlingTest {

  private static final String HANDLER =
      TestTokens.token("qilin-handler", "530302:xfj", "530302", "handler");
  private static final String CITY =
      TestTokens.token("qujing-handler", "5303:xfj", "5303", "handler");
  private static final String PROVINCE =
      TestTokens.token("yunnan-handler", "53:xfj", "53", "handler");
  private static final String CITY_SUPERVISOR =
      TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aPetitionGoesFromRegistrationThroughReviewAndReReviewToTermination() {
    clock.setToday(LocalDate.parse("2026-09-29"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-09-29"), "FORWARD");
    String path = "/cases/" + id;
    read(id)
        .body("status", equalTo("FORWARDED"))
        .body(step("FORWARD", "state"), equalTo("ON_TIME"))
        .body(step("ACCEPT", "dueOn"), equalTo("2026-10-14"))
        // 5 working days: 09-30, 10-08, 10-09, 10-10 (make-up workday), 10-12
        .body(step("OBJECT", "dueOn"), equalTo("2026-10-12"));

    // what each caller is offered (GET /cases/{id}/acts) is what the acts themselves allow
    assertEquals(
        List.of("referral", "acceptance", "declination", "objection", "staff"), acts(HANDLER, id));
    assertEquals(
        List.of("routing-by-hand", "matter-place"),
        acts(CITY, id),
        "the city is not the unit that must act; as a 信访 office above it may send it elsewhere"
            + " or correct its place");
    post(CITY, path + "/acceptance", Map.of("notice", "已受理")).statusCode(403);
    post(HANDLER, path + "/opinion", opinion(null))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("FORWARDED"))
        .body("detail", containsString("ACCEPT"))
        .body("detail", containsString("2026-10-14"));

    clock.setToday(LocalDate.parse("2026-09-30"));
    post(HANDLER, path + "/acceptance", Map.of("notice", "您反映的问题已受理，将于60日内答复。"))
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body(step("ACCEPT", "state"), equalTo("ON_TIME"))
        // 09-30 + 60 days = 11-29, a Sunday: the period ends on Monday 11-30
        .body(step("HANDLE", "dueOn"), equalTo("2026-11-30"));
    assertEquals(
        List.of("extension", "hearings", "mediation", "assistance", "opinion", "staff"),
        acts(HANDLER, id));

    clock.setToday(LocalDate.parse("2026-10-10"));
    post(HANDLER, path + "/extension", extension(31))
        .statusCode(422)
        .body("errors[0].field", equalTo("days"));
    // 60 + 30 days from acceptance on 09-30: day 90 is Tuesday 12-29 (domain.md §3.1), not 30
    // days added to the already moved 11-30
    post(HANDLER, path + "/extension", extension(30))
        .statusCode(200)
        .body(step("HANDLE", "dueOn"), equalTo("2026-12-29"))
        .body(step("HANDLE", "extensionDays"), equalTo(30));
    post(HANDLER, path + "/extension", extension(10))
        .statusCode(409)
        .body("detail", containsString("extended once already"));
    assertEquals(
        List.of("hearings", "mediation", "assistance", "opinion", "staff"), acts(HANDLER, id));

    clock.setToday(LocalDate.parse("2026-10-20"));
    post(HANDLER, path + "/opinion", opinion("2026-10-20"))
        .statusCode(200)
        .body("status", equalTo("OPINION_ISSUED"))
        .body("opinionOutcome", equalTo("EXPLAINED"))
        .body(step("HANDLE", "state"), equalTo("ON_TIME"))
        .body(step("EVALUATE", "dueOn"), equalTo("2026-10-27"))
        .body(step("REQUEST_REVIEW", "dueOn"), equalTo("2026-11-19"));
    List<KafkaProbe.Seen> opinionEvents =
        kafka.await(
            Topics.CASE_EVENTS,
            seen -> id.equals(seen.key()) && seen.value().contains("\"OPINION_ISSUED\""),
            1,
            Duration.ofSeconds(20));
    assertEquals(1, opinionEvents.size());
    String event = opinionEvents.get(0).value();
    assertTrue(event.contains("\"step\":\"REQUEST_REVIEW\""), event);
    assertTrue(event.contains("\"dueOn\":\"2026-11-19\""), event);
    assertFalse(event.contains("供暖"), "no text of the opinion or the petition is broadcast");
    assertFalse(event.contains("张三"), "no petitioner is named in a broadcast event");

    // the 处理意见书 prints from what the opinion recorded, with the review window's last day
    List<Map<String, Object>> documents =
        given()
            .auth()
            .oauth2(HANDLER)
            .when()
            .get(path + "/documents")
            .then()
            .statusCode(200)
            .extract()
            .path("findAll { it.kind == 'OPINION' || it.kind == 'ACCEPTANCE_NOTICE' }");
    assertEquals(2, documents.size(), "the acceptance notice and the opinion");
    Object opinionId =
        documents.stream()
            .filter(d -> "OPINION".equals(d.get("kind")))
            .findFirst()
            .orElseThrow()
            .get("transitionId");
    String html =
        given()
            .auth()
            .oauth2(HANDLER)
            .when()
            .get(path + "/documents/" + opinionId)
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertTrue(html.contains("信访事项处理意见书"), html);
    assertTrue(html.contains("张三"), "addressed to the petitioner");
    assertTrue(html.contains("要求解决小区供暖不达标问题。"), "the request as recorded");
    assertTrue(html.contains("《城市供热管理办法》"), "the legal basis");
    assertTrue(html.contains("2026年11月19日前"), "the last day to ask for a review");
    // issue 31, item 9: signed by the office in words, with the place of its seal
    assertTrue(html.contains("（印章）"), "the place of the office's seal");
    assertFalse(
        java.util.regex.Pattern.compile("\\d{2,9}:[a-z]{2,}").matcher(html).find(),
        "no unit code on the document");
    given()
        .auth()
        .oauth2(CITY_SUPERVISOR)
        .when()
        .get(path + "/documents/" + opinionId)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    post(HANDLER, path + "/termination", closure())
        .statusCode(409)
        .body("detail", containsString("2026-11-19"));
    // the unit closes (not terminates: the review window is open) and never rates itself; the
    // city's office records the rating and receives a request for review
    assertEquals(List.of("staff", "closure"), acts(HANDLER, id));
    assertEquals(List.of("matter-place", "evaluation", "review-request"), acts(CITY, id));
    assertEquals(
        List.of("matter-place", "evaluation"),
        acts(PROVINCE, id),
        "the review request is the city's to receive");

    clock.setToday(LocalDate.parse("2026-10-21"));
    // the unit whose answer is rated never records its own rating (the rate judges it)
    post(HANDLER, path + "/evaluation", Map.of("satisfaction", "SATISFIED"))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("never by the unit whose answer is evaluated"));
    read(id).body("satisfaction", org.hamcrest.Matchers.nullValue());
    // the city's 信访 office records it on a return visit (回访)
    post(CITY, path + "/evaluation", Map.of("satisfaction", "UNSATISFIED"))
        .statusCode(200)
        .body("satisfaction", equalTo("UNSATISFIED"))
        .body(step("EVALUATE", "state"), equalTo("ON_TIME"));
    post(CITY, path + "/evaluation", Map.of("satisfaction", "SATISFIED")).statusCode(409);

    clock.setToday(LocalDate.parse("2026-10-26"));
    Map<String, Object> review = Map.of("receivedOn", "2026-10-25", "reasons", "对处理意见不服。");
    post(PROVINCE, path + "/review-request", review)
        .statusCode(403)
        .body("detail", containsString("one level above"));
    post(CITY, path + "/review-request", review)
        .statusCode(200)
        .body("status", equalTo("REVIEW_REQUESTED"))
        .body("reviewUnit", equalTo("5303:xfj"))
        .body(step("REVIEW", "dueOn"), equalTo("2026-11-24"));
    post(HANDLER, path + "/review-opinion", opinion(null)).statusCode(403);

    clock.setToday(LocalDate.parse("2026-11-05"));
    post(CITY, path + "/review-opinion", opinion("2026-11-05"))
        .statusCode(200)
        .body("status", equalTo("REVIEWED"))
        // 11-05 + 30 = 12-05, a Saturday: Monday 12-07
        .body(step("REQUEST_REREVIEW", "dueOn"), equalTo("2026-12-07"));

    clock.setToday(LocalDate.parse("2026-11-10"));
    post(PROVINCE, path + "/review-request", Map.of("receivedOn", "2026-11-10", "reasons", "仍不服。"))
        .statusCode(200)
        .body("status", equalTo("REREVIEW_REQUESTED"))
        .body("rereviewUnit", equalTo("53:xfj"))
        .body(step("REREVIEW", "dueOn"), equalTo("2026-12-10"));

    clock.setToday(LocalDate.parse("2026-11-14"));
    Map<String, Object> hearing =
        Map.of("heldFrom", "2026-11-12", "heldTo", "2026-11-13", "summary", "公开听证。");
    // the two hearing days are not counted: 12-10 + 2 = 12-12, a Saturday: Monday 12-14
    post(PROVINCE, path + "/hearings", hearing)
        .statusCode(200)
        .body(step("REREVIEW", "dueOn"), equalTo("2026-12-14"));

    clock.setToday(LocalDate.parse("2026-11-20"));
    post(PROVINCE, path + "/review-opinion", opinion("2026-11-20"))
        .statusCode(200)
        .body("status", equalTo("REREVIEWED"));
    assertEquals(List.of("matter-place", "staff", "closure", "termination"), acts(PROVINCE, id));
    assertEquals(List.of("matter-place"), acts(CITY, id), "the re-review is the province's");
    post(PROVINCE, path + "/termination", Map.of("checklist", Map.of(), "summary", "终结。"))
        .statusCode(422)
        .body("errors[0].field", equalTo("checklist"));
    post(PROVINCE, path + "/termination", closure())
        .statusCode(200)
        .body("status", equalTo("TERMINATED"))
        .body("statusLabel", equalTo("已终结"));
    assertEquals(List.of(), acts(PROVINCE, id), "nothing is left to do on a terminated case");
    post(PROVINCE, path + "/review-request", Map.of("receivedOn", "2026-11-20", "reasons", "再次申请。"))
        .statusCode(403);
  }

  @Test
  void anExtensionLengthensTheHandlingPeriodFromAcceptanceAndMovesItsLastDayOnce() {
    // domain.md §3.1: accepted 2026-08-02, day 60 is 10-01 (National Day): due 10-08; with 30
    // days' extension day 90 is Saturday 10-31: due Monday 11-02
    clock.setToday(LocalDate.parse("2026-07-30"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-07-30"), "FORWARD");
    String path = "/cases/" + id;
    clock.setToday(LocalDate.parse("2026-08-02"));
    post(HANDLER, path + "/acceptance", Map.of("notice", "已受理"))
        .statusCode(200)
        .body(step("HANDLE", "dueOn"), equalTo("2026-10-08"));
    clock.setToday(LocalDate.parse("2026-09-20"));
    post(HANDLER, path + "/extension", extension(30))
        .statusCode(200)
        .body(step("HANDLE", "dueOn"), equalTo("2026-11-02"));

    // the petitioner is told in writing (Art 34): the extension, its new last day and its reason;
    // and the registration's receipt prints with the case number, from the registering office
    String extension = document(path, "EXTENSION_NOTICE");
    assertTrue(extension.contains("信访事项延期办理告知书"), extension);
    assertTrue(extension.contains("办理期限延长30日，至2026年11月2日"), extension);
    assertTrue(extension.contains("案情复杂，需进一步调查。"), extension);
    String receipt = document(path, "RECEIPT");
    String number = read(id).extract().path("caseNumber");
    assertTrue(receipt.contains("信访事项登记回执") && receipt.contains(number), receipt);
    assertTrue(receipt.contains("2026年7月30日登记") && receipt.contains("麒麟区信访局"), receipt);
  }

  /** The printed document of the kind the case served. */
  private static String document(String path, String kind) {
    Object transitionId =
        given()
            .auth()
            .oauth2(HANDLER)
            .get(path + "/documents")
            .then()
            .statusCode(200)
            .extract()
            .path("find { it.kind == '" + kind + "' }.transitionId");
    return given()
        .auth()
        .oauth2(HANDLER)
        .get(path + "/documents/" + transitionId)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void hearingDaysLengthenTheReReviewPeriodBeforeTheRestDayRuleAndMustLieInsideIt() {
    String id = reReviewRequestedOn("2026-09-01");
    String path = "/cases/" + id;
    // 复核 request received 09-01: day 30 is 10-01 (National Day): due 10-08
    read(id).body(step("REREVIEW", "dueOn"), equalTo("2026-10-08"));

    clock.setToday(LocalDate.parse("2026-09-10"));
    // a hearing before the request arrived does not belong to its period
    post(PROVINCE, path + "/hearings", hearing("2026-08-31", "2026-08-31"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("heldFrom"))
        .body("errors[0].rule", equalTo("InsidePeriod"));
    // a 1-day hearing: the period is 31 days, day 31 is 10-02, a holiday: still due 10-08, not
    // 10-09 (the hearing day is not added to the date already moved off the holiday)
    post(PROVINCE, path + "/hearings", hearing("2026-09-08", "2026-09-08"))
        .statusCode(200)
        .body(step("REREVIEW", "dueOn"), equalTo("2026-10-08"))
        .body(step("REREVIEW", "excludedDays"), equalTo(1));
    // the same day again counts once
    post(PROVINCE, path + "/hearings", hearing("2026-09-08", "2026-09-09"))
        .statusCode(422)
        .body("errors[0].rule", equalTo("NoOverlap"));
    // seven more days: 38 days from 09-01 is 10-09, a working day
    post(PROVINCE, path + "/hearings", hearing("2026-09-09", "2026-09-15"))
        .statusCode(400); // not yet held on 09-10
    clock.setToday(LocalDate.parse("2026-09-16"));
    post(PROVINCE, path + "/hearings", hearing("2026-09-09", "2026-09-15"))
        .statusCode(200)
        .body(step("REREVIEW", "dueOn"), equalTo("2026-10-09"))
        .body(step("REREVIEW", "excludedDays"), equalTo(8));
  }

  @Test
  void anAssignmentAfterAnUpheldObjectionTakesTheDeadlineTheAssigningBodySets() {
    clock.setToday(LocalDate.parse("2026-11-02"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-11-02"), "FORWARD");
    String path = "/cases/" + id;
    post(HANDLER, path + "/objection", Map.of("reason", "不属于本单位职权范围。")).statusCode(200);
    Map<String, Object> decision = new HashMap<>();
    decision.put("upheld", true);
    decision.put("unit", Map.of("code", "530302:zjj", "name", "麒麟区住房和城乡建设局"));
    decision.put("reason", "改由住建局办理。");
    decision.put("reportDays", 20);
    post(
            CITY_SUPERVISOR,
            path + "/objection-decision",
            with(new HashMap<>(decision), "mode", "FORWARD"))
        .statusCode(422)
        .body("errors[0].field", equalTo("reportDays"))
        .body("errors[0].rule", equalTo("AssignOnly"));
    decision.put("mode", "ASSIGN");
    // 20 days from 11-02 is Sunday 11-22: Monday 11-23, not the default 90 days
    post(CITY_SUPERVISOR, path + "/objection-decision", decision)
        .statusCode(200)
        .body("status", equalTo("ASSIGNED"))
        .body(step("REPORT", "dueOn"), equalTo("2026-11-23"))
        .body(step("REPORT", "days"), equalTo(20));
  }

  /** A case walked to a 复核 request received on {@code receivedOn}; returns its id. */
  private String reReviewRequestedOn(String receivedOn) {
    LocalDate day = LocalDate.parse(receivedOn);
    clock.setToday(day.minusDays(20));
    String id =
        registerAndRoute(
            Petitions.letterWith("receivedOn", day.minusDays(20).toString()), "FORWARD");
    String path = "/cases/" + id;
    post(HANDLER, path + "/acceptance", Map.of("notice", "已受理")).statusCode(200);
    clock.setToday(day.minusDays(15));
    post(HANDLER, path + "/opinion", opinion(null)).statusCode(200);
    clock.setToday(day.minusDays(10));
    post(
            CITY,
            path + "/review-request",
            Map.of("receivedOn", day.minusDays(10).toString(), "reasons", "不服。"))
        .statusCode(200);
    clock.setToday(day.minusDays(5));
    post(CITY, path + "/review-opinion", opinion(null)).statusCode(200);
    clock.setToday(day);
    post(PROVINCE, path + "/review-request", Map.of("receivedOn", receivedOn, "reasons", "仍不服。"))
        .statusCode(200)
        .body("status", equalTo("REREVIEW_REQUESTED"));
    return id;
  }

  private static Map<String, Object> hearing(String from, String to) {
    return Map.of("heldFrom", from, "heldTo", to, "summary", "公开听证。");
  }

  @Test
  void aPeriodEndingOnAPublicHolidayEndsOnTheNextWorkingDay() {
    clock.setToday(LocalDate.parse("2026-09-16"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-09-16"), "ASSIGN");
    read(id)
        .body("status", equalTo("ASSIGNED"))
        // 09-16 + 15 = 10-01, National Day: the first working day after the holiday is 10-08
        .body(step("ACCEPT", "dueOn"), equalTo("2026-10-08"))
        .body(step("REPORT", "state"), equalTo("OPEN"));
  }

  @Test
  void anObjectionAfterFiveWorkingDaysIsRefusedAndAnUpheldOneSendsTheMatterOn() {
    clock.setToday(LocalDate.parse("2026-09-29"));
    String late = registerAndRoute(Petitions.letterWith("receivedOn", "2026-09-29"), "FORWARD");
    clock.setToday(LocalDate.parse("2026-10-13"));
    post(HANDLER, "/cases/" + late + "/objection", Map.of("reason", "不属于本单位职权范围。"))
        .statusCode(409)
        .body("detail", containsString("2026-10-12"));

    clock.setToday(LocalDate.parse("2026-11-02"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-11-02"), "FORWARD");
    String path = "/cases/" + id;
    post(HANDLER, path + "/objection", Map.of("reason", "属于住建部门职责。"))
        .statusCode(200)
        .body("status", equalTo("OBJECTED"));
    post(HANDLER, path + "/acceptance", Map.of("notice", "受理")).statusCode(409);

    Map<String, Object> decision = new HashMap<>();
    decision.put("upheld", true);
    decision.put("unit", Map.of("code", "530302:zjj", "name", "麒麟区住房和城乡建设局"));
    decision.put("reason", "经核实属于住建部门职责。");
    post(HANDLER, path + "/objection-decision", decision)
        .statusCode(403)
        .body("detail", containsString("not by the unit that objected"));
    // only to a unit that exists, and one of the deciding office's own region
    Map<String, Object> nowhere = new HashMap<>(decision);
    nowhere.put("unit", Map.of("code", "530302:abc", "name", "不存在的单位"));
    post(CITY_SUPERVISOR, path + "/objection-decision", nowhere)
        .statusCode(422)
        .body("errors[0].field", equalTo("unit.code"))
        .body("errors[0].rule", equalTo("KnownUnit"));
    Map<String, Object> beijing = new HashMap<>(decision);
    beijing.put("unit", Map.of("code", "110101:zjj", "name", "东城区住房和城乡建设局"));
    post(CITY_SUPERVISOR, path + "/objection-decision", beijing)
        .statusCode(422)
        .body("errors[0].rule", equalTo("WithinDecidingRegion"));
    read(id).body("status", equalTo("OBJECTED"));
    clock.setToday(LocalDate.parse("2026-11-03"));
    post(CITY_SUPERVISOR, path + "/objection-decision", decision)
        .statusCode(200)
        .body("status", equalTo("FORWARDED"))
        .body("handlingUnit.code", equalTo("530302:zjj"))
        .body("steps.findAll { it.step == 'ACCEPT' }.size()", equalTo(2))
        .body(
            "steps.find { it.step == 'ACCEPT' && it.unitCode == '530302:zjj' }.dueOn",
            equalTo("2026-11-18"))
        // the objecting unit owes nothing any more: neither on time nor late (及时受理率 v2)
        .body(
            "steps.find { it.step == 'ACCEPT' && it.unitCode == '530302:xfj' }.state",
            equalTo("WITHDRAWN"));
    post(HANDLER, path + "/acceptance", Map.of("notice", "受理")).statusCode(403);
    String upheld =
        kafka
            .await(
                Topics.CASE_EVENTS,
                seen -> id.equals(seen.key()) && seen.value().contains("OBJECTION_UPHELD"),
                1,
                Duration.ofSeconds(20))
            .get(0)
            .value();
    assertTrue(upheld.contains("\"withdrawn\":true"), upheld);
  }

  @Test
  void aReplyIsJudgedByTheDayTheOpinionWasServed() {
    clock.setToday(LocalDate.parse("2026-09-29"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-09-29"), "FORWARD");
    String path = "/cases/" + id;
    clock.setToday(LocalDate.parse("2026-09-30"));
    post(HANDLER, path + "/acceptance", Map.of("notice", "已受理"))
        .statusCode(200)
        .body(step("HANDLE", "dueOn"), equalTo("2026-11-30"));
    // served on the last day, entered two days later: on time, done on the day served
    clock.setToday(LocalDate.parse("2026-12-02"));
    post(HANDLER, path + "/opinion", opinion("2026-11-30"))
        .statusCode(200)
        .body(step("HANDLE", "doneOn"), equalTo("2026-11-30"))
        .body(step("HANDLE", "state"), equalTo("ON_TIME"))
        .body(step("EVALUATE", "startedOn"), equalTo("2026-11-30"));
  }

  @Test
  void anAnswerOutsideTheSatisfactionEvaluationOpensNoEvaluationWindow() {
    // not for disclosure (不宜公开)
    clock.setToday(LocalDate.parse("2026-11-02"));
    String secret = registerAndRoute(Petitions.letterWith("receivedOn", "2026-11-02"), "FORWARD");
    post(HANDLER, "/cases/" + secret + "/acceptance", Map.of("notice", "已受理")).statusCode(200);
    post(HANDLER, "/cases/" + secret + "/opinion", with(opinion(null), "notForDisclosure", true))
        .statusCode(200)
        .body("steps.step", not(hasItem("EVALUATE")))
        .body("steps.step", hasItem("REQUEST_REVIEW"));
    post(CITY, "/cases/" + secret + "/evaluation", Map.of("satisfaction", "SATISFIED"))
        .statusCode(409)
        .body("detail", containsString("outside the satisfaction evaluation"));

    // a court's matter
    String id =
        Petitions.registered(Petitions.letterWith("receivedOn", "2026-11-02"))
            .path("petitionCase.id");
    decide(id, "530302:fy", "麒麟区人民法院", "530302", "FORWARD");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("status", equalTo("FORWARDED")));
    String court = TestTokens.token("qilin-court", "530302:fy", "530302", "handler");
    post(court, "/cases/" + id + "/acceptance", Map.of("notice", "已受理")).statusCode(200);
    post(court, "/cases/" + id + "/opinion", opinion(null))
        .statusCode(200)
        .body("steps.step", not(hasItem("EVALUATE")));
    // an ordinary answer opens the window
    String ordinary = registerAndRoute(Petitions.letterWith("receivedOn", "2026-11-02"), "FORWARD");
    post(HANDLER, "/cases/" + ordinary + "/acceptance", Map.of("notice", "已受理")).statusCode(200);
    post(HANDLER, "/cases/" + ordinary + "/opinion", opinion(null))
        .statusCode(200)
        .body("steps.step", hasItem("EVALUATE"));
  }

  @Test
  void twoUnitsThatBothObjectAreDecidedByTheirCommonSuperior() {
    clock.setToday(LocalDate.parse("2026-11-02"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-11-02"), "FORWARD");
    String path = "/cases/" + id;
    post(HANDLER, path + "/objection", Map.of("reason", "事发地在沾益区。")).statusCode(200);
    Map<String, Object> toZhanyi = new HashMap<>();
    toZhanyi.put("upheld", true);
    toZhanyi.put("unit", Map.of("code", "530303:zjj", "name", "沾益区住房和城乡建设局"));
    toZhanyi.put("reason", "改送沾益区。");
    post(CITY_SUPERVISOR, path + "/objection-decision", toZhanyi).statusCode(200);

    String zhanyi = TestTokens.token("zhanyi-housing", "530303:zjj", "530303", "handler");
    post(zhanyi, path + "/objection", Map.of("reason", "事发地在麒麟区，不属本区。")).statusCode(200);

    // 职责争议 between 麒麟区 and 沾益区 units: neither of them, nor a body of one county, decides
    Map<String, Object> back = new HashMap<>();
    back.put("upheld", true);
    back.put("unit", Map.of("code", "530302:zjj", "name", "麒麟区住房和城乡建设局"));
    back.put("reason", "经市级协调，由麒麟区办理。");
    post(HANDLER, path + "/objection-decision", back)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("Art 24"))
        .body("detail", containsString("5303"));
    String zhanyiOffice =
        TestTokens.token("zhanyi-supervisor", "530303:xfj", "530303", "supervisor");
    post(zhanyiOffice, path + "/objection-decision", back).statusCode(403);
    read(id).body("status", equalTo("OBJECTED"));
    // the 信访 offices may still correct the matter's place, no more
    assertEquals(List.of("matter-place"), acts(HANDLER, id));
    assertEquals(List.of("matter-place"), acts(zhanyiOffice, id));
    assertEquals(List.of("objection-decision", "matter-place"), acts(CITY_SUPERVISOR, id));

    post(CITY_SUPERVISOR, path + "/objection-decision", back)
        .statusCode(200)
        .body("status", equalTo("FORWARDED"))
        .body("handlingUnit.code", equalTo("530302:zjj"));
  }

  @Test
  void theOfficesInformedOfAThreeCrossCaseSeeItMasked() {
    Map<String, Object> petition = Petitions.letter();
    String name = (String) Petitions.firstPetitioner(petition).get("name");
    String id = Petitions.registered(petition).path("petitionCase.id");
    String xuanwei = TestTokens.token("xuanwei-office", "530381:xfj", "530381", "handler");
    given().auth().oauth2(xuanwei).when().get("/cases/" + id).then().statusCode(404);
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").informed("530381:xfj").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("informedUnits", equalTo(List.of("530381:xfj"))));
    given()
        .auth()
        .oauth2(xuanwei)
        .when()
        .get("/cases/" + id)
        .then()
        .statusCode(200)
        .body("petitioners[0].name", equalTo(name.charAt(0) + "*"))
        .body("handlingUnit.code", equalTo("530302:zjj"));
    String neighbour = TestTokens.token("zhanyi-office", "530303:xfj", "530303", "handler");
    given().auth().oauth2(neighbour).when().get("/cases/" + id).then().statusCode(404);
  }

  @Test
  void anAssignedMatterIsClosedOnlyAfterItsClosingReport() {
    clock.setToday(LocalDate.parse("2026-11-02"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-11-02"), "ASSIGN");
    String path = "/cases/" + id;
    post(HANDLER, path + "/acceptance", Map.of("notice", "受理")).statusCode(200);
    post(HANDLER, path + "/opinion", opinion(null)).statusCode(200);
    assertEquals(List.of("staff", "closing-report"), acts(HANDLER, id), "no closure before it");
    post(HANDLER, path + "/closure", closure())
        .statusCode(409)
        .body("detail", containsString("办结报告"));
    post(HANDLER, path + "/closing-report", Map.of("summary", "已整改到位。"))
        .statusCode(200)
        .body(step("REPORT", "state"), equalTo("ON_TIME"));
    assertEquals(List.of("staff", "closure"), acts(HANDLER, id));
    post(HANDLER, path + "/closure", closure()).statusCode(200).body("status", equalTo("CLOSED"));
    post(HANDLER, path + "/closing-report", Map.of("summary", "再报。")).statusCode(409);
  }

  @Test
  void lateRequestsAreRefusedWithTheDayTheirPeriodEnded() {
    clock.setToday(LocalDate.parse("2026-10-08"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-10-08"), "FORWARD");
    String path = "/cases/" + id;
    post(HANDLER, path + "/acceptance", Map.of("notice", "受理")).statusCode(200);
    post(HANDLER, path + "/opinion", opinion("2026-10-08"))
        .statusCode(200)
        .body(step("REQUEST_REVIEW", "dueOn"), equalTo("2026-11-09"));

    clock.setToday(LocalDate.parse("2026-11-16"));
    post(CITY, path + "/evaluation", Map.of("satisfaction", "SATISFIED"))
        .statusCode(409)
        .body("detail", containsString("超期未评价"));
    post(CITY, path + "/review-request", Map.of("receivedOn", "2026-11-10", "reasons", "不服。"))
        .statusCode(409)
        .body("detail", containsString("2026-11-09"));
    post(HANDLER, path + "/termination", closure())
        .statusCode(200)
        .body("status", equalTo("TERMINATED"))
        .body(step("REQUEST_REVIEW", "state"), equalTo("LATE"));
  }

  @Test
  void onlyAppealsAreReferredToStatutoryChannels() {
    clock.setToday(LocalDate.parse("2026-11-02"));
    Map<String, Object> referral =
        Map.of("route", "LITIGATION", "channel", "麒麟区人民法院", "explanation", "请依法起诉。");
    String suggestion =
        registerAndRoute(
            with(Petitions.letterWith("receivedOn", "2026-11-02"), "petitionClass", "SUGGESTION"),
            "FORWARD");
    post(HANDLER, "/cases/" + suggestion + "/referral", referral)
        .statusCode(422)
        .body("errors[0].rule", equalTo("AppealOnly"));

    String appeal = registerAndRoute(Petitions.letterWith("receivedOn", "2026-11-02"), "FORWARD");
    post(HANDLER, "/cases/" + appeal + "/referral", referral)
        .statusCode(200)
        .body("status", equalTo("REFERRED"))
        .body("steps.findAll { it.state == 'OPEN' }.size()", equalTo(0));
    post(HANDLER, "/cases/" + appeal + "/acceptance", Map.of("notice", "受理"))
        .statusCode(409)
        .body("detail", containsString("No step is due"));
  }

  @Test
  void malformedHandlingRequestsNameTheFieldAndChangeNothing() {
    clock.setToday(LocalDate.parse("2026-11-02"));
    String id = registerAndRoute(Petitions.letterWith("receivedOn", "2026-11-02"), "FORWARD");
    post(HANDLER, "/cases/" + id + "/acceptance", Map.of())
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("notice"));
    post(HANDLER, "/cases/" + id + "/opinion", Map.of("outcome", "MAYBE"))
        .statusCode(400)
        .body("errors[0].field", equalTo("outcome"));
    post(HANDLER, "/cases/not-a-case/acceptance", Map.of("notice", "受理"))
        .statusCode(400)
        .body("errors[0].field", equalTo("id"));
    post(HANDLER, "/cases/" + UUID.randomUUID() + "/acceptance", Map.of("notice", "受理"))
        .statusCode(404);
    read(id).body("status", equalTo("FORWARDED"));
  }

  // --- helpers ---

  @Test
  void aVisitRoutedAsEscalatedIsMarkedSoOnTheCase() {
    String id =
        Petitions.registered(Petitions.letterWith("channel", "VISIT")).path("petitionCase.id");
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").mode("ASSIGN").escalated(true).send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> read(id).body("escalated", equalTo(true)).body("routingMode", equalTo("ASSIGN")));

    // issue 31, item 5: the petitioner is told in writing which offices to visit (Art 20)
    String registrar = TestTokens.qilinRegistrar();
    List<Map<String, Object>> documents =
        given()
            .auth()
            .oauth2(registrar)
            .when()
            .get("/cases/" + id + "/documents")
            .then()
            .statusCode(200)
            .extract()
            .path("findAll { it.kind == 'ESCALATION_GUIDANCE' }");
    assertEquals(1, documents.size(), "one guidance, served by the assignment: " + documents);
    assertEquals("越级走访引导告知书", documents.get(0).get("title"));
    String html =
        given()
            .auth()
            .oauth2(registrar)
            .when()
            .get("/cases/" + id + "/documents/" + documents.get(0).get("transitionId"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(html.contains("依法应由麒麟区住房和城乡建设局处理"), html);
    assertTrue(html.contains("交办该单位"), "the assignment named");
    assertTrue(html.contains("第二十条"), "the rule");
    assertTrue(html.contains("麒麟区信访局或曲靖市信访局"), "the offices to visit");
  }

  @Test
  void aVisitRoutedAtItsOwnLevelGetsNoGuidance() {
    String id =
        Petitions.registered(Petitions.letterWith("channel", "VISIT")).path("petitionCase.id");
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("status", equalTo("FORWARDED")));
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .when()
        .get("/cases/" + id + "/documents")
        .then()
        .statusCode(200)
        .body("kind", not(hasItem("ESCALATION_GUIDANCE")));
  }

  @Test
  void datesAreShanghaiDatesWhateverTheServersZone() {
    // 01:30 on 11-24 in Kunming is still 11-23 in UTC
    clock.setInstant(java.time.Instant.parse("2026-11-23T17:30:00Z"));
    Petitions.registered(Petitions.letterWith("receivedOn", "2026-11-24"))
        .response()
        .then()
        .body("petitionCase.caseNumber", containsString("-20261124-"));
    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body(Petitions.letterWith("receivedOn", "2026-11-25"))
        .when()
        .post("/cases")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("receivedOn"))
        .body("errors[0].rule", equalTo("PastOrPresent"));
  }

  @Test
  void anAccusationIsNeverSentToTheUnitItAccuses() {
    String id = Petitions.registered(Petitions.accusation()).path("petitionCase.id");
    // routing names the accused township office first: not applied; then the county office
    decide(id, "530302001:zf", "南宁街道办事处", "530302001", "FORWARD");
    decide(id, "530302:xfj", "麒麟区信访局", "530302", "FORWARD");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                read(id)
                    .body("status", equalTo("FORWARDED"))
                    .body("handlingUnit.code", equalTo("530302:xfj")));

    String path = "/cases/" + id;
    post(HANDLER, path + "/objection", Map.of("reason", "应由街道核实。")).statusCode(200);
    Map<String, Object> decision = new HashMap<>();
    decision.put("upheld", true);
    decision.put("unit", Map.of("code", "530302001:zf", "name", "南宁街道办事处"));
    decision.put("reason", "改由街道办理。");
    post(CITY_SUPERVISOR, path + "/objection-decision", decision)
        .statusCode(422)
        .body("errors[0].rule", equalTo("NotTheAccused"));
    read(id).body("status", equalTo("OBJECTED"));
  }

  /** Registers as 麒麟区信访局 and delivers routing's decision; returns the case id once routed. */
  private String registerAndRoute(Map<String, Object> petition, String mode) {
    String id = Petitions.registered(petition).path("petitionCase.id");
    decide(id, "530302:xfj", "麒麟区信访局", "530302", mode);
    String routed = "ASSIGN".equals(mode) ? "ASSIGNED" : "FORWARDED";
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("status", equalTo(routed)));
    return id;
  }

  /** Publishes routing's decision for the case, as routing-service would. */
  private void decide(String id, String unit, String unitName, String region, String mode) {
    Decisions.route(id, unit, unitName).mode(mode).send();
  }

  private static ValidatableResponse read(String id) {
    return given().auth().oauth2(HANDLER).when().get("/cases/" + id).then().statusCode(200);
  }

  /** The acts the caller is offered on the case now. */
  private static List<String> acts(String token, String id) {
    return given()
        .auth()
        .oauth2(token)
        .when()
        .get("/cases/" + id + "/acts")
        .then()
        .statusCode(200)
        .extract()
        .path("act");
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

  /** GPath to a field of the latest run of a step. */
  private static String step(String step, String field) {
    return "steps.findAll { it.step == '" + step + "' }.last()." + field;
  }

  private static Map<String, Object> opinion(String servedOn) {
    Map<String, Object> body = new HashMap<>();
    body.put("outcome", "EXPLAINED");
    body.put("request", "要求解决小区供暖不达标问题。");
    body.put("facts", "经核查，供热管网老化。");
    body.put("reasons", "已纳入明年改造计划。");
    body.put("legalBasis", "《城市供热管理办法》");
    if (servedOn != null) {
      body.put("servedOn", servedOn);
    }
    return body;
  }

  private static Map<String, Object> extension(int days) {
    return Map.of("days", days, "approvedBy", "王局长", "reason", "案情复杂，需进一步调查。");
  }

  private static Map<String, Object> closure() {
    return Map.of("checklist", Map.of("counselled", "已向信访人解释政策并做好思想疏导。"), "summary", "依法终结。");
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    body.put(field, value);
    return body;
  }
}
