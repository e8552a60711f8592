package cn.gov.petition.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 预警: an early-warning rule found its condition in a node's statistics (docs/warnings.md).
 * Broadcast for dashboards and the levels above; it names regions, units, categories and case
 * numbers only, never a person or what a petition says.
 *
 * @param warningId the warning
 * @param ruleId the rule that raised it, e.g. category-spike
 * @param ruleVersion the version of the rule's parameters it was raised under
 * @param kind CATEGORY_SPIKE, REPEAT_PETITIONS, MOVING_UP, COLLECTIVE_SIGNS, RATE_BELOW or
 *     NEAR_DEADLINE
 * @param regionCode the region it is about (its subtree's supervisors see it)
 * @param subject what it is about: a region and category, a chain of petitions, a unit
 * @param summary the finding in Chinese, for a person to read
 * @param figures the evidence as numbers, e.g. count, baseline, ratio, threshold
 * @param caseNumbers the cases behind it (at most 50)
 * @param raisedOn the day it was raised (Asia/Shanghai)
 * @param node the region of the node that raised it
 */
public record WarningRaised(
    String warningId,
    String ruleId,
    int ruleVersion,
    String kind,
    String regionCode,
    String subject,
    String summary,
    Map<String, Double> figures,
    List<String> caseNumbers,
    LocalDate raisedOn,
    String node) {

  public WarningRaised {
    figures = Map.copyOf(figures);
    caseNumbers = List.copyOf(caseNumbers);
  }
}
