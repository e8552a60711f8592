package cn.gov.petition.intake;

import cn.gov.petition.contracts.CalendarPublished.OfficialDay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 法定工作日历: one version of the official calendar, which days are working days, and how a statutory
 * period is counted (domain.md §3): the day of the starting event is not counted; a period in days
 * whose last day is a rest day ends on the next working day (民法典 Arts 201, 203), a rule applied
 * once, to the last day of the whole period (§3.1).
 *
 * <p>A version covers whole years: those whose State Council notice it holds. Past the last of them
 * the calendar knows only weekends, so a due date there is provisional (待定) until next year's
 * notice is loaded. Immutable: a new notice makes a new version ({@link #withYear}).
 */
public final class StatutoryCalendar {

  private final int version;
  private final Map<LocalDate, OfficialDay> days;
  private final Set<Integer> years;
  private final LocalDate coversUntil;

  private StatutoryCalendar(int version, Map<LocalDate, OfficialDay> days, Set<Integer> years) {
    if (years.isEmpty()) {
      throw new IllegalArgumentException("a calendar covers at least one year");
    }
    this.version = version;
    this.days = Map.copyOf(days);
    this.years = Set.copyOf(years);
    this.coversUntil = LocalDate.of(years.stream().max(Integer::compare).orElseThrow(), 12, 31);
  }

  /** A version holding the given years, each with its official days. */
  public static StatutoryCalendar of(
      int version, Collection<Integer> years, List<OfficialDay> days) {
    Map<LocalDate, OfficialDay> byDay = new HashMap<>();
    days.forEach(d -> byDay.put(d.date(), d));
    return new StatutoryCalendar(version, byDay, Set.copyOf(years));
  }

  /**
   * Reads rows {@code date,kind,name_zh[,...]} where kind is {@code holiday} or {@code workday}:
   * the vendored file (calendar/README.md). Every year with a row counts as covered.
   */
  public static List<OfficialDay> readCsv(InputStream csv) {
    List<OfficialDay> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
      String line = reader.readLine(); // header
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", 4);
        if (!fields[1].equals(HOLIDAY) && !fields[1].equals(WORKDAY)) {
          throw new IllegalArgumentException("unknown day kind in calendar: " + line);
        }
        rows.add(new OfficialDay(LocalDate.parse(fields[0]), fields[1], fields[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The days shipped with the platform (official notices up to 2026), the seed of version 1. */
  public static List<OfficialDay> vendoredDays() {
    InputStream csv = StatutoryCalendar.class.getResourceAsStream("/calendar/cn-official-days.csv");
    if (csv == null) {
      throw new IllegalStateException(
          "calendar/cn-official-days.csv is missing from the class path");
    }
    return readCsv(csv);
  }

  /** The calendar shipped with the platform, as version 1. */
  public static StatutoryCalendar vendored() {
    List<OfficialDay> days = vendoredDays();
    return of(1, yearsOf(days), days);
  }

  public static Set<Integer> yearsOf(Collection<OfficialDay> days) {
    return days.stream().map(d -> d.date().getYear()).collect(Collectors.toSet());
  }

  public static final String HOLIDAY = "holiday";
  public static final String WORKDAY = "workday";

  /** A new version: this one with {@code year}'s days replaced by a notice's. */
  public StatutoryCalendar withYear(int newVersion, int year, List<OfficialDay> notice) {
    Map<LocalDate, OfficialDay> next = new HashMap<>(days);
    next.keySet().removeIf(day -> day.getYear() == year);
    notice.forEach(d -> next.put(d.date(), d));
    Set<Integer> covered = new java.util.HashSet<>(years);
    covered.add(year);
    return new StatutoryCalendar(newVersion, next, covered);
  }

  /** The first day whose kind differs between this version and {@code other}, if any. */
  public java.util.Optional<LocalDate> firstDifference(StatutoryCalendar other) {
    return java.util.stream.Stream.concat(days.keySet().stream(), other.days.keySet().stream())
        .filter(day -> isWorkingDay(day) != other.isWorkingDay(day))
        .min(LocalDate::compareTo);
  }

  public int version() {
    return version;
  }

  /** The last day this version knows the official days of: 31 December of its last year. */
  public LocalDate coversUntil() {
    return coversUntil;
  }

  /** Whether this version holds the notice of {@code year}. */
  public boolean covers(int year) {
    return years.contains(year);
  }

  /** The official days of one year, in date order. */
  public List<OfficialDay> daysOf(int year) {
    return days.values().stream()
        .filter(d -> d.date().getYear() == year)
        .sorted(java.util.Comparator.comparing(OfficialDay::date))
        .toList();
  }

  /** Whether a due date is provisional (待定): it lies past the last day this version covers. */
  public boolean isProvisional(LocalDate dueOn) {
    return dueOn.isAfter(coversUntil);
  }

  public boolean isWorkingDay(LocalDate day) {
    OfficialDay official = days.get(day);
    if (official != null) {
      return WORKDAY.equals(official.kind());
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
