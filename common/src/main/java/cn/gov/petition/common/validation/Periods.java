package cn.gov.petition.common.validation;

import cn.gov.petition.common.problem.ProblemException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * 统计周期 in query parameters: one day (2026-11-24), ISO week (2026-W48), month (2026-11), quarter
 * (2026-Q4) or year (2026), each read as its first and last day. A malformed one is 400 by {@link
 * #PATTERN}; one that names no such period (2026-W54, 2026-13) is 422 naming the parameter.
 */
public final class Periods {

  /** The shape of a period parameter, for {@code @Pattern}. */
  public static final String PATTERN = "\\d{4}(-\\d{2}(-\\d{2})?|-W\\d{2}|-Q[1-4])?";

  public static final String MESSAGE =
      "must be a day (2026-11-24), ISO week (2026-W48), month (2026-11), quarter (2026-Q4) or"
          + " year (2026)";

  /** How long a period is. */
  public enum Kind {
    /** 日. */
    DAY,
    /** 周 (ISO, Monday to Sunday). */
    WEEK,
    /** 月. */
    MONTH,
    /** 季度. */
    QUARTER,
    /** 年. */
    YEAR
  }

  /**
   * One period.
   *
   * @param name as asked (2026-W48)
   * @param label as a bulletin names it (2026年第48周)
   */
  public record Period(String name, Kind kind, LocalDate from, LocalDate to, String label) {}

  private Periods() {}

  /** The period a text of {@link #PATTERN} names, or 422 naming {@code field}. */
  public static Period parse(String field, String text) {
    int year = Integer.parseInt(text.substring(0, 4));
    if (text.length() == 4) {
      return new Period(
          text, Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年");
    }
    if (text.charAt(5) == 'Q') {
      int quarter = text.charAt(6) - '0';
      LocalDate first = LocalDate.of(year, quarter * 3 - 2, 1);
      return new Period(
          text,
          Kind.QUARTER,
          first,
          first.plusMonths(3).minusDays(1),
          year + "年第" + "一二三四".charAt(quarter - 1) + "季度");
    }
    if (text.charAt(5) == 'W') {
      int week = Integer.parseInt(text.substring(6));
      LocalDate fourthOfJanuary = LocalDate.of(year, 1, 4); // always in ISO week 1
      if (week < 1
          || week > fourthOfJanuary.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
        throw ProblemException.invalid(
            field, "IsoWeek", "该年没有这一周 / " + text + " is not a week of " + year);
      }
      LocalDate monday =
          fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
      return new Period(text, Kind.WEEK, monday, monday.plusDays(6), year + "年第" + week + "周");
    }
    int month = Integer.parseInt(text.substring(5, 7));
    if (month < 1 || month > 12) {
      throw ProblemException.invalid(field, "Month", "没有这个月 / " + text + " is not a month");
    }
    if (text.length() == 7) {
      LocalDate first = LocalDate.of(year, month, 1);
      return new Period(
          text, Kind.MONTH, first, first.plusMonths(1).minusDays(1), year + "年" + month + "月");
    }
    LocalDate day = Dates.parse(field, text);
    return new Period(
        text, Kind.DAY, day, day, year + "年" + month + "月" + day.getDayOfMonth() + "日");
  }
}
