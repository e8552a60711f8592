package cn.gov.petition.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.contracts.RoutingRequested;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {

  private static final DivisionTable DIVISIONS = DivisionTable.national();
  private final Router router =
      new Router(
          DIVISIONS,
          Units.standard(DIVISIONS),
          Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC));

  /** A rule set written for the test, in the shape of the seeded one. */
  private static final RuleSet RULES =
      new RuleSet(
          7,
          LocalDate.of(2026, 1, 1),
          List.of(
              new AuthorityRule(1, "*", "*", "zf", null, "其他事项：属地人民政府"),
              new AuthorityRule(2, "01", "*", "zjj", null, "城乡建设"),
              new AuthorityRule(3, "0103", "*", "zf", null, "物业管理：街道先行处理"),
              new AuthorityRule(4, "12", "*", "jrj", Division.Level.CITY, "金融：市级以上"),
              new AuthorityRule(5, "0103", "SUGGESTION", "zjj", null, "物业管理建议：住建部门")));

  private RoutingDecided decide(RoutingRequested request) {
    return router.decide(request, RULES).decision();
  }

  private static RoutingRequested registered(String matterRegion, int persons) {
    return request(matterRegion, persons, "APPEAL", null, List.of());
  }

  @Test
  void aThreeCrossCaseIsHandledWhereTheMatterIsAndThePetitionersPlacesAreInformed() {
    RoutingRequested r = registered("530302001", 1);
    RoutingDecided decision =
        decide(
            new RoutingRequested(
                r.caseId(),
                r.caseNumber(),
                r.channel(),
                r.petitionClass(),
                r.purpose(),
                r.matterRegionCode(),
                r.category(),
                r.registeringUnit(),
                r.personCount(),
                r.collective(),
                r.repeatOf(),
                r.accused(),
                // lives in 沾益区 (530303001), registered in 宣威市 (530381), and once in 麒麟区
                List.of("530303001", "530381", "530302002")));
    assertEquals("530302:zjj", decision.unitCode(), "handled where the matter is");
    assertEquals(List.of("530303:xfj", "530381:xfj"), decision.informed());
    assertTrue(decision.explanation().contains("三跨"), decision.explanation());
    assertTrue(decision.explanation().contains("沾益区信访局"), decision.explanation());
    assertTrue(decision.explanation().contains("宣威市信访局"), decision.explanation());
    assertEquals(List.of(), decide(registered("530302001", 1)).informed(), "not three-cross");
  }

  private static RoutingRequested about(String category, String petitionClass) {
    RoutingRequested r = registered("530302001", 1);
    return new RoutingRequested(
        r.caseId(),
        r.caseNumber(),
        r.channel(),
        petitionClass,
        r.purpose(),
        r.matterRegionCode(),
        category,
        r.registeringUnit(),
        r.personCount(),
        r.collective(),
        r.repeatOf(),
        r.accused(),
        r.petitionerRegions());
  }

  private static RoutingRequested request(
      String matterRegion,
      int persons,
      String petitionClass,
      String repeatOf,
      List<RoutingRequested.AccusedUnit> accused) {
    return new RoutingRequested(
        "c-1",
        "530302-20261124-00001",
        "LETTER",
        petitionClass,
        "SEEK_SOLUTION",
        matterRegion,
        "0105",
        "530302:xfj",
        persons,
        persons >= 5,
        repeatOf,
        accused,
        List.of("530302001"));
  }

  private static RoutingRequested accusation(RoutingRequested.AccusedUnit... accused) {
    return request("530302001", 1, "ACCUSATION", null, List.of(accused));
  }

  @Test
  void theNationalTableHasAllFourLevels() {
    assertEquals("云南省", DIVISIONS.find("53").orElseThrow().name());
    assertEquals("曲靖市", DIVISIONS.find("5303").orElseThrow().name());
    assertEquals("麒麟区", DIVISIONS.find("530302").orElseThrow().name());
    assertEquals(31 + 342 + 2978 + 41352, DIVISIONS.size());
  }

  @Test
  void aMatterGoesToTheLowestLevelThatHasTheDepartmentTheRuleNames() {
    RoutingDecided decision = decide(registered("530302001", 1)); // 0105 供暖
    assertEquals("530302:zjj", decision.unitCode());
    assertEquals("麒麟区住房和城乡建设局", decision.unitName());
    assertEquals("530302", decision.regionCode());
    assertEquals("FORWARD", decision.mode());
    assertEquals("authority-7", decision.ruleVersion());
    assertTrue(decision.explanation().contains("云南省 › 曲靖市 › 麒麟区"), decision.explanation());
    assertTrue(decision.explanation().contains("第 2 条"), decision.explanation());
    assertTrue(
        decision.explanation().contains("南宁街道未设住房和城乡建设部门"),
        "why not the township: " + decision.explanation());
  }

  /**
   * Issue 31, item 3: the decision says what it passed over and why: the less specific rules, the
   * levels below the unit without the department, the levels above that have it.
   */
  @Test
  void aDecisionNamesThePlaceTheRulesAndTheLevelsItPassedOverAndWhy() {
    Router.Routed routed = router.decide(registered("530302001", 1), RULES); // 0105 供暖
    assertEquals(
        List.of("53", "5303", "530302", "530302001"),
        router.placeOf("530302001").stream().map(Division::code).toList());
    assertEquals(2, routed.rule().id());
    assertTrue(
        routed
            .alternatives()
            .contains(new Alternative(Alternative.Kind.LEVEL, "530302001", "南宁街道", "未设住房和城乡建设部门")),
        routed.alternatives().toString());
    // the catch-all also covered it, less specifically; rule 3 (0103) and 4 (12) did not
    List<String> rules =
        routed.alternatives().stream()
            .filter(a -> a.kind() == Alternative.Kind.RULE)
            .map(Alternative::code)
            .toList();
    assertEquals(List.of("1"), rules);
    // the city and the province have the department too: the lowest level handles it
    List<String> above =
        routed.alternatives().stream()
            .filter(a -> a.kind() == Alternative.Kind.LEVEL && a.reason().startsWith("设有"))
            .map(Alternative::code)
            .toList();
    assertEquals(List.of("5303", "53"), above);
  }

  @Test
  void aCaseNoUnitOnItsPlaceCanTakeIsNotPlacedAndSaysWhy() {
    RuleSet broken =
        new RuleSet(
            8,
            LocalDate.of(2026, 1, 1),
            List.of(new AuthorityRule(1, "*", "*", "nosuch", null, "无此部门")));
    Router.Unplaceable unplaceable =
        org.junit.jupiter.api.Assertions.assertThrows(
            Router.Unplaceable.class, () -> router.decide(registered("530302001", 1), broken));
    assertTrue(unplaceable.getMessage().contains("各层级均未设"), unplaceable.getMessage());
    assertEquals(4, unplaceable.alternatives().size(), unplaceable.alternatives().toString());
    assertEquals(4, router.placeOf("530302001").size());

    RuleSet none = new RuleSet(9, LocalDate.of(2026, 1, 1), List.of());
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                Router.Unplaceable.class, () -> router.decide(registered("530302001", 1), none))
            .getMessage()
            .contains("没有适用于该事项的规则"));
  }

  @Test
  void theMostSpecificRuleWinsAndSmallMattersStayInTheTownship() {
    RoutingDecided property = decide(about("0103", "APPEAL"));
    assertEquals("530302001:zf", property.unitCode());
    assertEquals("南宁街道办事处", property.unitName());
    assertEquals("530302:zjj", decide(about("0103", "SUGGESTION")).unitCode(), "class beats *");
    assertEquals("530302001:zf", decide(about("9901", "APPEAL")).unitCode(), "* for the rest");
  }

  @Test
  void aRuleCanKeepAMatterAtOrAboveALevel() {
    RoutingDecided decision = decide(about("1201", "APPEAL"));
    assertEquals("5303:jrj", decision.unitCode());
    assertTrue(decision.explanation().contains("市级以上办理"), decision.explanation());
  }

  @Test
  void fiveOrMorePeopleTogetherAreAssignedWithAReport() {
    RoutingDecided decision = decide(registered("530302001", 5));
    assertEquals("ASSIGN", decision.mode());
    assertTrue(decision.explanation().contains("5 人集体信访"), decision.explanation());
  }

  @Test
  void anUnknownCountyFallsBackToTheNearestKnownDivision() {
    RoutingDecided decision = decide(registered("530399", 1));
    assertEquals("5303:zjj", decision.unitCode());
    assertEquals("曲靖市住房和城乡建设局", decision.unitName());
  }

  @Test
  void aRepeatPetitionIsAssigned() {
    RoutingDecided decision =
        decide(
            request("530302001", 1, "APPEAL", "0b0f3c1e-2d4a-4f6b-9c8d-1e2f3a4b5c6d", List.of()));
    assertEquals("ASSIGN", decision.mode());
    assertTrue(decision.explanation().contains("重复信访"), decision.explanation());
  }

  @Test
  void anAccusationAgainstAUnitGoesToTheDisciplineBodyOfItsLevelNeverToTheUnit() {
    RoutingDecided decision =
        decide(accusation(new RoutingRequested.AccusedUnit("530302:zjj", false)));
    assertEquals("530302:jw", decision.unitCode());
    assertEquals("麒麟区纪委监委", decision.unitName());
    assertEquals(Router.ACCUSATION_RULE_VERSION, decision.ruleVersion());
    assertEquals(List.of("530302:zjj"), decision.excluded());
    assertTrue(decision.explanation().contains("不转送被反映单位"), decision.explanation());
  }

  @Test
  void anAccusationNeverGoesToABodyInsideTheAccusedUnitsDepartment() {
    // a township's 纪工委 is part of the township's own leadership (units/departments.csv)
    RoutingDecided decision =
        decide(accusation(new RoutingRequested.AccusedUnit("530302001:zf", false)));
    assertEquals("530302:jw", decision.unitCode());
    assertEquals(List.of("530302001:zf", "530302001:jw"), decision.excluded());
    assertTrue(decision.explanation().contains("南宁街道纪工委属被反映单位所在部门，提级办理"), decision.explanation());
    List<Alternative> passedOver =
        router
            .decide(accusation(new RoutingRequested.AccusedUnit("530302001:zf", false)), RULES)
            .alternatives();
    assertEquals(
        List.of(
            new Alternative(Alternative.Kind.UNIT, "530302001:zf", "南宁街道办事处", "被反映单位，不转送（第三十条）"),
            new Alternative(
                Alternative.Kind.UNIT, "530302001:jw", "南宁街道纪工委", "属被反映单位所在部门，不转送（第三十条）"),
            new Alternative(Alternative.Kind.LEVEL, "530302001", "南宁街道", "属被反映单位所在部门，提级办理")),
        passedOver);
  }

  /**
   * Issue 31, item 4: an accused unit whose name in words named no unit (intake's UnitNames) is
   * ruled out by nothing: the case goes to the discipline body of the matter's county, one level up
   * for a leader, and the explanation says why.
   */
  @Test
  void anAccusationAgainstAUnitNoOneCouldTellGoesToTheCountysDisciplineBody() {
    RoutingDecided decision = decide(accusation(new RoutingRequested.AccusedUnit(null, false)));
    assertEquals("530302:jw", decision.unitCode());
    assertEquals(List.of(), decision.excluded());
    assertTrue(decision.explanation().contains("未能从所填名称确定"), decision.explanation());

    RoutingDecided leader =
        decide(
            accusation(
                new RoutingRequested.AccusedUnit(null, true),
                new RoutingRequested.AccusedUnit("530302001:zf", false)));
    assertEquals("5303:jw", leader.unitCode());
    assertEquals(List.of("530302001:zf", "530302001:jw"), leader.excluded());
  }

  @Test
  void anAccusationAgainstALeaderGoesOneLevelUp() {
    RoutingDecided decision =
        decide(accusation(new RoutingRequested.AccusedUnit("530302:zjj", true)));
    assertEquals("5303:jw", decision.unitCode());
    assertEquals("曲靖市纪委监委", decision.unitName());
    assertTrue(decision.explanation().contains("主要领导"), decision.explanation());
  }

  @Test
  void anAccusationAgainstTheDisciplineBodyItselfGoesOneLevelUp() {
    RoutingDecided decision =
        decide(accusation(new RoutingRequested.AccusedUnit("530302:jw", false)));
    assertEquals("5303:jw", decision.unitCode());
  }

  @Test
  void anAccusationAgainstSeveralUnitsGoesToTheHighestBodyAnyOfThemNeeds() {
    RoutingDecided decision =
        decide(
            accusation(
                new RoutingRequested.AccusedUnit("530302001:zf", false),
                new RoutingRequested.AccusedUnit("530302:gaj", false)));
    assertEquals("530302:jw", decision.unitCode());
    assertEquals("麒麟区纪委监委", decision.unitName());
  }

  @Test
  void aVisitRegisteredTwoLevelsAboveTheUnitWithAuthorityIsFlaggedAndAssigned() {
    RoutingDecided atTheProvince = decide(visit("53:xfj"));
    assertEquals("530302:zjj", atTheProvince.unitCode());
    assertTrue(atTheProvince.escalated(), "province over county: 越级");
    assertEquals("ASSIGN", atTheProvince.mode());
    assertTrue(atTheProvince.explanation().contains("越级走访"), atTheProvince.explanation());
    assertTrue(atTheProvince.explanation().contains("第二十条"), atTheProvince.explanation());

    assertFalse(decide(visit("5303:xfj")).escalated(), "one level above is allowed (Art 20)");
    RoutingDecided letter = decide(about("0105", "APPEAL"));
    assertFalse(letter.escalated(), "only visits are 越级");
  }

  private static RoutingRequested visit(String registeringUnit) {
    RoutingRequested r = registered("530302001", 1);
    return new RoutingRequested(
        r.caseId(),
        r.caseNumber(),
        "VISIT",
        r.petitionClass(),
        r.purpose(),
        r.matterRegionCode(),
        r.category(),
        registeringUnit,
        r.personCount(),
        r.collective(),
        r.repeatOf(),
        r.accused(),
        r.petitionerRegions());
  }
}
