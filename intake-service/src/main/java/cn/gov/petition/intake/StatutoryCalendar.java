package cn.gov.petition.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * 法定工作日历: which days are working days under the official holiday calendar, and how a statutory
 * period is counted (domain.md §3): the day of the starting event is not counted; a period in days
 * whose last day is a rest day ends on the next working day (民法典 Arts 201, 203).
 */
public final class StatutoryCalendar {

  private final Set<LocalDate> holidays = new HashSet<>();
  private final Set<LocalDate> makeUpWorkdays = new HashSet<>();

  /** Reads rows {@code date,kind,...} where kind is {@code holiday} or {@code workday}. */
  public static StatutoryCalendar read(InputStream csv) {
    StatutoryCalendar calendar = new StatutoryCalendar();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
      String line = reader.readLine(); // header
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", 3);
        LocalDate day = LocalDate.parse(fields[0]);
        switch (fields[1]) {
          case "holiday" -> calendar.holidays.add(day);
          case "workday" -> calendar.makeUpWorkdays.add(day);
          default -> throw new IllegalArgumentException("unknown day kind in calendar: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return calendar;
  }

  /** The calendar shipped with the platform (official notices up to 2026). */
  public static StatutoryCalendar official() {
    InputStream csv = StatutoryCalendar.class.getResourceAsStream("/calendar/cn-official-days.csv");
    if (csv == null) {
      throw new IllegalStateException(
          "calendar/cn-official-days.csv is missing from the class path");
    }
    return read(csv);
  }

  public boolean isWorkingDay(LocalDate day) {
    if (holidays.contains(day)) {
      return false;
    }
    if (makeUpWorkdays.contains(day)) {
      return true;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /** The last day of a period of {@code days} calendar days that starts after {@code start}. */
  public LocalDate endOfCalendarDays(LocalDate start, int days) {
    LocalDate end = start.plusDays(days);
    while (!isWorkingDay(end)) {
      end = end.plusDays(1);
    }
    return end;
  }

  /** The last day of a period of {@code days} working days that starts after {@code start}. */
  public LocalDate endOfWorkingDays(LocalDate start, int days) {
    LocalDate end = start;
    int counted = 0;
    while (counted < days) {
      end = end.plusDays(1);
      if (isWorkingDay(end)) {
        counted++;
      }
    }
    return end;
  }
}
