package cn.gov.petition.analytics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.contracts.BacklogChanged;
import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.CaseRegistered;
import cn.gov.petition.contracts.Step;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rates are exact: a generated month of petitions in 红河州 (5325, this test's own), with due
 * dates before, inside and after November 2026 and steps on time, late, open and not yet due, sent
 * as the lifecycle events intake publishes; every rate of the prefecture and of each county is
 * compared with the answer computed here from the generated cases, not by the code under test.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class RatesTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-12-15");
  private static final LocalDate FROM = LocalDate.parse("2026-11-01");
  private static final LocalDate TO = LocalDate.parse("2026-11-30");
  private static final List<String> COUNTIES = List.of("532501", "532502", "532503");
  private static final List<String> DEPARTMENTS = List.of("rsj", "zjj", "zrzy");
  private static final List<String> OUTCOMES =
      List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED");

  @Inject TestClock clock;

  private final KafkaProbe kafka =
      new KafkaProbe(PetitionTestInfrastructure.infrastructure().kafka().bootstrapServers());

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** One generated case: null dates are steps never done (or never reached). */
  record Generated(
      String id,
      String number,
      String county,
      String unit,
      LocalDate received,
      boolean firstIsRepeat,
      List<LocalDate> repeats,
      LocalDate acceptDue,
      LocalDate acceptDone,
      LocalDate handleDue,
      LocalDate handleFirstDue,
      LocalDate handleDone,
      LocalDate evaluateDue,
      LocalDate evaluated,
      String outcome) {}

  private static LocalDate day(Random random, String from, int span) {
    return LocalDate.parse(from).plusDays(random.nextInt(span));
  }

  /** A done date: on time, late, or not done; never after today. */
  private static LocalDate done(Random random, LocalDate due) {
    int roll = random.nextInt(100);
    LocalDate done =
        roll < 60
            ? due.minusDays(random.nextInt(10))
            : roll < 80 ? due.plusDays(1 + random.nextInt(6)) : null;
    return done == null || done.isAfter(TODAY) ? null : done;
  }

  private static List<Generated> generate(int count, long seed) {
    Random random = new Random(seed);
    List<Generated> cases = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String county = COUNTIES.get(random.nextInt(COUNTIES.size()));
      LocalDate received = day(random, "2026-10-20", 45);
      List<LocalDate> repeats = new ArrayList<>();
      for (int r = random.nextInt(3); r > 0; r--) {
        repeats.add(day(random, "2026-10-25", 40));
      }
      LocalDate acceptDue = day(random, "2026-10-25", 45);
      LocalDate acceptDone = done(random, acceptDue);
      LocalDate handleDue = acceptDone == null ? null : day(random, "2026-10-28", 45);
      // a quarter of the handling periods were extended (延期) from a due date ten days earlier
      LocalDate handleFirstDue =
          handleDue != null && random.nextInt(100) < 25 ? handleDue.minusDays(10) : handleDue;
      LocalDate handleDone = handleDue == null ? null : done(random, handleDue);
      LocalDate evaluateDue = handleDone == null ? null : day(random, "2026-10-28", 50);
      LocalDate evaluated =
          evaluateDue == null || random.nextInt(100) < 40
              ? null
              : evaluateDue.minusDays(random.nextInt(5));
      if (evaluated != null && evaluated.isAfter(TODAY)) {
        evaluated = null;
      }
      cases.add(
          new Generated(
              UUID.randomUUID().toString(),
              county + "-202611-" + String.format("%05d", i),
              county,
              county + ":" + DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())),
              received,
              random.nextInt(100) < 20,
              repeats,
              acceptDue,
              acceptDone,
              handleDue,
              handleFirstDue,
              handleDone,
              evaluateDue,
              evaluated,
              evaluated == null ? null : OUTCOMES.get(random.nextInt(OUTCOMES.size()))));
    }
    return cases;
  }

  // ---------------------------------------------------------------- the events intake would send

  private static CaseProgressed progressed(
      Generated c,
      String transition,
      String outcome,
      LocalDate on,
      List<CaseProgressed.ClosedStep> closed,
      List<CaseProgressed.OpenedStep> opened) {
    String unit = c.unit();
    return new CaseProgressed(
        c.id(),
        c.number(),
        transition,
        "X",
        "APPEAL",
        "LETTER",
        "0201",
        c.county(),
        unit,
        c.county(),
        "FORWARD",
        outcome,
        on,
        on.atStartOfDay().toInstant(ZoneOffset.UTC),
        closed,
        opened);
  }

  private static CaseProgressed.OpenedStep opens(
      Generated c, Step step, LocalDate on, LocalDate due) {
    return new CaseProgressed.OpenedStep(step, c.unit(), c.county(), on, due);
  }

  private static CaseProgressed.ClosedStep closes(Step step, LocalDate due, LocalDate done) {
    return new CaseProgressed.ClosedStep(step, due, done, !done.isAfter(due));
  }

  private static List<KafkaProbe.Outgoing> events(Generated c) throws Exception {
    List<KafkaProbe.Outgoing> events = new ArrayList<>();
    events.add(
        Events.of(
            c.id(),
            c.number(),
            new CaseRegistered(
                c.id(),
                c.number(),
                "LETTER",
                "APPEAL",
                c.county(),
                "0201",
                c.county() + ":xfj",
                c.received(),
                c.received().atStartOfDay().toInstant(ZoneOffset.UTC),
                1,
                "SEEK_SOLUTION",
                "DIRECT",
                false,
                c.firstIsRepeat() ? UUID.randomUUID().toString() : null)));
    LocalDate forwarded = c.received();
    events.add(
        Events.of(
            c.id(),
            c.number(),
            progressed(
                c,
                "FORWARDED",
                null,
                forwarded,
                List.of(),
                List.of(opens(c, Step.ACCEPT, forwarded, c.acceptDue())))));
    if (c.acceptDone() != null) {
      events.add(
          Events.of(
              c.id(),
              c.number(),
              progressed(
                  c,
                  "ACCEPTED",
                  null,
                  c.acceptDone(),
                  List.of(closes(Step.ACCEPT, c.acceptDue(), c.acceptDone())),
                  List.of(opens(c, Step.HANDLE, c.acceptDone(), c.handleFirstDue())))));
      if (!c.handleFirstDue().equals(c.handleDue())) {
        events.add(
            Events.of(
                c.id(),
                c.number(),
                progressed(
                    c,
                    "EXTENDED",
                    null,
                    c.acceptDone(),
                    List.of(),
                    List.of(opens(c, Step.HANDLE, c.acceptDone(), c.handleDue())))));
      }
    }
    if (c.handleDone() != null) {
      events.add(
          Events.of(
              c.id(),
              c.number(),
              progressed(
                  c,
                  "OPINION_ISSUED",
                  "SUPPORTED",
                  c.handleDone(),
                  List.of(closes(Step.HANDLE, c.handleDue(), c.handleDone())),
                  List.of(opens(c, Step.EVALUATE, c.handleDone(), c.evaluateDue())))));
    }
    if (c.evaluated() != null) {
      events.add(
          Events.of(
              c.id(),
              c.number(),
              progressed(
                  c,
                  "EVALUATED",
                  c.outcome(),
                  c.evaluated(),
                  List.of(closes(Step.EVALUATE, c.evaluateDue(), c.evaluated())),
                  List.of())));
    }
    for (LocalDate repeat : c.repeats()) {
      events.add(
          Events.of(
              c.id(),
              c.number(),
              progressed(c, "REPEAT_RECEIVED", null, repeat, List.of(), List.of())));
    }
    return events;
  }

  // ------------------------------------------------------- the answers, computed independently

  private static boolean in(LocalDate day) {
    return day != null && !day.isBefore(FROM) && !day.isAfter(TO);
  }

  /** Numerator and denominator of every rate for the cases that match. */
  private static Map<String, long[]> expected(List<Generated> all, Predicate<Generated> region) {
    long accOn = 0, accLate = 0, accOpen = 0;
    long repOn = 0, repLate = 0, repOpen = 0;
    long content = 0, unsatisfied = 0, unevaluated = 0;
    long repeats = 0, petitions = 0;
    for (Generated c : all.stream().filter(region).toList()) {
      if (in(c.acceptDue())) {
        if (c.acceptDone() == null) {
          accOpen += c.acceptDue().isBefore(TODAY) ? 1 : 0;
        } else if (c.acceptDone().isAfter(c.acceptDue())) {
          accLate++;
        } else {
          accOn++;
        }
      }
      if (in(c.handleDue())) {
        if (c.handleDone() == null) {
          repOpen += c.handleDue().isBefore(TODAY) ? 1 : 0;
        } else if (c.handleDone().isAfter(c.handleDue())) {
          repLate++;
        } else {
          repOn++;
        }
      }
      if (in(c.evaluateDue())) {
        if (c.outcome() == null) {
          unevaluated += c.evaluateDue().isBefore(TODAY) ? 1 : 0;
        } else if (c.outcome().equals("UNSATISFIED")) {
          unsatisfied++;
        } else {
          content++;
        }
      }
      if (in(c.received())) {
        petitions++;
        repeats += c.firstIsRepeat() ? 1 : 0;
      }
      for (LocalDate repeat : c.repeats()) {
        if (in(repeat)) {
          petitions++;
          repeats++;
        }
      }
    }
    Map<String, long[]> rates = new TreeMap<>();
    rates.put("TIMELY_ACCEPTANCE", new long[] {accOn, accOn + accLate + accOpen});
    rates.put("ON_TIME_REPLY", new long[] {repOn, repOn + repLate + repOpen});
    rates.put(
        "EVALUATION_PARTICIPATION",
        new long[] {content + unsatisfied, content + unsatisfied + unevaluated});
    rates.put("SATISFACTION", new long[] {content, content + unsatisfied});
    rates.put("REPEAT_PETITIONS", new long[] {repeats, petitions});
    return rates;
  }

  private static ValidatableResponse sheet(String token, String region) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("region", region)
        .queryParam("from", FROM.toString())
        .queryParam("to", TO.toString())
        .when()
        .get("/statistics/rates")
        .then();
  }

  private static void assertRates(Map<String, long[]> expected, JsonPath sheet, String region) {
    assertRates(expected, sheet, region, "");
  }

  /** {@code within}: the path of the object holding the rates, with its dot, or "". */
  private static void assertRates(
      Map<String, long[]> expected, JsonPath sheet, String region, String within) {
    for (Map.Entry<String, long[]> rate : expected.entrySet()) {
      String at = within + "rates.find { it.rate == '" + rate.getKey() + "' }";
      long numerator = rate.getValue()[0];
      long denominator = rate.getValue()[1];
      String what = region + " " + rate.getKey();
      assertEquals(numerator, sheet.getLong(at + ".numerator"), what + " numerator");
      assertEquals(denominator, sheet.getLong(at + ".denominator"), what + " denominator");
      BigDecimal value =
          denominator == 0
              ? null
              : BigDecimal.valueOf(numerator)
                  .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
      String served = sheet.getString(at + ".value");
      assertEquals(
          value == null ? null : value.stripTrailingZeros(),
          served == null ? null : new BigDecimal(served).stripTrailingZeros(),
          what + " value");
    }
  }

  @Test
  void everyRateOfAGeneratedMonthIsExactForThePrefectureAndEachCounty() throws Exception {
    clock.setToday(TODAY);
    List<Generated> cases = generate(240, 20261126L);
    List<KafkaProbe.Outgoing> all = new ArrayList<>();
    for (Generated c : cases) {
      all.addAll(events(c));
    }
    kafka.sendAll(Topics.CASE_EVENTS, all);

    String prefecture = TestTokens.token("honghe-office", "5325:xfj", "5325", "joint-office");
    Map<String, long[]> whole = expected(cases, c -> true);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertRates(
                    whole, sheet(prefecture, "5325").statusCode(200).extract().jsonPath(), "5325"));
    for (String county : COUNTIES) {
      assertRates(
          expected(cases, c -> c.county().equals(county)),
          sheet(prefecture, county).statusCode(200).extract().jsonPath(),
          county);
    }

    // the same figures for the three counties in one answer, for the drill-down
    JsonPath byRegion =
        given()
            .auth()
            .oauth2(prefecture)
            .queryParam("region", "5325")
            .queryParam("from", FROM.toString())
            .queryParam("to", TO.toString())
            .when()
            .get("/statistics/rates/by-region")
            .then()
            .statusCode(200)
            .body("children.code", equalTo(COUNTIES))
            .body("children[0].name", equalTo("个旧市"))
            .extract()
            .jsonPath();
    for (String county : COUNTIES) {
      assertRates(
          expected(cases, c -> c.county().equals(county)),
          byRegion,
          county,
          "children.find { it.code == '" + county + "' }.");
    }

    // the counties ranked by 及时受理率, best first; the same as CSV for Excel
    List<String> best =
        COUNTIES.stream()
            .sorted(
                java.util.Comparator.comparing(
                        (String county) -> {
                          long[] r =
                              expected(cases, c -> c.county().equals(county))
                                  .get("TIMELY_ACCEPTANCE");
                          return BigDecimal.valueOf(r[0])
                              .divide(BigDecimal.valueOf(r[1]), 4, RoundingMode.HALF_UP);
                        })
                    .reversed()
                    .thenComparing(county -> county))
            .toList();
    String ranking =
        "/statistics/rates/ranking?rate=TIMELY_ACCEPTANCE&region=5325&from=" + FROM + "&to=" + TO;
    given()
        .auth()
        .oauth2(prefecture)
        .header("Accept", "*/*")
        .when()
        .get(ranking)
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.containsString("application/json"))
        .body("label", equalTo("及时受理率"))
        .body("formulaVersion", equalTo("timely-acceptance/v2"))
        .body("minimumCases", equalTo(10))
        .body("rows.code", equalTo(best))
        .body("rows[0].rank", equalTo(1));
    // issue 31, item 7: a county with fewer cases than the floor is listed, not ranked: with the
    // floor at the largest county's count, only that county is ranked, the others follow by code
    Map<String, Long> counted =
        COUNTIES.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    county -> county,
                    county ->
                        expected(cases, c -> c.county().equals(county))
                            .get("TIMELY_ACCEPTANCE")[1]));
    long most = java.util.Collections.max(counted.values());
    List<String> rankedFirst = best.stream().filter(county -> counted.get(county) == most).toList();
    List<String> listedAfter =
        COUNTIES.stream().filter(county -> counted.get(county) < most).sorted().toList();
    assertEquals(
        false, listedAfter.isEmpty(), "the generated counties differ in cases: " + counted);
    given()
        .auth()
        .oauth2(prefecture)
        .queryParam("minimumCases", most)
        .when()
        .get(ranking)
        .then()
        .statusCode(200)
        .body("minimumCases", equalTo((int) most))
        .body(
            "rows.code",
            equalTo(
                java.util.stream.Stream.concat(rankedFirst.stream(), listedAfter.stream())
                    .toList()))
        .body("rows.findAll { it.rank == null }.code", equalTo(listedAfter))
        .body("rows[0].rank", equalTo(1));
    given()
        .auth()
        .oauth2(prefecture)
        .queryParam("minimumCases", 0)
        .when()
        .get(ranking)
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.containsString("minimumCases"));
    String csv =
        given()
            .auth()
            .oauth2(prefecture)
            .accept("text/csv")
            .when()
            .get(ranking)
            .then()
            .statusCode(200)
            .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertEquals("\uFEFF排名,地区代码,地区,及时受理率,分子,分母,公式版本,备注", lines.get(0));
    assertEquals(4, lines.size());
    assertEquals(true, lines.get(1).startsWith("1," + best.get(0) + ","), lines.get(1));

    // the departments of 个旧市 ranked by 按期办结率, as JSON and as CSV
    String gejiu = "532501";
    List<String> bestUnits =
        DEPARTMENTS.stream()
            .map(d -> gejiu + ":" + d)
            .sorted(
                java.util.Comparator.comparing(
                        (String unit) -> {
                          long[] r =
                              expected(cases, c -> c.unit().equals(unit)).get("ON_TIME_REPLY");
                          return BigDecimal.valueOf(r[0])
                              .divide(BigDecimal.valueOf(r[1]), 4, RoundingMode.HALF_UP);
                        })
                    .reversed()
                    .thenComparing(unit -> unit))
            .toList();
    JsonPath units =
        given()
            .auth()
            .oauth2(prefecture)
            .queryParam("region", gejiu)
            .queryParam("period", "2026-11")
            .when()
            .get("/statistics/rates/by-unit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    for (String department : DEPARTMENTS) {
      String unit = gejiu + ":" + department;
      Map<String, long[]> expectedOfUnit = expected(cases, c -> c.unit().equals(unit));
      expectedOfUnit.remove("REPEAT_PETITIONS"); // a petition names no unit
      assertRates(expectedOfUnit, units, unit, "children.find { it.code == '" + unit + "' }.");
    }
    assertEquals(
        "个旧市人力资源和社会保障局", units.getString("children.find { it.code == '532501:rsj' }.name"));
    assertEquals(
        List.of(
            "TIMELY_ACCEPTANCE",
            "ON_TIME_REPLY",
            "EVALUATION_PARTICIPATION",
            "SATISFACTION",
            "TIMELY_ASSISTANCE"),
        units.getList("children[0].rates.rate"),
        "no repeat rate per unit");
    String unitRanking =
        "/statistics/rates/ranking?rate=ON_TIME_REPLY&of=UNIT&region="
            + gejiu
            + "&period=2026-11&minimumCases=1";
    given()
        .auth()
        .oauth2(prefecture)
        .accept("application/json")
        .when()
        .get(unitRanking)
        .then()
        .statusCode(200)
        .body("of", equalTo("UNIT"))
        .body("rows.code", equalTo(bestUnits));
    List<String> unitCsv =
        given()
            .auth()
            .oauth2(prefecture)
            .accept("text/csv")
            .when()
            .get(unitRanking)
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .lines()
            .toList();
    assertEquals("\uFEFF排名,单位代码,单位,按期办结率,分子,分母,公式版本,备注", unitCsv.get(0));
    assertEquals(true, unitCsv.get(1).startsWith("1," + bestUnits.get(0) + ","), unitCsv.get(1));
    given()
        .auth()
        .oauth2(prefecture)
        .accept("application/json")
        .when()
        .get(unitRanking.replace("ON_TIME_REPLY", "REPEAT_PETITIONS"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("rate"));

    // the cases behind a bucket: the late acceptances of 个旧市, in the order they fell due
    List<String> late =
        cases.stream()
            .filter(
                c ->
                    c.county().equals("532501")
                        && in(c.acceptDue())
                        && c.acceptDone() != null
                        && c.acceptDone().isAfter(c.acceptDue()))
            .sorted(
                java.util.Comparator.comparing(Generated::acceptDue)
                    .thenComparing(Generated::number))
            .map(Generated::number)
            .toList();
    JsonPath listed =
        given()
            .auth()
            .oauth2(prefecture)
            .queryParam("bucket", "LATE")
            .queryParam("region", "532501")
            .queryParam("from", FROM.toString())
            .queryParam("to", TO.toString())
            .when()
            .get("/statistics/rates/TIMELY_ACCEPTANCE/cases")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(late, listed.getList("cases.caseNumber"));
    assertEquals(
        cases.stream()
            .filter(c -> late.get(0).equals(c.number()))
            .findFirst()
            .orElseThrow()
            .acceptDue()
            .toString(),
        listed.getString("cases[0].day"));

    // every bucket of every rate lists as many facts as its figure counts, for a city (walked in
    // the period's order) and for a county (its subtree read first)
    for (String listedRegion : List.of("5325", "532501")) {
      JsonPath whole5325 = sheet(prefecture, listedRegion).statusCode(200).extract().jsonPath();
      for (String rate : whole.keySet()) {
        Map<String, Integer> buckets =
            whole5325.getMap("rates.find { it.rate == '" + rate + "' }.buckets");
        for (Map.Entry<String, Integer> bucket : buckets.entrySet()) {
          int listedFacts =
              given()
                  .auth()
                  .oauth2(prefecture)
                  .queryParam("bucket", bucket.getKey())
                  .queryParam("region", listedRegion)
                  .queryParam("from", FROM.toString())
                  .queryParam("to", TO.toString())
                  .queryParam("limit", 5000)
                  .when()
                  .get("/statistics/rates/" + rate + "/cases")
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath()
                  .getList("cases")
                  .size();
          assertEquals(
              bucket.getValue().intValue(),
              listedFacts,
              listedRegion + " " + rate + " " + bucket.getKey());
        }
      }
    }

    sheet(prefecture, "5325")
        .body("asOf", equalTo(TODAY.toString()))
        .body("rates.find { it.rate == 'SATISFACTION' }.formulaVersion", equalTo("satisfaction/v2"))
        .body("rates.find { it.rate == 'SATISFACTION' }.label", equalTo("满意率"));
  }

  private static KafkaProbe.Outgoing backlog(
      String id, String number, String listed, String crossedOff, boolean crossing) {
    String caseId = UUID.nameUUIDFromBytes(number.getBytes()).toString();
    return Events.of(
        caseId,
        number,
        new BacklogChanged(
            id,
            caseId,
            number,
            "532801",
            "5328",
            List.of("OVERDUE"),
            LocalDate.parse(listed),
            LocalDate.parse("2027-03-31"),
            crossing ? BacklogChanged.Change.CROSSED_OFF : BacklogChanged.Change.LISTED,
            crossing ? "PROBLEM_SOLVED" : null,
            LocalDate.parse(crossing ? crossedOff : listed),
            "532801:rsj",
            false,
            "5328"));
  }

  /**
   * 协办 (issue 31, item 1): the assisting units' contributions make their own rate, per unit, and
   * none of the lead's: a late one is the assisting unit's, one withdrawn by its day nobody's.
   */
  @Test
  void assistingUnitsHaveTheirOwnRateApartFromTheLeads() throws Exception {
    clock.setToday(TODAY);
    String id = UUID.randomUUID().toString();
    String number = "530902-20261102-00001";
    String lead = "530902:gaj";
    LocalDate accepted = LocalDate.parse("2026-11-02");
    LocalDate asked = LocalDate.parse("2026-11-03");
    kafka.sendAll(
        Topics.CASE_EVENTS,
        List.of(
            assistance(
                id,
                number,
                "ACCEPTED",
                accepted,
                List.of(),
                List.of(
                    new CaseProgressed.OpenedStep(
                        Step.HANDLE, lead, "530902", accepted, LocalDate.parse("2027-01-04")))),
            assistance(
                id,
                number,
                "ASSISTANCE_REQUESTED",
                asked,
                List.of(),
                List.of(
                    asks("530902:zjj", asked, "2026-11-20"),
                    asks("530902:rsj", asked, "2026-11-13"),
                    asks("530902:zrzy", asked, "2026-11-25"))),
            assistance(
                id,
                number,
                "ASSISTANCE_GIVEN",
                LocalDate.parse("2026-11-18"),
                List.of(answered("530902:zjj", "2026-11-20", "2026-11-18", null)),
                List.of()),
            assistance(
                id,
                number,
                "ASSISTANCE_WITHDRAWN",
                LocalDate.parse("2026-11-16"),
                List.of(answered("530902:rsj", "2026-11-13", "2026-11-16", null)),
                List.of()),
            assistance(
                id,
                number,
                "ASSISTANCE_WITHDRAWN",
                LocalDate.parse("2026-11-17"),
                List.of(answered("530902:zrzy", "2026-11-25", "2026-11-17", true)),
                List.of())));
    String lincang = TestTokens.token("lincang-office", "5309:xfj", "5309", "joint-office");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(lincang)
                    .queryParam("region", "530902")
                    .queryParam("period", "2026-11")
                    .when()
                    .get("/statistics/rates")
                    .then()
                    .statusCode(200)
                    .body("rates.find { it.rate == 'TIMELY_ASSISTANCE' }.numerator", equalTo(1))
                    .body("rates.find { it.rate == 'TIMELY_ASSISTANCE' }.denominator", equalTo(2))
                    .body("rates.find { it.rate == 'TIMELY_ASSISTANCE' }.label", equalTo("协办按期率"))
                    .body("rates.find { it.rate == 'ON_TIME_REPLY' }.denominator", equalTo(0)));
    JsonPath units =
        given()
            .auth()
            .oauth2(lincang)
            .queryParam("region", "530902")
            .queryParam("period", "2026-11")
            .when()
            .get("/statistics/rates/by-unit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String of = "children.find { it.code == '%s' }.rates.find { it.rate == 'TIMELY_ASSISTANCE' }.";
    assertEquals(1, units.getInt(of.formatted("530902:zjj") + "numerator"));
    assertEquals(1, units.getInt(of.formatted("530902:zjj") + "denominator"));
    assertEquals(0, units.getInt(of.formatted("530902:rsj") + "numerator"));
    assertEquals(1, units.getInt(of.formatted("530902:rsj") + "denominator"));
    assertEquals(
        List.of(),
        units.getList("children.findAll { it.code == '530902:zrzy' || it.code == '" + lead + "' }"),
        "a request withdrawn by its day counts for nobody, and the lead owes no contribution");
  }

  /** A step of a 协办 case of 临翔区, as intake would send it. */
  private static KafkaProbe.Outgoing assistance(
      String id,
      String number,
      String transition,
      LocalDate on,
      List<CaseProgressed.ClosedStep> closed,
      List<CaseProgressed.OpenedStep> opened)
      throws Exception {
    return Events.of(
        id,
        number,
        new CaseProgressed(
            id,
            number,
            transition,
            "ACCEPTED",
            "APPEAL",
            "LETTER",
            "0201",
            "530902001",
            "530902:gaj",
            "530902",
            "FORWARD",
            null,
            on,
            on.atStartOfDay().toInstant(ZoneOffset.UTC),
            closed,
            opened));
  }

  private static CaseProgressed.OpenedStep asks(String unit, LocalDate on, String due) {
    return new CaseProgressed.OpenedStep(Step.ASSIST, unit, "530902", on, LocalDate.parse(due));
  }

  private static CaseProgressed.ClosedStep answered(
      String unit, String due, String done, Boolean withdrawn) {
    LocalDate dueOn = LocalDate.parse(due);
    LocalDate doneOn = LocalDate.parse(done);
    return new CaseProgressed.ClosedStep(
        Step.ASSIST,
        dueOn,
        doneOn,
        !doneOn.isAfter(dueOn) && withdrawn == null,
        null,
        withdrawn,
        unit);
  }

  @Test
  void backlogResolutionCountsTheEntriesOnTheListInThePeriod() {
    String a = UUID.randomUUID().toString();
    String b = UUID.randomUUID().toString();
    String c = UUID.randomUUID().toString();
    String d = UUID.randomUUID().toString();
    String e = UUID.randomUUID().toString();
    kafka.sendAll(
        Topics.SUPERVISION_EVENTS,
        List.of(
            backlog(a, "532801-A", "2026-10-01", null, false),
            backlog(a, "532801-A", "2026-10-01", "2026-11-10", true), // resolved in November
            backlog(b, "532801-B", "2026-11-05", null, false), // open
            backlog(c, "532801-C", "2026-10-01", null, false),
            backlog(c, "532801-C", "2026-10-01", "2026-10-20", true), // off before November
            backlog(d, "532801-D", "2026-12-02", null, false), // listed after
            backlog(e, "532801-E", "2026-11-20", null, false),
            backlog(e, "532801-E", "2026-11-20", "2026-12-03", true))); // resolved after
    String xishuangbanna =
        TestTokens.token("xishuangbanna-office", "5328:xfj", "5328", "joint-office");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(xishuangbanna)
                    .queryParam("region", "5328")
                    .queryParam("period", "2026-11")
                    .when()
                    .get("/statistics/rates")
                    .then()
                    .statusCode(200)
                    .body("rates.find { it.rate == 'BACKLOG_RESOLUTION' }.numerator", equalTo(1))
                    .body("rates.find { it.rate == 'BACKLOG_RESOLUTION' }.denominator", equalTo(3))
                    .body(
                        "rates.find { it.rate == 'BACKLOG_RESOLUTION' }.label", equalTo("积案化解率")));
    given()
        .auth()
        .oauth2(xishuangbanna)
        .queryParam("bucket", "UNRESOLVED")
        .queryParam("region", "5328")
        .queryParam("period", "2026-11")
        .when()
        .get("/statistics/rates/BACKLOG_RESOLUTION/cases")
        .then()
        .statusCode(200)
        .body("cases.caseNumber", equalTo(List.of("532801-B", "532801-E")));
  }

  @Test
  void aCallerSeesOnlyItsSubtreeAndBadQuestionsAreRefusedWithTheField() {
    String county = TestTokens.token("gejiu-supervisor", "532501:xfj", "532501", "supervisor");
    sheet(county, "532502").statusCode(403).contentType("application/problem+json");
    sheet(county, "5325").statusCode(403);
    sheet(county, "53250").statusCode(400).body("errors[0].field", equalTo("region"));
    given()
        .auth()
        .oauth2(county)
        .queryParam("region", "532501")
        .queryParam("from", "2026-11-30")
        .queryParam("to", "2026-11-01")
        .when()
        .get("/statistics/rates")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("to"));
    String cases =
        "/statistics/rates/%s/cases?bucket=%s&region=532501&from=2026-11-01&to=2026-11-30";
    given()
        .auth()
        .oauth2(county)
        .when()
        .get(cases.formatted("TIMELY_ACCEPTANCE", "SATISFIED"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("bucket"));
    given()
        .auth()
        .oauth2(county)
        .when()
        .get(cases.formatted("HAPPINESS", "LATE"))
        .then()
        .statusCode(400);
    String handler = TestTokens.token("gejiu-rsj", "532501:rsj", "532501", "handler");
    sheet(handler, "532501").statusCode(403);
  }
}
