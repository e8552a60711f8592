package cn.gov.petition.routing;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.contracts.RoutingRequested;
import cn.gov.petition.contracts.RoutingRequested.AccusedUnit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 属地管理、分级负责: picks the unit with authority over a registered case, and explains why.
 *
 * <ul>
 *   <li>The authority rules in effect ({@link RuleSet}, data): the most specific rule for the
 *       case's category and class names a department; the unit is that department's at the lowest
 *       level of the matter's place that has one (小事不出村、大事不出镇), not below the rule's minimum level.
 *       交办 (with a deadline and a closing report) for collective petitions and repeats, 转送
 *       otherwise.
 *   <li>Rule {@value #ACCUSATION_RULE_VERSION}, 检举控告 (Art 30): to the discipline body (纪委监委) at the
 *       accused unit's level, one level up when the accused leads that level, and never to an
 *       accused unit nor to the discipline body the accused itself is (then one level up). An
 *       accused unit no one could tell from its name in words (no code) rules nothing out: the
 *       matter's county's discipline body (ADR 38).
 * </ul>
 */
public class Router {

  public static final String ACCUSATION_RULE_VERSION = "accusation-1";

  /** Department code of the discipline inspection and supervision body (纪委监委). */
  static final String DISCIPLINE = Units.DISCIPLINE;

  private final DivisionTable divisions;
  private final Units units;
  private final Clock clock;

  public Router(DivisionTable divisions, Units units, Clock clock) {
    this.divisions = divisions;
    this.units = units;
    this.clock = clock;
  }

  /**
   * The decision, with the rule that made it (null for an accusation's fixed rule) and what was
   * passed over and why.
   */
  public record Routed(
      RoutingDecided decision, AuthorityRule rule, List<Alternative> alternatives) {}

  /**
   * 无法确定: no unit can be chosen by the rules in effect (no rule covers the case, or no level of the
   * matter's place has the department its rule names). The case waits for a 信访 office to forward it
   * by hand (docs/lifecycle.md); nothing is decided.
   */
  public static final class Unplaceable extends RuntimeException {
    private final transient List<Alternative> alternatives;

    Unplaceable(String reason, List<Alternative> alternatives) {
      super(reason);
      this.alternatives = List.copyOf(alternatives);
    }

    public List<Alternative> alternatives() {
      return alternatives;
    }
  }

  public Routed decide(RoutingRequested request, RuleSet rules) {
    if ("ACCUSATION".equals(request.petitionClass()) && !request.accused().isEmpty()) {
      List<Alternative> alternatives = new ArrayList<>();
      return new Routed(accusation(request, alternatives), null, alternatives);
    }
    String matter = request.matterRegionCode();
    List<Division> path = placeOf(matter);
    List<Alternative> alternatives = new ArrayList<>();
    AuthorityRule rule =
        rules
            .ruleFor(request.category(), request.petitionClass())
            .orElseThrow(
                () ->
                    new Unplaceable(
                        "职权规则 " + rules.label() + " 没有适用于该事项的规则（分类 " + request.category() + "）",
                        alternatives));
    for (AuthorityRule other : rules.rules()) {
      if (other != rule && other.specificity(request.category(), request.petitionClass()) >= 0) {
        alternatives.add(
            new Alternative(
                Alternative.Kind.RULE,
                String.valueOf(other.id()),
                ruleName(other),
                "也适用，但第 " + rule.id() + " 条更具体（细类优先于大类、大类优先于其他事项，信访类别相同者优先）"));
      }
    }
    List<String> skipped = new ArrayList<>();
    Units.Unit unit = null;
    for (int i = path.size() - 1; i >= 0; i--) {
      Division division = path.get(i);
      if (unit != null) {
        if (units.find(division.code() + ":" + rule.department()).isPresent()) {
          alternatives.add(
              new Alternative(
                  Alternative.Kind.LEVEL,
                  division.code(),
                  division.name(),
                  "设有" + units.label(rule.department()) + "，但按属地管理、分级负责由有该部门的最低层级办理"));
        }
        continue;
      }
      String why;
      if (rule.minLevel() != null && division.level().compareTo(rule.minLevel()) > 0) {
        why = "规则要求" + levelName(rule.minLevel()) + "以上办理";
        skipped.add(division.name() + "：" + why);
      } else {
        var candidate = units.find(division.code() + ":" + rule.department());
        if (candidate.isPresent()) {
          unit = candidate.get();
          continue;
        }
        why = "未设" + units.label(rule.department());
        skipped.add(division.name() + why);
      }
      alternatives.add(
          new Alternative(Alternative.Kind.LEVEL, division.code(), division.name(), why));
    }
    if (unit == null) {
      throw new Unplaceable(
          "问题属地各层级均未设"
              + units.label(rule.department())
              + "（职权规则 "
              + rules.label()
              + " 第 "
              + rule.id()
              + " 条）",
          alternatives);
    }
    String registeredAt = request.registeringUnit().split(":")[0];
    boolean escalated =
        "VISIT".equals(request.channel())
            && registeredAt.matches(Regions.PATTERN)
            && depth(unit.regionCode()) - depth(registeredAt) >= 2;
    List<String> important = new ArrayList<>();
    if (request.collective()) {
      important.add(request.personCount() + " 人集体信访");
    }
    if (request.repeatOf() != null) {
      important.add("重复信访（原件 " + request.repeatOf() + "）");
    }
    if (escalated) {
      important.add(
          "越级走访（在"
              + name(registeredAt)
              + "登记，有权处理的是"
              + unit.name()
              + "；依照《信访工作条例》第二十条，引导信访人向有权处理的本级或上一级机关提出）");
    }
    String mode = important.isEmpty() ? "FORWARD" : "ASSIGN";
    String how =
        important.isEmpty()
            ? "，转送" + unit.name()
            : "，" + String.join("、", important) + "，交办" + unit.name() + "并限期报告结果";
    String explanation =
        where(matter)
            + "；职权规则 "
            + rules.label()
            + " 第 "
            + rule.id()
            + " 条（"
            + (rule.category().equals(AuthorityRule.ANY) ? "其他事项" : "分类 " + rule.category())
            + " → "
            + units.label(rule.department())
            + "）："
            + rule.note()
            + "；按属地管理、分级负责，由有该部门的最低层级办理"
            + (skipped.isEmpty() ? "" : "（" + String.join("；", skipped) + "）")
            + how;
    List<Units.Unit> informed = informed(request);
    if (!informed.isEmpty()) {
      explanation +=
          "；三跨：信访人户籍地或居住地与问题属地不同，按问题属地办理，抄告"
              + String.join("、", informed.stream().map(Units.Unit::name).toList());
    }
    return new Routed(
        decision(
            request,
            unit.code(),
            unit.name(),
            unit.regionCode(),
            mode,
            rules.label(),
            explanation,
            escalated,
            informed.stream().map(Units.Unit::code).toList(),
            List.of()),
        rule,
        alternatives);
  }

  /**
   * The matter's place from the province down, as a decision reads it: the nearest division the
   * table knows when it lacks the code.
   */
  public List<Division> placeOf(String matter) {
    List<Division> path = divisions.path(matter);
    return path.isEmpty() ? divisions.path(nearestKnown(matter).code()) : path;
  }

  private String ruleName(AuthorityRule rule) {
    return "第 "
        + rule.id()
        + " 条（"
        + (rule.category().equals(AuthorityRule.ANY) ? "其他事项" : "分类 " + rule.category())
        + (rule.petitionClass().equals(AuthorityRule.ANY) ? "" : "、" + rule.petitionClass())
        + " → "
        + units.label(rule.department())
        + "）";
  }

  /** 0 for a province, 1 a city, 2 a county, 3 a township. */
  private static int depth(String regionCode) {
    return Division.Level.ofCode(regionCode).ordinal();
  }

  private static String levelName(Division.Level level) {
    return switch (level) {
      case PROVINCE -> "省级";
      case CITY -> "市级";
      case COUNTY -> "县级";
      case TOWNSHIP -> "乡级";
    };
  }

  private RoutingDecided accusation(RoutingRequested request, List<Alternative> alternatives) {
    List<String> reasons = new ArrayList<>();
    String region = null;
    for (AccusedUnit accused : request.accused()) {
      // a unit the words named no unit of: the matter's county (or the matter's own higher level)
      // rules out what it can; its discipline body judges the accusation (issue 31, item 4)
      String accusedRegion =
          accused.unitCode() == null
              ? countyOrAbove(request.matterRegionCode())
              : accused.unitCode().split(":")[0];
      if (accused.unitCode() == null) {
        reasons.add("被反映单位未能从所填名称确定，由" + name(accusedRegion) + "纪检监察机关办理");
      }
      String target = accusedRegion;
      if (accused.leader()) {
        target = upOrSame(accusedRegion);
        reasons.add("被反映人为" + name(accusedRegion) + "主要领导，提级由上一级纪检监察机关办理");
        alternatives.add(
            new Alternative(
                Alternative.Kind.LEVEL,
                accusedRegion,
                name(accusedRegion),
                "被反映人为该级主要领导，提级由上一级纪检监察机关办理"));
      }
      if (region == null || target.length() < region.length()) {
        region = target;
      }
    }
    // never an accused unit, nor any unit inside its department at that level
    List<String> excluded =
        request.accused().stream()
            .filter(a -> a.unitCode() != null)
            .flatMap(a -> units.departmentOf(a.unitCode()).stream())
            .distinct()
            .toList();
    for (String unit : excluded) {
      alternatives.add(
          new Alternative(
              Alternative.Kind.UNIT,
              unit,
              units.nameOr(unit, unit),
              accuses(request.accused(), unit) ? "被反映单位，不转送（第三十条）" : "属被反映单位所在部门，不转送（第三十条）"));
    }
    while (excluded.contains(region + ":" + DISCIPLINE) && Division.parentOf(region) != null) {
      String why =
          (accuses(request.accused(), region + ":" + DISCIPLINE) ? "被反映" : "属被反映单位所在部门") + "，提级办理";
      reasons.add(disciplineBodyName(region) + why);
      alternatives.add(new Alternative(Alternative.Kind.LEVEL, region, name(region), why));
      region = Division.parentOf(region);
    }
    String unitName = disciplineBodyName(region);
    String accusedUnits =
        request.accused().stream()
            .map(a -> a.unitCode() == null ? "（未能确定）" : a.unitCode())
            .collect(Collectors.joining("、"));
    String explanation =
        where(request.matterRegionCode())
            + "；检举控告，被反映单位 "
            + accusedUnits
            + "；依照《信访工作条例》第三十条，转送"
            + unitName
            + "，不转送被反映单位及其所在部门"
            + (reasons.isEmpty() ? "" : "；" + String.join("；", reasons))
            + "（规则 "
            + ACCUSATION_RULE_VERSION
            + "）";
    return decision(
        request,
        region + ":" + DISCIPLINE,
        unitName,
        region,
        mode(request),
        ACCUSATION_RULE_VERSION,
        explanation,
        false,
        List.of(),
        excluded);
  }

  private static boolean accuses(List<AccusedUnit> accused, String unitCode) {
    return accused.stream().anyMatch(a -> unitCode.equals(a.unitCode()));
  }

  /** A township's county; a county, city or province itself. */
  private static String countyOrAbove(String regionCode) {
    return regionCode.length() > 6 ? regionCode.substring(0, 6) : regionCode;
  }

  private static String mode(RoutingRequested request) {
    return request.collective() || request.repeatOf() != null ? "ASSIGN" : "FORWARD";
  }

  private RoutingDecided decision(
      RoutingRequested request,
      String unitCode,
      String unitName,
      String region,
      String mode,
      String ruleVersion,
      String explanation,
      boolean escalated,
      List<String> informed,
      List<String> excluded) {
    return new RoutingDecided(
        request.caseId(),
        request.caseNumber(),
        unitCode,
        unitName,
        region,
        mode,
        ruleVersion,
        explanation,
        clock.instant(),
        escalated,
        null,
        informed,
        excluded,
        null);
  }

  /**
   * 三跨三分离: the 信访 offices of the counties where petitioners live or are registered, when the matter
   * lies in another county.
   */
  private List<Units.Unit> informed(RoutingRequested request) {
    if (request.petitionerRegions() == null) {
      return List.of();
    }
    String matter = request.matterRegionCode();
    return request.petitionerRegions().stream()
        .filter(r -> r.length() >= 6)
        .map(r -> r.substring(0, 6))
        .filter(county -> !matter.startsWith(county) && divisions.exists(county))
        .distinct()
        .sorted()
        .map(county -> units.find(county + ":xfj"))
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  /** 纪委监委 at county level and above; a township's 纪委, a street office's 纪工委. */
  private String disciplineBodyName(String region) {
    return units.nameOr(region + ":" + DISCIPLINE, region + "纪委监委");
  }

  private String name(String region) {
    return divisions.find(region).map(Division::name).orElse(region);
  }

  private static String upOrSame(String region) {
    String parent = Division.parentOf(region);
    return parent == null ? region : parent;
  }

  private String where(String matter) {
    List<Division> path = divisions.path(matter);
    return path.isEmpty()
        ? "问题属地代码 " + matter + " 不在区划表中，按最近的上级区划处理"
        : "问题属地："
            + path.stream().map(Division::name).collect(Collectors.joining(" › "))
            + "（"
            + matter
            + "）";
  }

  /** The county of the matter, or the nearest enclosing division the table knows. */
  private Division nearestKnown(String matter) {
    for (int length : new int[] {6, 4, 2}) {
      if (matter.length() >= length) {
        var division = divisions.find(matter.substring(0, length));
        if (division.isPresent()) {
          return division.get();
        }
      }
    }
    throw new IllegalArgumentException("matter region " + matter + " lies in no known province");
  }
}
