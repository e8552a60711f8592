package cn.gov.petition.supervision;

import static cn.gov.petition.contracts.Step.ACCEPT;
import static cn.gov.petition.contracts.Step.HANDLE;
import static cn.gov.petition.supervision.Calls.get;
import static cn.gov.petition.supervision.CaseEvents.progress;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.petition.supervision.store.ClockTallies;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import cn.gov.petition.testing.TestClock;
import cn.gov.petition.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 日分析、周排名 of 楚雄州 (5323, this test's own) in ISO week 2026-W49 (11-30 to 12-06): 楚雄市人社局 does two
 * steps on time and one late, 双柏县住建局 one on time and lets one fall overdue.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class DailyAndWeeklyTest {

  @Inject TestClock clock;
  @Inject DeadlineWatch watch;
  @Inject ClockTallies tallies;

  private final String prefecture =
      TestTokens.token("chuxiong-office", "5323:xfj", "5323", "joint-office");
  private final String county =
      TestTokens.token("chuxiongshi-supervisor", "532301:xfj", "532301", "supervisor");

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** A case whose unit must accept by {@code dueOn}; returns its id. */
  private static String owed(String unit, String dueOn) {
    String caseId = UUID.randomUUID().toString();
    progress(caseId, "FORWARDED").unit(unit).on("2026-11-20").opens(ACCEPT, dueOn).send();
    return caseId;
  }

  private static void accepted(String caseId, String unit, String dueOn, String on) {
    progress(caseId, "ACCEPTED")
        .unit(unit)
        .on(on)
        .closes(ACCEPT, dueOn)
        .opens(HANDLE, "2027-02-01")
        .send();
  }

  @Test
  void theDayAndTheWeekRankUnitsAndRegionsByStepsDoneOnTime() {
    clock.setToday(LocalDate.parse("2026-11-30"));
    String a = owed("532301:rsj", "2026-12-04");
    String b = owed("532301:rsj", "2026-12-04");
    String c = owed("532301:rsj", "2026-12-01");
    String d = owed("532322:zjj", "2026-12-04");
    owed("532322:zjj", "2026-12-02");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                get(prefecture, "/dashboard/deadlines")
                    .statusCode(200)
                    .body("total.open", equalTo(5)));

    accepted(a, "532301:rsj", "2026-12-04", "2026-12-02");
    accepted(b, "532301:rsj", "2026-12-04", "2026-12-02");
    accepted(d, "532322:zjj", "2026-12-04", "2026-12-02");
    accepted(c, "532301:rsj", "2026-12-01", "2026-12-03"); // late: fell overdue on 12-02
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                get(prefecture, "/dashboard/weekly?week=2026-W49")
                    .statusCode(200)
                    .body("total.onTime", equalTo(3))
                    .body("total.late", equalTo(1)));
    tallies.compact();
    clock.setToday(LocalDate.parse("2026-12-03"));
    watch.sweep(); // 双柏县住建局's step due 12-02 falls overdue (on 12-03)

    get(prefecture, "/dashboard/daily?date=2026-12-02")
        .statusCode(200)
        .body("period", equalTo("2026-12-02"))
        .body("total.onTime", equalTo(3))
        .body("total.fellOverdue", equalTo(1))
        .body("children.code", equalTo(List.of("532322", "532301")))
        .body("children[1].name", equalTo("楚雄市"))
        .body("children[1].onTime", equalTo(2))
        .body("children[1].fellOverdue", equalTo(1));

    get(prefecture, "/dashboard/weekly?week=2026-W49")
        .statusCode(200)
        .body("from", equalTo("2026-11-30"))
        .body("to", equalTo("2026-12-06"))
        .body("total.onTime", equalTo(3))
        .body("total.late", equalTo(1))
        .body("total.fellOverdue", equalTo(2))
        .body("total.onTimeRate", equalTo(0.75f))
        .body("children", hasSize(2))
        .body("children[0].code", equalTo("532322"))
        .body("children[0].rank", equalTo(1))
        .body("children[0].onTimeRate", equalTo(1.0f))
        .body("children[1].code", equalTo("532301"))
        .body("children[1].rank", equalTo(2))
        .body("children[1].onTimeRate", equalTo(0.6667f));

    get(county, "/dashboard/weekly?week=2026-W49")
        .statusCode(200)
        .body("ownUnits", hasSize(1))
        .body("ownUnits[0].name", equalTo("楚雄市人力资源和社会保障局"))
        .body("ownUnits[0].late", equalTo(1))
        .body("children", hasSize(0));
    get(county, "/dashboard/weekly?week=2026-W48")
        .statusCode(200)
        .body("total.onTimeRate", nullValue());
    get(county, "/dashboard/weekly?week=2026-W49&region=532322").statusCode(403);
  }

  @Test
  void badPeriodsAreRefusedWithTheField() {
    get(prefecture, "/dashboard/weekly?week=2026-W60")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("week"));
    get(prefecture, "/dashboard/weekly?week=2026-49")
        .statusCode(400)
        .body("errors[0].field", equalTo("week"));
    get(prefecture, "/dashboard/weekly").statusCode(400);
    get(prefecture, "/dashboard/daily").statusCode(400);
    get(prefecture, "/dashboard/daily?date=2026-13-01")
        .statusCode(422)
        .body("errors[0].field", equalTo("date"));
    get(prefecture, "/dashboard/daily?date=1.12.2026").statusCode(400);
    get(prefecture, "/dashboard/daily?date=2026-12-01&region=532").statusCode(400);
  }
}
