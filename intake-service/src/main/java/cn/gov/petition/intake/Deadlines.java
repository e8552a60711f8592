package cn.gov.petition.intake;

import cn.gov.petition.common.events.Step;
import cn.gov.petition.intake.store.DeadlineRuleEntity;
import cn.gov.petition.intake.store.DeadlineRuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * 期限计算: the due date of a step, from the deadline table (data, per province and version) and the
 * official calendar. Computed here once; the lifecycle events carry the result.
 */
@ApplicationScoped
public class Deadlines {

  /** The largest extension of the handling period (Art 34), a row of the table like the rest. */
  static final String EXTENSION = "EXTENSION";

  private final DeadlineRuleRepository rules;
  private final StatutoryCalendar calendar;

  public Deadlines(DeadlineRuleRepository rules, StatutoryCalendar calendar) {
    this.rules = rules;
    this.calendar = calendar;
  }

  /** A due date and the rule it came from. */
  public record Due(LocalDate dueOn, DeadlineRuleEntity rule) {}

  /**
   * @param step the step
   * @param regionCode where the case is handled (its province picks any local rule)
   * @param start the day of the starting event, which is not counted
   */
  public Due due(Step step, String regionCode, LocalDate start) {
    DeadlineRuleEntity rule = rule(step.name(), regionCode, start);
    return new Due(end(rule, start), rule);
  }

  /** At most how many days the handling period may be extended, for a period ending on a day. */
  public int maxExtensionDays(String regionCode, LocalDate on) {
    return rule(EXTENSION, regionCode, on).days;
  }

  /** The period's last day: {@code days} counted after {@code start}, as the rule counts them. */
  private LocalDate end(DeadlineRuleEntity rule, LocalDate start) {
    return "WORKING".equals(rule.dayKind)
        ? calendar.endOfWorkingDays(start, rule.days)
        : calendar.endOfCalendarDays(start, rule.days);
  }

  /** Extends a period by calendar days counted from its current last day. */
  public LocalDate extend(LocalDate dueOn, int days) {
    return calendar.endOfCalendarDays(dueOn, days);
  }

  private DeadlineRuleEntity rule(String step, String regionCode, LocalDate on) {
    String province = regionCode.substring(0, 2);
    return rules
        .inEffect(step, province, on)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the deadline table has no rule for " + step + " in effect on " + on));
  }
}
