package cn.gov.petition.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 节假日安排通知: a version of the official calendar, carrying one year's holidays and make-up working
 * days as the State Council General Office's yearly notice (国务院办公厅关于部分节假日安排的通知) sets them. Loaded
 * once, at the province's node, and read by every node's intake-service, so that every node counts
 * every period with the same days; each recomputes the due dates the new days move.
 *
 * @param version the calendar version this year's days make (versions only grow)
 * @param year the year the notice covers; its days replace any earlier version's for that year
 * @param noticeNumber the notice's document number (文号), e.g. 国办发明电〔2026〕9号
 * @param title the notice's title
 * @param firstChangedDay the first day whose kind differs from the version before (null if none)
 * @param loadedBy the administrator who loaded it
 * @param loadedAt when it was loaded
 * @param node the region code of the node where it was loaded
 * @param days the year's official days: every holiday and every weekend day that is a working day
 */
public record CalendarPublished(
    int version,
    int year,
    String noticeNumber,
    String title,
    LocalDate firstChangedDay,
    String loadedBy,
    Instant loadedAt,
    String node,
    List<OfficialDay> days) {

  public CalendarPublished {
    days = List.copyOf(days);
  }

  /**
   * One day that differs from the ordinary Monday–Friday week.
   *
   * @param date the day
   * @param kind {@code holiday} (a day off) or {@code workday} (a weekend day worked, 调休上班)
   * @param name the holiday it belongs to, in Chinese (元旦, 春节 ...)
   */
  public record OfficialDay(LocalDate date, String kind, String name) {}
}
