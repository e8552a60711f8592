package cn.gov.petition.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.events.CaseRegistered;
import cn.gov.petition.common.events.RoutingDecided;
import cn.gov.petition.common.reference.DivisionTable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RouterTest {

  private static final DivisionTable DIVISIONS = DivisionTable.national();
  private final Router router =
      new Router(DIVISIONS, Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC));

  private static CaseRegistered registered(String matterRegion, int persons) {
    return new CaseRegistered(
        "c-1",
        "530302-20261124-00001",
        "LETTER",
        "APPEAL",
        matterRegion,
        "0105",
        "530302:xfj",
        LocalDate.of(2026, 11, 23),
        Instant.parse("2026-11-24T01:00:00Z"),
        persons,
        "SEEK_SOLUTION",
        "DIRECT",
        persons >= 5,
        null);
  }

  @Test
  void theNationalTableHasAllFourLevels() {
    assertEquals("云南省", DIVISIONS.find("53").orElseThrow().name());
    assertEquals("曲靖市", DIVISIONS.find("5303").orElseThrow().name());
    assertEquals("麒麟区", DIVISIONS.find("530302").orElseThrow().name());
    assertEquals(31 + 342 + 2978 + 41352, DIVISIONS.size());
  }

  @Test
  void aTownshipMatterGoesToItsCountyPetitionBureau() {
    RoutingDecided decision = router.decide(registered("530302001", 1));
    assertEquals("530302:xfj", decision.unitCode());
    assertEquals("麒麟区信访局", decision.unitName());
    assertEquals("530302", decision.regionCode());
    assertEquals("FORWARD", decision.mode());
    assertTrue(decision.explanation().contains("云南省 › 曲靖市 › 麒麟区"), decision.explanation());
  }

  @Test
  void fiveOrMorePeopleTogetherAreAssignedWithAReport() {
    RoutingDecided decision = router.decide(registered("530302001", 5));
    assertEquals("ASSIGN", decision.mode());
    assertTrue(decision.explanation().contains("5 人集体信访"), decision.explanation());
  }

  @Test
  void anUnknownCountyFallsBackToTheNearestKnownDivision() {
    RoutingDecided decision = router.decide(registered("530399", 1));
    assertEquals("5303:xfj", decision.unitCode());
    assertEquals("曲靖市信访局", decision.unitName());
  }
}
