package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official calendar as versioned data (domain.md §3.1): next year's State Council notice is not
 * shipped with the platform; until an administrator loads it, a due date in that year is
 * provisional (待定), and loading it recounts every step it moves and publishes the change.
 *
 * <p>The 2027 days below are a test notice shaped like the real ones (元旦 and 春节 with a make-up
 * Saturday), not the State Council's actual 2027 arrangement.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class CalendarTest {

  private static final String ADMIN =
      TestTokens.token("yunnan-admin", "53:xfj", "53", "administrator");
  private static final String HANDLER =
      TestTokens.token("qilin-handler", "530302:xfj", "530302", "handler");

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @Inject TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void dueDatesInAYearWithoutItsNoticeAreProvisionalAndLoadingTheNoticeRecountsThem() {
    // received 2026-12-17: the 15 days to forward end on 2027-01-01, which 2026's calendar
    // cannot know to be 元旦
    clock.setToday(LocalDate.parse("2026-12-17"));
    String forwarding =
        Petitions.registered(Petitions.letterWith("receivedOn", "2026-12-17"))
            .path("petitionCase.id");
    read(forwarding)
        .body(step("FORWARD", "dueOn"), equalTo("2027-01-01"))
        .body(step("FORWARD", "provisional"), equalTo(true))
        .body(step("FORWARD", "calendarVersion"), equalTo(1));
    given()
        .auth()
        .oauth2(HANDLER)
        .when()
        .get("/calendar")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("coversUntil", equalTo("2026-12-31"))
        .body("nextYearMissing", equalTo(true))
        .body("warning", containsString("2027年节假日安排通知"));
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'official-calendar' }.data.nextYearMissing", equalTo(true));
    String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    String missing =
        metrics
            .lines()
            .filter(l -> l.startsWith("petition_calendar_next_year_missing"))
            .findFirst()
            .orElse("(none)");
    assertTrue(missing.endsWith(" 1.0"), missing);

    // accepted 2026-12-07: 60 days end on 2027-02-05 (除夕 in 2027)
    clock.setToday(LocalDate.parse("2026-12-07"));
    String handling = registerAndRoute("2026-12-07");
    post(HANDLER, "/cases/" + handling + "/acceptance", Map.of("notice", "已受理"))
        .statusCode(200)
        .body(step("HANDLE", "dueOn"), equalTo("2027-02-05"))
        .body(step("HANDLE", "provisional"), equalTo(true));

    clock.setToday(LocalDate.parse("2026-12-18"));
    Map<String, Object> notice = notice2027();
    post(HANDLER, "/calendar/notices/preview", notice).statusCode(403);
    post(ADMIN, "/calendar/notices/preview", notice)
        .statusCode(200)
        .body("applied", equalTo(false))
        .body("version", equalTo(2))
        .body("firstChangedDay", equalTo("2027-01-01"))
        .body(
            "changes.find { it.caseId == '" + forwarding + "' && it.step == 'FORWARD' }.newDueOn",
            equalTo("2027-01-04"))
        .body(
            "changes.find { it.caseId == '" + handling + "' && it.step == 'HANDLE' }.newDueOn",
            equalTo("2027-02-15"));
    // a preview changes nothing
    read(forwarding).body(step("FORWARD", "dueOn"), equalTo("2027-01-01"));
    given().auth().oauth2(HANDLER).get("/calendar").then().body("version", equalTo(1));

    post(ADMIN, "/calendar/notices", notice)
        .statusCode(201)
        .body("applied", equalTo(true))
        .body("version", equalTo(2));
    // 元旦 2027-01-01..03 (Friday to Sunday): the first working day is Monday 01-04
    read(forwarding)
        .body(step("FORWARD", "dueOn"), equalTo("2027-01-04"))
        .body(step("FORWARD", "provisional"), equalTo(false))
        .body(step("FORWARD", "calendarVersion"), equalTo(2));
    given()
        .auth()
        .oauth2(HANDLER)
        .get("/cases/" + forwarding + "/history")
        .then()
        .statusCode(200)
        .body("transition", hasItem("DEADLINES_RECOMPUTED"));
    // 春节 2027-02-05..12, then a weekend: Monday 02-15
    read(handling)
        .body(step("HANDLE", "dueOn"), equalTo("2027-02-15"))
        .body(step("HANDLE", "provisional"), equalTo(false));
    given()
        .auth()
        .oauth2(HANDLER)
        .get("/calendar")
        .then()
        .body("version", equalTo(2))
        .body("coversUntil", equalTo("2027-12-31"))
        .body("versions.noticeNumber", hasItems("国办发明电〔2026〕99号", "chinese-days 1.5.7"))
        .body("versions.find { it.version == 2 }.loadedBy", equalTo("yunnan-admin"));
    given()
        .auth()
        .oauth2(HANDLER)
        .get("/calendar/days?year=2027")
        .then()
        .statusCode(200)
        .body("find { it.date == '2027-02-20' }.kind", equalTo("workday"));

    // the change is published: old date, new date, calendar version
    List<KafkaProbe.Seen> events =
        kafka.await(
            Topics.CASE_EVENTS,
            seen -> forwarding.equals(seen.key()) && seen.value().contains("DEADLINES_RECOMPUTED"),
            1,
            Duration.ofSeconds(20));
    String event = events.get(0).value();
    assertTrue(event.contains("\"previousDueOn\":\"2027-01-01\""), event);
    assertTrue(event.contains("\"dueOn\":\"2027-01-04\""), event);
    assertTrue(event.contains("\"calendarVersion\":2"), event);
    assertTrue(event.contains("\"outcome\":\"CALENDAR_V2\""), event);
    // and the notice itself goes to every node on the calendar topic
    List<KafkaProbe.Seen> published =
        kafka.await(Topics.CALENDAR, seen -> "2027".equals(seen.key()), 1, Duration.ofSeconds(20));
    assertTrue(published.get(0).value().contains("国办发明电〔2026〕99号"));

    // loading the same days again is refused
    post(ADMIN, "/calendar/notices", notice)
        .statusCode(409)
        .contentType("application/problem+json");
    // a period counted from now on knows 2027 at once
    clock.setToday(LocalDate.parse("2026-12-18"));
    String later =
        Petitions.registered(Petitions.letterWith("receivedOn", "2026-12-17"))
            .path("petitionCase.id");
    read(later)
        .body(step("FORWARD", "dueOn"), equalTo("2027-01-04"))
        .body(step("FORWARD", "calendarVersion"), equalTo(2));
  }

  @Test
  void aMalformedNoticeIsRefusedRowByRowAndChangesNothing() {
    int before = given().auth().oauth2(HANDLER).get("/calendar").then().extract().path("version");
    Map<String, Object> notice = notice2027();
    List<Map<String, Object>> days = new ArrayList<>(days(notice));
    days.add(day("2027-01-01", "holiday", "元旦")); // twice
    days.add(day("2026-12-31", "holiday", "元旦")); // outside its year
    days.add(day("2027-03-03", "workday", "春节")); // a Wednesday marked a working day
    days.add(day("2027-03-06", "rest", "春节")); // no such kind
    notice.put("days", days);
    int rows = days.size();
    post(ADMIN, "/calendar/notices", notice)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("days[" + (rows - 4) + "].date"))
        .body("errors.find { it.field == 'days[" + (rows - 4) + "].date' }.rule", equalTo("Unique"))
        .body("errors.find { it.field == 'days[" + (rows - 3) + "].date' }.rule", equalTo("InYear"))
        .body(
            "errors.find { it.field == 'days[" + (rows - 2) + "].kind' }.rule",
            equalTo("WeekendOnly"))
        .body("errors.find { it.field == 'days[" + (rows - 1) + "].kind' }.rule", equalTo("Kind"));
    given().auth().oauth2(HANDLER).get("/calendar").then().body("version", equalTo(before));

    // the same rules for the CSV form, with the line named
    given()
        .auth()
        .oauth2(ADMIN)
        .contentType("text/csv; charset=UTF-8")
        .queryParam("year", 2027)
        .queryParam("noticeNumber", "国办发明电〔2026〕99号")
        .queryParam("title", "测试")
        .body("date,kind,name_zh\n2027-01-01,holiday,元旦\n2027-02-30,holiday,春节\n")
        .when()
        .post("/calendar/notices")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("days[1].date"))
        .body("errors[0].message", containsString("line 3"));
    given().auth().oauth2(HANDLER).get("/calendar").then().body("version", equalTo(before));
  }

  @Test
  void aPetitionReceivedUnderThe2005RegulationTakesItsLimitsAndAnOlderOneIsRefused() {
    clock.setToday(LocalDate.parse("2026-12-01"));
    String id =
        Petitions.registered(Petitions.letterWith("receivedOn", "2021-06-01"))
            .path("petitionCase.id");
    // 《信访条例》 Art 21: 15 days; 06-16 is a Wednesday
    read(id).body(step("FORWARD", "dueOn"), equalTo("2021-06-16"));
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("status", equalTo("FORWARDED")));
    // the 5-working-day objection window is new in 2022: not opened for a 2021 petition
    List<String> steps = read(id).extract().path("steps.step");
    assertTrue(steps.contains("ACCEPT"), steps.toString());
    assertTrue(!steps.contains("OBJECT"), steps.toString());

    given()
        .auth()
        .oauth2(TestTokens.qilinRegistrar())
        .contentType(ContentType.JSON)
        .body(Petitions.letterWith("receivedOn", "2005-04-30"))
        .when()
        .post("/cases")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("receivedOn"))
        .body("errors.rule", hasItem("RegulationInForce"));
  }

  private String registerAndRoute(String receivedOn) {
    String id =
        Petitions.registered(Petitions.letterWith("receivedOn", receivedOn))
            .path("petitionCase.id");
    Decisions.route(id, "530302:xfj", "麒麟区信访局").send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> read(id).body("status", equalTo("FORWARDED")));
    return id;
  }

  /** A notice for 2027 shaped like the State Council's (a test notice, not the real one). */
  static Map<String, Object> notice2027() {
    List<Map<String, Object>> days = new ArrayList<>();
    for (String d : List.of("2027-01-01", "2027-01-02", "2027-01-03")) {
      days.add(day(d, "holiday", "元旦"));
    }
    for (int i = 5; i <= 12; i++) {
      days.add(day("2027-02-%02d".formatted(i), "holiday", "春节"));
    }
    days.add(day("2027-02-20", "workday", "春节"));
    Map<String, Object> notice = new HashMap<>();
    notice.put("year", 2027);
    notice.put("noticeNumber", "国办发明电〔2026〕99号");
    notice.put("title", "国务院办公厅关于2027年部分节假日安排的通知（测试）");
    notice.put("days", days);
    return notice;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> days(Map<String, Object> notice) {
    return (List<Map<String, Object>>) notice.get("days");
  }

  private static Map<String, Object> day(String date, String kind, String name) {
    return Map.of("date", date, "kind", kind, "name", name);
  }

  private static ValidatableResponse read(String id) {
    return given().auth().oauth2(HANDLER).when().get("/cases/" + id).then().statusCode(200);
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

  private static String step(String step, String field) {
    return "steps.findAll { it.step == '" + step + "' }.last()." + field;
  }
}
