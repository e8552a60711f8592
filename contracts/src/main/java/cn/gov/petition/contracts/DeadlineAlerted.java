package cn.gov.petition.contracts;

import java.time.LocalDate;

/**
 * 时限预警 / 超期 / 超期消除: a step's clock crossed a mark. Broadcast for every supervisor and dashboard
 * above the unit; it names the case and the unit only, never a person.
 *
 * @param caseId the case
 * @param caseNumber its number
 * @param step the step whose clock this is
 * @param unitCode the unit that owes the step
 * @param unitRegionCode that unit's region
 * @param dueOn the last day on time (Asia/Shanghai)
 * @param alert WARNING (the due date is near), OVERDUE (the due date has passed, the step is not
 *     done) or CLEARED (an overdue step is done now, late)
 * @param daysLeft days from {@code on} to {@code dueOn}: 3 and 1 for the default warnings, negative
 *     once overdue
 * @param on the day the mark was crossed (for CLEARED, the day the step was done)
 */
public record DeadlineAlerted(
    String caseId,
    String caseNumber,
    Step step,
    String unitCode,
    String unitRegionCode,
    LocalDate dueOn,
    Alert alert,
    int daysLeft,
    LocalDate on) {

  /** What happened to the clock. */
  public enum Alert {
    /** 临期预警: the due date is within a warning threshold. */
    WARNING,
    /** 超期: the due date has passed and the step is not done. */
    OVERDUE,
    /** 超期消除: the overdue step has been done, late. */
    CLEARED
  }
}
