package cn.gov.petition.supervision;

import static cn.gov.petition.contracts.Step.ACCEPT;
import static cn.gov.petition.supervision.Calls.get;
import static cn.gov.petition.supervision.Calls.post;
import static cn.gov.petition.supervision.CaseEvents.progress;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
 * 三函: a city supervisor's letter to a county bureau, seen by the county and the bureau but not the
 * neighbouring county, printed in Chinese, escalated when its reply is late and closed by the
 * bureau's written answer. 保山市 (5305) is used by no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class LetterTest {

  @Inject TestClock clock;
  @Inject Letters letters;

  private final String city =
      TestTokens.token("baoshan-supervisor", "5305:xfj", "5305", "supervisor");
  private final String county =
      TestTokens.token("longyang-supervisor", "530502:xfj", "530502", "supervisor");
  private final String bureau =
      TestTokens.token("longyang-rsj-handler", "530502:rsj", "530502", "handler");
  private final String neighbour =
      TestTokens.token("shidian-supervisor", "530521:xfj", "530521", "supervisor");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** A case with an acceptance step owed by 隆阳区人社局; returns its id. */
  private String caseOwedByTheBureau() {
    String caseId = UUID.randomUUID().toString();
    progress(caseId, "FORWARDED")
        .number("530502-20261201-00042")
        .category("0201")
        .matter("530502")
        .unit("530502:rsj")
        .opens(ACCEPT, "2026-12-16")
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> Calls.clocks(county, caseId).body("$", hasSize(1)));
    return caseId;
  }

  private static ValidatableResponse issue(String token, Map<String, Object> body) {
    return post(token, "/letters", body);
  }

  @Test
  void aLetterIsIssuedSeenPrintedEscalatedAndAnswered() {
    clock.setToday(LocalDate.parse("2026-12-02"));
    String caseId = caseOwedByTheBureau();
    Map<String, Object> order = new HashMap<>();
    order.put("kind", "SUPERVISION_ORDER");
    order.put("recipientUnit", "530502:rsj");
    order.put("caseIds", List.of(caseId));
    order.put("reason", "受理告知逾期未发，<script>alert(1)</script>");
    order.put("replyDueOn", "2026-12-09");

    String id =
        issue(city, order)
            .statusCode(201)
            .body("number", equalTo("保山市信访督〔2026〕1号"))
            .body("title", equalTo("督办函"))
            .body("recipientName", equalTo("隆阳区人力资源和社会保障局"))
            .body("caseNumbers", equalTo(List.of("530502-20261201-00042")))
            .body("status", equalTo("OUTSTANDING"))
            .extract()
            .path("id");
    issue(city, order).statusCode(201).body("number", equalTo("保山市信访督〔2026〕2号"));

    get(county, "/letters/" + id).statusCode(200).body("issuedBy", equalTo("baoshan-supervisor"));
    get(bureau, "/letters").statusCode(200).body("id", hasItems(id));
    get(neighbour, "/letters/" + id).statusCode(404).contentType("application/problem+json");
    get(neighbour, "/letters").statusCode(200).body("id", not(hasItems(id)));

    given()
        .auth()
        .oauth2(county)
        .when()
        .get("/letters/" + id + "/document")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("<h1>督办函</h1>"))
        .body(containsString("保山市信访督〔2026〕1号"))
        .body(containsString("隆阳区人力资源和社会保障局："))
        .body(containsString("请于2026年12月9日前将办理情况书面回复保山市信访局"))
        // signed by the issuing office in words, with the place of its seal (issue 31, item 9)
        .body(containsString("保山市信访局<br>2026年"))
        .body(containsString("（印章）"))
        .body(containsString("&lt;script&gt;"))
        .body(not(containsString("<script>")));

    clock.setToday(LocalDate.parse("2026-12-09"));
    letters.escalate();
    get(city, "/letters/" + id).body("status", equalTo("OUTSTANDING"));
    clock.setToday(LocalDate.parse("2026-12-10"));
    letters.escalate();
    get(city, "/letters/" + id)
        .body("status", equalTo("ESCALATED"))
        .body("escalatedOn", equalTo("2026-12-10"));
    get(city, "/letters?status=ESCALATED").statusCode(200).body("id", hasItems(id));

    Map<String, Object> answer = Map.of("answer", "已于12月10日补发受理告知书，并对经办人批评教育。");
    post(county, "/letters/" + id + "/answer", answer).statusCode(403);
    post(bureau, "/letters/" + id + "/answer", answer)
        .statusCode(200)
        .body("status", equalTo("ANSWERED"))
        .body("answeredOn", equalTo("2026-12-10"))
        .body("answeredLate", equalTo(true));
    post(bureau, "/letters/" + id + "/answer", answer)
        .statusCode(409)
        .contentType("application/problem+json");
    get(city, "/letters/" + id + "/document").body(containsString("<h2>书面回复</h2>"));

    // dashboards and the province learn of each change, without the reason or the answer
    List<KafkaProbe.Seen> changes =
        new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers())
            .await(
                Topics.SUPERVISION_EVENTS,
                seen -> id.equals(seen.key()),
                3,
                Duration.ofSeconds(15));
    assertEquals(3, changes.size());
    assertEquals(
        List.of("ISSUED", "ESCALATED", "ANSWERED"),
        changes.stream().map(c -> JsonPath.from(c.value()).getString("change")).toList());
    JsonPath escalated = JsonPath.from(changes.get(1).value());
    assertEquals("cn.gov.petition.supervision.letter-changed", changes.get(1).header("ce_type"));
    assertEquals("53", escalated.getString("escalatedTo"), "the level above the city");
    assertEquals("保山市信访督〔2026〕1号", escalated.getString("number"));
    assertEquals(true, JsonPath.from(changes.get(2).value()).getBoolean("answeredLate"));
    for (KafkaProbe.Seen change : changes) {
      assertFalse(change.value().contains("受理告知逾期未发"), "no reason in a broadcast");
      assertFalse(change.value().contains("批评教育"), "no answer in a broadcast");
    }
  }

  @Test
  void aLetterAboutAnAccusationIsHiddenFromEveryUnitButTheRecipientAndThePetitionOffices() {
    clock.setToday(LocalDate.parse("2026-12-02"));
    // an accusation against 隆阳区住建局, handled by the district's discipline body
    String caseId = UUID.randomUUID().toString();
    progress(caseId, "FORWARDED")
        .petitionClass("ACCUSATION")
        .number("530502-20261201-00077")
        .matter("530502")
        .unit("530502:jw")
        .opens(ACCEPT, "2026-12-16")
        .send();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> get(county, "/clocks?caseId=" + caseId).statusCode(200).body("$", hasSize(1)));
    Map<String, Object> order = new HashMap<>();
    order.put("kind", "ACCOUNTABILITY"); // the other tests count reminders and orders
    order.put("recipientUnit", "530502:jw");
    order.put("caseIds", List.of(caseId));
    order.put("reason", "临近受理期限");
    order.put("replyDueOn", "2026-12-09");
    String id = issue(city, order).statusCode(201).extract().path("id");

    String discipline = TestTokens.token("longyang-jw", "530502:jw", "530502", "handler");
    String accused = TestTokens.token("longyang-zjj", "530502:zjj", "530502", "supervisor");
    get(discipline, "/letters/" + id).statusCode(200);
    get(county, "/letters").statusCode(200).body("id", hasItems(id));
    get(accused, "/letters/" + id).statusCode(404).contentType("application/problem+json");
    get(accused, "/letters")
        .statusCode(200)
        .body("id", not(hasItems(id)))
        .body("caseNumbers.flatten()", not(hasItems("530502-20261201-00077")));
    get(accused, "/letters/" + id + "/document").statusCode(404);
  }

  @Test
  void aLeaderInstructsOnACaseAndTheUnitReportsBackWhileNoOneElseMayInstruct() {
    clock.setToday(LocalDate.parse("2026-12-02"));
    String caseId = caseOwedByTheBureau();
    String leader = TestTokens.token("baoshan-leader", "5305:zf", "5305", "leader");
    Map<String, Object> instruction = new HashMap<>();
    instruction.put("kind", "LEADER_INSTRUCTION");
    instruction.put("recipientUnit", "530502:rsj");
    instruction.put("caseIds", List.of(caseId));
    instruction.put("reason", "请隆阳区人社局认真核查，依法依规解决群众合理诉求。");
    instruction.put("replyDueOn", "2026-12-16");

    // a supervisor does not instruct, a leader issues no supervision letter, an instruction is on
    // one case: refused, nothing recorded
    issue(city, instruction).statusCode(403).contentType("application/problem+json");
    Map<String, Object> order = new HashMap<>(instruction);
    order.put("kind", "SUPERVISION_ORDER");
    issue(leader, order).statusCode(403);
    Map<String, Object> twoCases = new HashMap<>(instruction);
    twoCases.put("caseIds", List.of(caseId, caseOwedByTheBureau()));
    issue(leader, twoCases)
        .statusCode(422)
        .body("errors.field", hasItems("caseIds"))
        .body("errors.rule", hasItems("Size"));
    get(leader, "/letters?caseId=" + caseId).statusCode(200).body("$", hasSize(0));

    String id =
        issue(leader, instruction)
            .statusCode(201)
            .body("title", equalTo("领导批示件"))
            .body("number", startsWith("保山市信访批〔2026〕"))
            .body("issuedBy", equalTo("baoshan-leader"))
            .body("status", equalTo("OUTSTANDING"))
            .extract()
            .path("id");
    // on the case, for the leader and for the unit that reports back; not for another county
    get(leader, "/letters?caseId=" + caseId).statusCode(200).body("id", equalTo(List.of(id)));
    get(bureau, "/letters?caseId=" + caseId + "&status=OUTSTANDING")
        .statusCode(200)
        .body("kind", equalTo(List.of("LEADER_INSTRUCTION")));
    get(neighbour, "/letters?caseId=" + caseId).statusCode(200).body("$", hasSize(0));
    get(bureau, "/letters?caseId=not-a-case").statusCode(400);
    given()
        .auth()
        .oauth2(bureau)
        .when()
        .get("/letters/" + id + "/document")
        .then()
        .statusCode(200)
        .body(containsString("<h1>领导批示件</h1>"))
        .body(containsString("baoshan-leader对下列信访事项作出批示"))
        .body(containsString("依法依规解决群众合理诉求"))
        .body(containsString("于2026年12月16日前将办理情况报告保山市人民政府"));

    post(bureau, "/letters/" + id + "/answer", Map.of("answer", "已会同街道上门核查，补发工资已到位。"))
        .statusCode(200)
        .body("status", equalTo("ANSWERED"))
        .body("answeredLate", equalTo(false));
    get(leader, "/letters/" + id).body("answer", containsString("补发工资"));
  }

  @Test
  void aLetterThatBreaksARuleIsRefusedAndNothingIsIssued() {
    clock.setToday(LocalDate.parse("2026-12-02"));
    String caseId = caseOwedByTheBureau();
    Map<String, Object> good = new HashMap<>();
    good.put("kind", "RISK_REMINDER");
    good.put("recipientUnit", "530502:rsj");
    good.put("caseIds", List.of(caseId));
    good.put("reason", "临近受理期限");
    good.put("replyDueOn", "2026-12-09");

    Map<String, Object> outside = new HashMap<>(good);
    outside.put("recipientUnit", "530302:rsj");
    issue(city, outside).statusCode(403);
    Map<String, Object> unknown = new HashMap<>(good);
    unknown.put("recipientUnit", "530502:xyz");
    issue(city, unknown).statusCode(422).body("errors.field", hasItems("recipientUnit"));
    Map<String, Object> otherUnit = new HashMap<>(good);
    otherUnit.put("recipientUnit", "530502:zjj");
    issue(city, otherUnit)
        .statusCode(422)
        .body("errors.field", hasItems("caseIds[0]"))
        .body("errors.rule", hasItems("OwedByRecipient"));
    Map<String, Object> past = new HashMap<>(good);
    past.put("replyDueOn", "2026-12-02");
    issue(city, past).statusCode(422).body("errors.field", hasItems("replyDueOn"));
    Map<String, Object> badKind = new HashMap<>(good);
    badKind.put("kind", "LOVE_LETTER");
    issue(city, badKind).statusCode(400).contentType("application/problem+json");
    Map<String, Object> noCases = new HashMap<>(good);
    noCases.put("caseIds", List.of());
    issue(city, noCases).statusCode(400).body("errors.field", hasItems("caseIds"));
    issue(bureau, good).statusCode(403); // a handler does not issue letters
    get(city, "/letters/not-a-uuid").statusCode(400);
    get(city, "/letters/" + UUID.randomUUID()).statusCode(404);

    get(city, "/letters?status=OUTSTANDING")
        .statusCode(200)
        .body("findAll { it.kind == 'RISK_REMINDER' }", hasSize(0));
    get(city, "/letters?status=LOST").statusCode(400).body("errors[0].field", equalTo("status"));
  }
}
