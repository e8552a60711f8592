package cn.gov.petition.routing;

/**
 * 未采用的选项: what a routing decision considered and passed over, and why (issue 31, item 3): a rule
 * that also covered the case but was less specific, a level of the matter's place that had no such
 * department or was below the rule's minimum, a level above the one chosen, or, for an accusation,
 * the accused unit and a discipline body inside its department.
 *
 * @param kind what was passed over
 * @param code the rule's id, the region's code or the unit's code
 * @param name the rule, region or unit in words
 * @param reason why it was passed over, in Chinese
 */
public record Alternative(Kind kind, String code, String name, String reason) {

  /** What an alternative is. */
  public enum Kind {
    /** 职权规则: another rule covering the case. */
    RULE,
    /** 层级: a level of the matter's place. */
    LEVEL,
    /** 单位: a unit ruled out. */
    UNIT
  }
}
