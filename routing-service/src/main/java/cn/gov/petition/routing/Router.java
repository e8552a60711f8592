package cn.gov.petition.routing;

import cn.gov.petition.common.events.CaseRegistered;
import cn.gov.petition.common.events.RoutingDecided;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 属地管理、分级负责: picks the unit with authority over a registered case.
 *
 * <p>The foundation's rule, version {@value #RULE_VERSION}: the 信访局 of the county where the matter
 * lies (转送), or 交办 when five or more people petition together (集体访). Issue 4 replaces it with
 * authority rules kept as data.
 */
public class Router {

  public static final String RULE_VERSION = "foundation-1";
  static final int COLLECTIVE_VISIT_PERSONS = 5;

  private final DivisionTable divisions;
  private final Clock clock;

  public Router(DivisionTable divisions, Clock clock) {
    this.divisions = divisions;
    this.clock = clock;
  }

  public RoutingDecided decide(CaseRegistered registered) {
    String matter = registered.matterRegionCode();
    Division handling = handlingDivision(matter);
    String mode = registered.personCount() >= COLLECTIVE_VISIT_PERSONS ? "ASSIGN" : "FORWARD";
    String unitName = handling.name() + "信访局";
    List<Division> path = divisions.path(matter);
    String where =
        path.isEmpty()
            ? "问题属地代码 " + matter + " 不在区划表中，按最近的上级区划处理"
            : "问题属地："
                + path.stream().map(Division::name).collect(Collectors.joining(" › "))
                + "（"
                + matter
                + "）";
    String why =
        mode.equals("ASSIGN")
            ? "；" + registered.personCount() + " 人集体信访，交办" + unitName + "并限期报告结果"
            : "；按属地管理、分级负责原则转送" + unitName;
    return new RoutingDecided(
        registered.caseId(),
        registered.caseNumber(),
        handling.code() + ":xfj",
        unitName,
        handling.code(),
        mode,
        RULE_VERSION,
        where + why + "（规则 " + RULE_VERSION + "）",
        clock.instant());
  }

  /** The county of the matter, or the nearest enclosing division the table knows. */
  private Division handlingDivision(String matter) {
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
