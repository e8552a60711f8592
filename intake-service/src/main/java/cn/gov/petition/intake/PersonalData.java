package cn.gov.petition.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 匿名化: what is left of personal data once a case's retention period has passed. A name, a content,
 * a reason or any other free text becomes {@link #MARK}; codes, dates, numbers and the units and
 * staff who acted stay, so the case still reads as a history and counts in every figure.
 */
public final class PersonalData {

  /** What an anonymised name, content or free text reads as. */
  public static final String MARK = "（已匿名）";

  /**
   * The history's detail keys whose text is not personal data: units, offices' staff, places,
   * dates, rule versions and outcomes. Every other text, under any key (a new act's new field too),
   * is taken out: the list says what may stay, never what must go.
   */
  static final Set<String> KEPT =
      Set.of(
          "outcome",
          "node",
          "unit",
          "unitName",
          "toUnit",
          "previousUnit",
          "proposedUnit",
          "proposedUnitName",
          "proposedRuleVersion",
          "ruleVersion",
          "calendarVersion",
          "mode",
          "route",
          "matterRegion",
          "matterRegionCode",
          "previousMatterRegion",
          "receivedOn",
          "servedOn",
          "dueOn",
          "previousDueOn",
          "terminatedOn",
          "terminatedCase",
          "agreedOn",
          "heldFrom",
          "heldTo",
          "repeatOf",
          "matchedOn",
          "officeSatisfaction",
          "outsideEvaluation",
          "informed",
          "staff",
          "previousStaff",
          "approvedBy",
          "assistedBy");

  private PersonalData() {}

  /** The details of a history entry with every text outside {@link #KEPT} replaced by the mark. */
  public static Map<String, Object> anonymised(Map<String, Object> details) {
    Map<String, Object> kept = new LinkedHashMap<>();
    if (details != null) {
      details.forEach((key, value) -> kept.put(key, anonymised(key, value)));
    }
    return kept;
  }

  @SuppressWarnings("unchecked")
  private static Object anonymised(String key, Object value) {
    if (value instanceof Map<?, ?> nested) {
      return anonymised((Map<String, Object>) nested);
    }
    if (value instanceof List<?> list) {
      List<Object> each = new ArrayList<>();
      list.forEach(v -> each.add(anonymised(key, v)));
      return each;
    }
    if (value instanceof String && !KEPT.contains(key)) {
      return MARK;
    }
    return value;
  }

  /** The text as it stays: the mark for any text there was, nothing for none. */
  public static String text(String value) {
    return value == null ? null : MARK;
  }
}
