package cn.gov.petition.supervision;

import cn.gov.petition.common.reference.Division;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The minimum frequency of leaders' reception days by level (2014 opinion, domain.md §8): province
 * one day per half year, city per quarter, county per month, township per week. A period is
 * labelled as people say it: 2026-H2, 2026-Q4, 2026-12, 2026-W49.
 */
public final class ReceptionFrequency {

  private ReceptionFrequency() {}

  /** The first day of the period of {@code level} holding {@code day}. */
  public static LocalDate periodStart(Division.Level level, LocalDate day) {
    return switch (level) {
      case PROVINCE -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
      case CITY -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
      case COUNTY -> day.withDayOfMonth(1);
      case TOWNSHIP -> day.with(DayOfWeek.MONDAY);
    };
  }

  static LocalDate next(Division.Level level, LocalDate start) {
    return switch (level) {
      case PROVINCE -> start.plusMonths(6);
      case CITY -> start.plusMonths(3);
      case COUNTY -> start.plusMonths(1);
      case TOWNSHIP -> start.plusWeeks(1);
    };
  }

  /** The starts of every period that overlaps [from, to]. */
  public static List<LocalDate> periods(Division.Level level, LocalDate from, LocalDate to) {
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate start = periodStart(level, from);
        !start.isAfter(to);
        start = next(level, start)) {
      starts.add(start);
    }
    return starts;
  }

  public static String label(Division.Level level, LocalDate start) {
    return switch (level) {
      case PROVINCE -> start.getYear() + "-H" + (start.getMonthValue() <= 6 ? 1 : 2);
      case CITY -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
      case COUNTY -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
      case TOWNSHIP ->
          start.get(IsoFields.WEEK_BASED_YEAR)
              + "-W"
              + String.format("%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    };
  }
}
