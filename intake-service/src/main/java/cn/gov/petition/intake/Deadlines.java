package cn.gov.petition.intake;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.store.CaseStepEntity;
import cn.gov.petition.intake.store.DeadlineRuleEntity;
import cn.gov.petition.intake.store.DeadlineRuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * 期限计算: the due date of a step, from the deadline table (data, per province and version) and the
 * official calendar (data, versioned: {@link Calendars}). Computed here, by the case's owner; the
 * lifecycle events carry the result, with the calendar version it was computed with.
 *
 * <p>The counting rules of domain.md §3.1: the day of the starting event is not counted; the period
 * is the rule's days (or those the assigning body set), lengthened by an approved extension and by
 * days that are not counted (hearings in a re-review); the rest-day rule is applied once, to the
 * last day of the lengthened period. Which regulation's table applies is decided by the day the
 * petition was received (§3.2): the 2005 《信访条例》 before 2022-05-01.
 */
@ApplicationScoped
public class Deadlines {

  /** The largest extension of the handling period (Art 34), a row of the table like the rest. */
  static final String EXTENSION = "EXTENSION";

  /** The first day of the 2005 《信访条例》; the platform knows no older limits. */
  public static final LocalDate OLDEST_REGULATION = LocalDate.of(2005, 5, 1);

  private final DeadlineRuleRepository rules;
  private final Calendars calendars;

  public Deadlines(DeadlineRuleRepository rules, Calendars calendars) {
    this.rules = rules;
    this.calendars = calendars;
  }

  /**
   * A due date and how it was counted.
   *
   * @param days the period's base days (before extension and excluded days)
   * @param calendarVersion the calendar version it was computed with
   * @param provisional 待定: past the last day that version covers
   */
  public record Due(
      LocalDate dueOn,
      DeadlineRuleEntity rule,
      int days,
      int calendarVersion,
      boolean provisional) {}

  /**
   * The due date of a step under the rule in force for the case.
   *
   * @param step the step
   * @param regionCode where the case is handled (its province picks any local rule)
   * @param receivedOn the day the petition was received, which picks the regulation
   * @param start the day of the starting event, which is not counted
   * @param days the period's days when the assigning body set them (交办, Art 22); null: the rule's
   * @return empty when the case's regulation has no such period (the 2005 text has no objection
   *     window)
   */
  public Optional<Due> due(
      Step step, String regionCode, LocalDate receivedOn, LocalDate start, Integer days) {
    return rule(step.name(), regionCode, receivedOn)
        .map(
            rule -> {
              StatutoryCalendar calendar = calendars.current();
              int base = days == null ? rule.days : days;
              LocalDate dueOn = end(calendar, rule, start, base);
              return new Due(dueOn, rule, base, calendar.version(), calendar.isProvisional(dueOn));
            });
  }

  /**
   * A due date a unit set ({@code dueOn}, 协办), as a period of calendar days after {@code start} on
   * the current calendar; empty when that day is not a working day, as no period ends on a rest day
   * (domain.md §3.1).
   */
  public Optional<Due> setBy(LocalDate start, LocalDate dueOn) {
    StatutoryCalendar calendar = calendars.current();
    if (!calendar.isWorkingDay(dueOn)) {
      return Optional.empty();
    }
    int days = (int) ChronoUnit.DAYS.between(start, dueOn);
    return Optional.of(
        new Due(dueOn, null, days, calendar.version(), calendar.isProvisional(dueOn)));
  }

  /** The due date of a step under the rule in force for the case, counted as the rule says. */
  public Due due(Step step, String regionCode, LocalDate receivedOn, LocalDate start) {
    return due(step, regionCode, receivedOn, start, null)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the deadline table has no rule for "
                        + step
                        + " for a petition received on "
                        + receivedOn));
  }

  /**
   * A step's due date counted again, with its own base days, extension and excluded days, on a
   * calendar version (the current one, or one being loaded).
   */
  public Due recount(CaseStepEntity step, StatutoryCalendar calendar) {
    DeadlineRuleEntity rule = step.ruleId == null ? null : rules.rule(step.ruleId);
    LocalDate dueOn =
        rule == null
            ? calendar.endOfCalendarDays(step.startedOn, total(step))
            : end(calendar, rule, step.startedOn, total(step));
    return new Due(dueOn, rule, step.days, calendar.version(), calendar.isProvisional(dueOn));
  }

  /** A step's due date counted again on the current calendar (after an extension or a hearing). */
  public Due recount(CaseStepEntity step) {
    return recount(step, calendars.current());
  }

  /**
   * At most how many days the handling period may be extended, for a petition received on a day.
   */
  public int maxExtensionDays(String regionCode, LocalDate receivedOn) {
    return rule(EXTENSION, regionCode, receivedOn).map(r -> r.days).orElse(0);
  }

  /** The period's whole count of days: base, extension and days not counted (§3.1). */
  private static int total(CaseStepEntity step) {
    return step.days + step.extensionDays + step.excludedDays;
  }

  /** The period's last day: {@code days} counted after {@code start}, as the rule counts them. */
  private static LocalDate end(
      StatutoryCalendar calendar, DeadlineRuleEntity rule, LocalDate start, int days) {
    return "WORKING".equals(rule.dayKind)
        ? calendar.endOfWorkingDays(start, days)
        : calendar.endOfCalendarDays(start, days);
  }

  private Optional<DeadlineRuleEntity> rule(String step, String regionCode, LocalDate receivedOn) {
    if (receivedOn.isBefore(OLDEST_REGULATION)) {
      throw ProblemException.invalid(
          "receivedOn",
          "RegulationInForce",
          "the platform counts deadlines from 2005-05-01, when the 《信访条例》 came into force;"
              + " a petition received on "
              + receivedOn
              + " is older");
    }
    String province = regionCode.substring(0, 2);
    return rules.inEffect(step, province, receivedOn);
  }
}
