package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.CaseRegistered;
import cn.gov.petition.contracts.LetterChanged;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 统计通报 of 迪庆州 (5334, this test's own) for November 2026: the bulletin gives the figures the
 * statistics API gives for the same question, and the workbook, the printable page and the CSV give
 * the bulletin's.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class BulletinTest {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String CITY =
      TestTokens.token("diqing-office", "5334:xfj", "5334", "joint-office");

  @Inject TestClock clock;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());
  private final List<KafkaProbe.Outgoing> events = new ArrayList<>();

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private void registered(String region, String channel, String day, int persons) {
    String id = UUID.randomUUID().toString();
    LocalDate on = LocalDate.parse(day);
    events.add(
        Events.of(
            id,
            "n",
            new CaseRegistered(
                id,
                "5334-B-" + id.substring(0, 6),
                channel,
                "APPEAL",
                region,
                "0201",
                region + ":xfj",
                on,
                on.atStartOfDay().toInstant(ZoneOffset.UTC),
                persons,
                "SEEK_SOLUTION",
                "DIRECT",
                persons >= 5,
                null)));
  }

  private void acceptance(String unit, String due, String done) {
    String id = UUID.randomUUID().toString();
    String number = "5334-B-" + id.substring(0, 6);
    String region = unit.substring(0, 6);
    LocalDate dueOn = LocalDate.parse(due);
    LocalDate doneOn = LocalDate.parse(done);
    LocalDate start = dueOn.minusDays(5);
    for (boolean opening : new boolean[] {true, false}) {
      events.add(
          Events.of(
              id,
              number,
              new CaseProgressed(
                  id,
                  number,
                  opening ? "FORWARDED" : "ACCEPTED",
                  "X",
                  "APPEAL",
                  "LETTER",
                  "0201",
                  region,
                  unit,
                  region,
                  "FORWARD",
                  null,
                  opening ? start : doneOn,
                  (opening ? start : doneOn).atStartOfDay().toInstant(ZoneOffset.UTC),
                  opening
                      ? List.of()
                      : List.of(
                          new CaseProgressed.ClosedStep(
                              Step.ACCEPT, dueOn, doneOn, !doneOn.isAfter(dueOn))),
                  opening
                      ? List.of(
                          new CaseProgressed.OpenedStep(Step.ACCEPT, unit, region, start, dueOn))
                      : List.of())));
    }
  }

  private static JsonPath get(String path, Map<String, String> query) {
    return given()
        .auth()
        .oauth2(CITY)
        .accept("application/json")
        .queryParams(query)
        .when()
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A leader's instruction to a unit, given or reported on, as supervision broadcasts it. */
  private static KafkaProbe.Outgoing instruction(
      String id, String kind, String unit, String issued, String due, String answered) {
    boolean answer = answered != null;
    LocalDate dueOn = LocalDate.parse(due);
    return Events.of(
        id,
        "迪庆州信访批〔2026〕" + id.substring(0, 4) + "号",
        new LetterChanged(
            id,
            "迪庆州信访批〔2026〕" + id.substring(0, 4) + "号",
            kind,
            "5334:zf",
            "5334",
            unit,
            unit.substring(0, unit.indexOf(':')),
            List.of(UUID.randomUUID().toString()),
            List.of("533401-20261101-00001"),
            LocalDate.parse(issued),
            dueOn,
            answer ? LetterChanged.Change.ANSWERED : LetterChanged.Change.ISSUED,
            answer ? LocalDate.parse(answered).isAfter(dueOn) : null,
            null,
            LocalDate.parse(answer ? answered : issued),
            false,
            "5334"));
  }

  @Test
  void theBulletinCountsTheLeadersInstructionsAndTheReportsOnThem() {
    clock.setToday(LocalDate.parse("2026-12-05"));
    String onTime = UUID.randomUUID().toString();
    String late = UUID.randomUUID().toString();
    String overdue = UUID.randomUUID().toString();
    String notYetDue = UUID.randomUUID().toString();
    String afterThePeriod = UUID.randomUUID().toString();
    String instruct = "LEADER_INSTRUCTION";
    kafka.sendAll(
        Topics.SUPERVISION_EVENTS,
        List.of(
            instruction(onTime, instruct, "533401:rsj", "2026-11-03", "2026-11-10", null),
            instruction(onTime, instruct, "533401:rsj", "2026-11-03", "2026-11-10", "2026-11-08"),
            instruction(late, instruct, "533422:zjj", "2026-11-05", "2026-11-12", null),
            instruction(late, instruct, "533422:zjj", "2026-11-05", "2026-11-12", "2026-11-20"),
            instruction(overdue, instruct, "533401:rsj", "2026-11-20", "2026-11-27", null),
            instruction(notYetDue, instruct, "533401:zjj", "2026-11-25", "2026-12-05", null),
            instruction(afterThePeriod, instruct, "533401:rsj", "2026-11-10", "2026-11-20", null),
            instruction(
                afterThePeriod, instruct, "533401:rsj", "2026-11-10", "2026-11-20", "2026-12-02"),
            // a supervision letter, an instruction of October and one to another prefecture: none
            // of the county's November instructions
            instruction(
                UUID.randomUUID().toString(),
                "SUPERVISION_ORDER",
                "533401:rsj",
                "2026-11-05",
                "2026-11-12",
                null),
            instruction(
                UUID.randomUUID().toString(),
                instruct,
                "533401:rsj",
                "2026-10-20",
                "2026-10-30",
                null),
            instruction(
                UUID.randomUUID().toString(),
                instruct,
                "532801:rsj",
                "2026-11-06",
                "2026-11-13",
                null)));

    Map<String, String> november = Map.of("region", "5334", "period", "2026-11");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonPath counted = get("/statistics/bulletin", november);
              assertEquals(5, counted.getInt("instructions.issued"));
              assertEquals(2, counted.getInt("instructions.answered"));
            });
    JsonPath bulletin = get("/statistics/bulletin", november);
    assertEquals(1, bulletin.getInt("instructions.answeredLate"));
    assertEquals(3, bulletin.getInt("instructions.outstanding"), "by 30 November");
    assertEquals(2, bulletin.getInt("instructions.overdue"), "past their date on 30 November");
    given()
        .auth()
        .oauth2(CITY)
        .header("Accept", "text/html")
        .queryParams(november)
        .when()
        .get("/statistics/bulletin")
        .then()
        .statusCode(200)
        .body(containsString("七、批示件办理情况"))
        .body(containsString("领导批示件"));
  }

  @Test
  void theBulletinGivesTheStatisticsFiguresInEveryDocument() throws Exception {
    clock.setToday(LocalDate.parse("2026-12-05"));
    registered("533401", "LETTER", "2026-11-02", 1);
    registered("533401", "VISIT", "2026-11-05", 2);
    registered("533401", "LETTER", "2026-11-20", 1);
    registered("533401", "LETTER", "2026-10-10", 1);
    registered("533422", "ONLINE", "2026-11-03", 1);
    registered("533422", "VISIT", "2026-11-25", 6);
    acceptance("533401:rsj", "2026-11-10", "2026-11-08");
    acceptance("533401:rsj", "2026-11-12", "2026-11-14");
    acceptance("533422:zjj", "2026-11-15", "2026-11-15");
    kafka.sendAll(Topics.CASE_EVENTS, events);

    Map<String, String> november = new LinkedHashMap<>();
    november.put("region", "5334");
    november.put("period", "2026-11");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                get("/statistics/bulletin", november).getInt("volume.count") == 5
                    && get("/statistics/bulletin", november)
                            .getInt("rates.find { it.rate == 'TIMELY_ACCEPTANCE' }.denominator")
                        == 3);

    JsonPath bulletin = get("/statistics/bulletin", november);
    assertEquals("迪庆藏族自治州信访工作月报（2026年11月）", bulletin.getString("title"));
    assertEquals("月报", bulletin.getString("kind"));
    assertEquals(11, bulletin.getInt("volume.persons"));
    assertEquals(1, bulletin.getInt("volume.previous"));
    assertEquals(2, bulletin.getInt("rates.find { it.rate == 'TIMELY_ACCEPTANCE' }.numerator"));
    assertEquals(List.of("533401", "533422"), bulletin.getList("regions.code"));
    assertEquals(List.of(3, 2), bulletin.getList("regions.count"));

    // the same figures as the statistics API for the same question
    JsonPath rates = get("/statistics/rates", november);
    assertEquals(rates.getList("rates.numerator"), bulletin.getList("rates.numerator"));
    assertEquals(rates.getList("rates.denominator"), bulletin.getList("rates.denominator"));
    Map<String, String> byRegion = new LinkedHashMap<>(november);
    byRegion.put("dimension", "REGION");
    JsonPath volumes = get("/statistics/volume/by", byRegion);
    assertEquals(volumes.getInt("total.count"), bulletin.getInt("volume.count"));
    assertEquals(volumes.getList("rows.figures.count"), bulletin.getList("regions.count"));
    JsonPath children = get("/statistics/rates/by-region", november);
    assertEquals(
        children.getList("children[0].rates.numerator"),
        bulletin.getList("regions[0].rates.numerator"));
    Map<String, String> county = Map.of("region", "533401", "period", "2026-11");
    JsonPath countyBulletin = get("/statistics/bulletin", county);
    assertEquals(List.of("533401:rsj"), countyBulletin.getList("units.code"));
    assertEquals(2, countyBulletin.getInt("units[0].count"));
    assertEquals(
        get("/statistics/rates/by-unit", county).getList("children[0].rates.numerator"),
        countyBulletin.getList("units[0].rates.numerator"));

    // a plain request (Accept: */*) gets JSON; a format not offered is refused
    given()
        .auth()
        .oauth2(CITY)
        .header("Accept", "*/*")
        .queryParams(november)
        .when()
        .get("/statistics/bulletin")
        .then()
        .statusCode(200)
        .contentType(containsString("application/json"))
        .body("kind", equalTo("月报"));
    given()
        .auth()
        .oauth2(CITY)
        .accept("application/pdf")
        .queryParams(november)
        .when()
        .get("/statistics/bulletin")
        .then()
        .statusCode(406)
        .contentType("application/problem+json");

    // the workbook: one sheet per table, the bulletin's figures in its cells
    byte[] xlsx =
        given()
            .auth()
            .oauth2(CITY)
            .accept(XLSX)
            .queryParams(november)
            .when()
            .get("/statistics/bulletin")
            .then()
            .statusCode(200)
            .header("Content-Disposition", containsString("bulletin-5334-2026-11.xlsx"))
            .extract()
            .asByteArray();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      assertEquals(
          List.of("概况", "考核指标", "分地区", "分单位", "分类", "预警", "批示件"),
          workbook.getSheets().map(Sheet::getName).toList());
      List<Row> overview = workbook.getFirstSheet().read();
      assertEquals("迪庆藏族自治州信访工作月报（2026年11月）", overview.get(0).getCellAsString(0).orElseThrow());
      assertEquals(5, number(overview, "信访件次"));
      assertEquals(11, number(overview, "人次"));
      List<Row> rateSheet = workbook.findSheet("考核指标").orElseThrow().read();
      Row timely =
          rateSheet.stream()
              .filter(r -> r.getCellAsString(0).orElse("").equals("及时受理率"))
              .findFirst()
              .orElseThrow();
      assertEquals("66.67%", timely.getCellAsString(1).orElseThrow());
      assertEquals(2, timely.getCellAsNumber(2).orElseThrow().intValue());
      assertEquals(3, timely.getCellAsNumber(3).orElseThrow().intValue());
      List<Row> regions = workbook.findSheet("分地区").orElseThrow().read();
      assertTrue(regions.stream().anyMatch(r -> r.getCellAsString(1).orElse("").equals("香格里拉市")));
    }

    // the printable page, in Chinese
    String page =
        given()
            .auth()
            .oauth2(CITY)
            .accept("text/html")
            .queryParams(november)
            .when()
            .get("/statistics/bulletin")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertTrue(page.contains("<h1>迪庆藏族自治州信访工作月报（2026年11月）</h1>"), page);
    assertTrue(page.contains("三、分地区情况") && page.contains("<td>香格里拉市</td>"), page);
    assertTrue(page.contains("<td>66.67%</td>"), page);

    // the regional table as CSV
    String csv =
        given()
            .auth()
            .oauth2(CITY)
            .accept("text/csv")
            .queryParams(november)
            .when()
            .get("/statistics/bulletin")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertEquals("\uFEFF代码,地区,信访件次,及时受理率,按期办结率,参评率,满意率,协办按期率,重复信访率,积案化解率", lines.get(0));
    assertTrue(lines.get(1).startsWith("533401,香格里拉市,3,50.00%,"), lines.get(1));

    // a week makes the 周报; a county may not have the prefecture's
    given()
        .auth()
        .oauth2(CITY)
        .accept("application/json")
        .queryParam("region", "5334")
        .queryParam("period", "2026-W48")
        .when()
        .get("/statistics/bulletin")
        .then()
        .statusCode(200)
        .body("title", equalTo("迪庆藏族自治州信访工作周报（2026年第48周）"));
    String shangrila = TestTokens.token("shangrila", "533401:xfj", "533401", "supervisor");
    given()
        .auth()
        .oauth2(shangrila)
        .accept(XLSX)
        .queryParams(november)
        .when()
        .get("/statistics/bulletin")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  private static int number(List<Row> rows, String item) {
    return rows.stream()
        .filter(r -> r.getCellAsString(0).orElse("").equals(item))
        .findFirst()
        .orElseThrow(() -> new AssertionError(item + " not in the sheet"))
        .getCellAsNumber(1)
        .orElseThrow()
        .intValue();
  }
}
