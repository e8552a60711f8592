package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.VolumeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 信访件次 by dimension over a period, with the period before it of the same length (环比) and the same
 * dates a year earlier (同比). Counts every petition fact: registrations and repeat receipts.
 */
@ApplicationScoped
public class Volumes {

  private final VolumeRepository volumes;

  public Volumes(VolumeRepository volumes) {
    this.volumes = volumes;
  }

  /** The three periods compared. */
  public record Periods(
      LocalDate from,
      LocalDate to,
      LocalDate previousFrom,
      LocalDate previousTo,
      LocalDate lastYearFrom,
      LocalDate lastYearTo) {

    public static Periods of(LocalDate from, LocalDate to) {
      long days = ChronoUnit.DAYS.between(from, to) + 1;
      return new Periods(
          from, to, from.minusDays(days), from.minusDays(1), from.minusYears(1), to.minusYears(1));
    }
  }

  /**
   * One key's figures.
   *
   * @param count 件次 in the period
   * @param persons 人次 in the period, from registrations (a repeat receipt gives no number)
   * @param previous 件次 in the period before
   * @param lastYear 件次 in the same dates a year earlier
   * @param periodOnPeriod (count - previous) / previous, null when previous is 0
   * @param yearOnYear (count - lastYear) / lastYear, null when lastYear is 0
   */
  public record Row(
      String key,
      long count,
      long persons,
      long previous,
      long lastYear,
      BigDecimal periodOnPeriod,
      BigDecimal yearOnYear) {

    static Row of(String key, long count, long persons, long previous, long lastYear) {
      return new Row(
          key,
          count,
          persons,
          previous,
          lastYear,
          change(count, previous),
          change(count, lastYear));
    }
  }

  private static BigDecimal change(long now, long before) {
    return before == 0
        ? null
        : BigDecimal.valueOf(now - before)
            .divide(BigDecimal.valueOf(before), 4, RoundingMode.HALF_UP);
  }

  /** The rows by key (a null key: the dimension is unknown for those facts), and the total. */
  public record Answer(Row total, List<Row> rows) {}

  @Transactional
  public Answer count(String region, Dimension dimension, int childLength, Periods periods) {
    List<VolumeRepository.Counts> rows =
        dimension == Dimension.REGION
            ? volumes.byChildRegion(region, childLength, periods)
            : volumes.byColumn(dimension.key(), region, periods);
    return new Answer(
        row(volumes.total(region, periods), "TOTAL"),
        rows.stream().map(r -> row(r, r.key())).toList());
  }

  /**
   * 单位收件: the cases each unit of the region's own level was given to handle (转送、交办: an acceptance
   * period started) in the periods, by unit code. No persons: they belong to petitions.
   */
  @Transactional
  public List<Row> byUnit(String region, Periods periods) {
    return volumes.byUnit(region, periods).stream().map(r -> row(r, r.key())).toList();
  }

  private static Row row(VolumeRepository.Counts c, String key) {
    return Row.of(key, c.count(), c.persons(), c.previous(), c.lastYear());
  }
}
