package cn.gov.petition.routing;

import cn.gov.petition.common.reference.Division;

/**
 * 职权规则: petitions of a category (and class) are for a department; the unit is that department's at
 * the lowest level of the matter's place that has one, but not below {@code minLevel}.
 *
 * @param id the row, stored with each decision
 * @param category a 2- or 4-digit category code, or {@code *}
 * @param petitionClass SUGGESTION, ACCUSATION, APPEAL or {@code *}
 * @param department a department of units/departments.csv
 * @param minLevel the lowest level that may handle it, or null for any
 * @param note why, in Chinese, quoted in the decision's explanation
 */
public record AuthorityRule(
    long id,
    String category,
    String petitionClass,
    String department,
    Division.Level minLevel,
    String note) {

  public static final String ANY = "*";

  /** Whether the rule covers the case, and how specifically (higher wins); -1 if not. */
  public int specificity(String caseCategory, String caseClass) {
    int score;
    if (category.equals(caseCategory)) {
      score = 4;
    } else if (caseCategory != null
        && caseCategory.startsWith(category)
        && category.length() == 2) {
      score = 2;
    } else if (category.equals(ANY)) {
      score = 0;
    } else {
      return -1;
    }
    if (petitionClass.equals(caseClass)) {
      return score + 1;
    }
    return petitionClass.equals(ANY) ? score : -1;
  }
}
