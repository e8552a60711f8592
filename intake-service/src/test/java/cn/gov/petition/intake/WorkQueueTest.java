package cn.gov.petition.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 待办 (GET /queue): a unit sees the acts it owes, soonest first, and each leaves once done. */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class WorkQueueTest {

  private static final String QILIN_OFFICE = TestTokens.qilinRegistrar();
  private static final String COUNTY_HOUSING =
      TestTokens.token("qilin-housing", "530302:zjj", "530302", "handler");
  private static final String CITY_SUPERVISOR =
      TestTokens.token("qujing-supervisor", "5303:xfj", "5303", "supervisor");
  private static final String NEIGHBOUR =
      TestTokens.token("zhanyi-registrar", "530303:xfj", "530303", "registrar", "handler");

  @Test
  void aCaseMovesFromTheRegisteringOfficesQueueToTheHandlingUnitsQueue() {
    Map<String, Object> registered = Petitions.registered(Petitions.letter()).path("petitionCase");
    String id = (String) registered.get("id");
    String number = (String) registered.get("caseNumber");

    List<Map<String, Object>> office = waiting(QILIN_OFFICE, number);
    assertEquals(1, office.size(), "the office owes one act: " + office);
    Map<String, Object> forward = office.get(0);
    assertEquals("FORWARD", forward.get("step"));
    assertEquals("转送交办", forward.get("stepLabel"));
    assertEquals(
        ChronoUnit.DAYS.between(
            LocalDate.now(Clocks.CHINA), LocalDate.parse((String) forward.get("dueOn"))),
        ((Number) forward.get("daysLeft")).longValue());
    assertTrue(waiting(COUNTY_HOUSING, number).isEmpty(), "not the bureau's yet");
    // the city sees what its counties owe: the office's forwarding
    List<Map<String, Object>> owedInCity = owedIn(CITY_SUPERVISOR, "5303", number);
    assertEquals(
        List.of("FORWARD 530302:xfj"), owedInCity.stream().map(WorkQueueTest::act).toList());
    assertTrue(waiting(NEIGHBOUR, number).isEmpty(), "never another county's");

    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").send();

    await().atMost(Duration.ofSeconds(30)).until(() -> waiting(COUNTY_HOUSING, number).size() == 1);
    // the bureau owes acceptance; its window to object is its option, not an act it owes
    assertEquals("ACCEPT", waiting(COUNTY_HOUSING, number).get(0).get("step"));
    assertTrue(waiting(QILIN_OFFICE, number).isEmpty(), "forwarded: the office owes nothing");
    assertEquals(
        List.of("ACCEPT 530302:zjj"),
        owedIn(CITY_SUPERVISOR, "5303", number).stream().map(WorkQueueTest::act).toList());
    given()
        .auth()
        .oauth2(NEIGHBOUR)
        .queryParam("region", "530302")
        .get("/queue")
        .then()
        .statusCode(403)
        .contentType(startsWith("application/problem+json"));
  }

  @Test
  void aCaseIsHandedToAStaffMemberAndOverWhenStaffChange() {
    Map<String, Object> registered = Petitions.registered(Petitions.letter()).path("petitionCase");
    String id = (String) registered.get("id");
    String number = (String) registered.get("caseNumber");
    Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").send();
    await().atMost(Duration.ofSeconds(30)).until(() -> waiting(COUNTY_HOUSING, number).size() == 1);
    String li = TestTokens.token("zjj-li", "530302:zjj", "530302", "handler");
    String wang = TestTokens.token("zjj-wang", "530302:zjj", "530302", "handler");

    staff(COUNTY_HOUSING, id, "zjj-li", null).statusCode(200).body("staff", equalTo("zjj-li"));
    assertEquals(1, mine(li, number).size());
    assertEquals("zjj-li", mine(li, number).get(0).get("staff"));
    assertTrue(mine(wang, number).isEmpty(), "not Wang's");

    staff(li, id, "zjj-wang", "原经办人调岗，移交办理。").statusCode(200);
    assertTrue(mine(li, number).isEmpty(), "handed over");
    assertEquals(1, mine(wang, number).size());
    List<Map<String, Object>> handedOver =
        given()
            .auth()
            .oauth2(QILIN_OFFICE)
            .get("/cases/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.transition == 'STAFF_ASSIGNED' }.details");
    assertEquals(
        List.of(
            Map.of("staff", "zjj-li"),
            Map.of("staff", "zjj-wang", "previousStaff", "zjj-li", "note", "原经办人调岗，移交办理。")),
        handedOver);

    staff(wang, id, "zjj-wang", null).statusCode(422).body("errors[0].field", equalTo("user"));
    staff(QILIN_OFFICE, id, "xfj-zhao", null).statusCode(403);
    staff(COUNTY_HOUSING, id, "李 四", null).statusCode(400).body("errors[0].field", equalTo("user"));
  }

  private static io.restassured.response.ValidatableResponse staff(
      String token, String id, String user, String note) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("user", user);
    body.put("note", note);
    return given()
        .auth()
        .oauth2(token)
        .contentType(io.restassured.http.ContentType.JSON)
        .body(body)
        .post("/cases/" + id + "/staff")
        .then();
  }

  /** The acts on this case in the caller's own queue (mine=true). */
  private static List<Map<String, Object>> mine(String token, String caseNumber) {
    JsonPath answer =
        given()
            .auth()
            .oauth2(token)
            .queryParam("mine", "true")
            .queryParam("size", 100)
            .get("/queue")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = answer.getList("items");
    return items.stream().filter(i -> caseNumber.equals(i.get("caseNumber"))).toList();
  }

  @Test
  void theQueueIsSoonestDueFirst() {
    Petitions.registered(Petitions.letter());
    JsonPath page = queue(QILIN_OFFICE, 0, 100);
    List<String> due = page.getList("items.dueOn", String.class);
    List<String> sorted = new ArrayList<>(due);
    sorted.sort(String::compareTo);
    assertTrue(page.getLong("total") >= 1);
    assertEquals(sorted, due);
  }

  @Test
  void aPageThatIsNotANumberOrTooLargeIsRefused() {
    for (var bad :
        List.of(
            Map.of("size", "abc", "status", 400),
            Map.of("size", "0", "status", 422),
            Map.of("size", "500", "status", 422),
            Map.of("page", "-1", "status", 400))) {
      String field = bad.containsKey("size") ? "size" : "page";
      given()
          .auth()
          .oauth2(QILIN_OFFICE)
          .queryParam(field, bad.get(field))
          .get("/queue")
          .then()
          .statusCode((Integer) bad.get("status"))
          .contentType(startsWith("application/problem+json"))
          .body("errors[0].field", equalTo(field));
    }
  }

  private static String act(Map<String, Object> item) {
    return item.get("step") + " " + item.get("unit");
  }

  /** The acts the unit owes on this case, from every page of its queue. */
  private static List<Map<String, Object>> waiting(String token, String caseNumber) {
    return waiting(token, null, caseNumber);
  }

  /** The acts a region's units owe on this case, as the caller over it sees them. */
  private static List<Map<String, Object>> owedIn(String token, String region, String caseNumber) {
    return waiting(token, region, caseNumber);
  }

  private static List<Map<String, Object>> waiting(String token, String region, String caseNumber) {
    List<Map<String, Object>> found = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonPath answer = queue(token, region, page, 100);
      List<Map<String, Object>> items = answer.getList("items");
      items.stream().filter(i -> caseNumber.equals(i.get("caseNumber"))).forEach(found::add);
      if ((long) (page + 1) * 100 >= answer.getLong("total")) {
        return found;
      }
    }
  }

  private static JsonPath queue(String token, int page, int size) {
    return queue(token, null, page, size);
  }

  private static JsonPath queue(String token, String region, int page, int size) {
    var request = given().auth().oauth2(token);
    if (region != null) {
      request = request.queryParam("region", region);
    }
    return request
        .queryParam("page", page)
        .queryParam("size", size)
        .get("/queue")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
