package cn.gov.petition.analytics.volumes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

  private final EntityManager em;

  public Volumes(EntityManager em) {
    this.em = em;
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

  /** The three periods' counts from the day tallies of the petitions (V10 petition_tally). */
  private static final String COUNTS =
      "coalesce(sum(count) FILTER (WHERE day BETWEEN :from AND :to), 0),"
          + " coalesce(sum(persons) FILTER (WHERE day BETWEEN :from AND :to), 0),"
          + " coalesce(sum(count) FILTER (WHERE day BETWEEN :pfrom AND :pto), 0),"
          + " coalesce(sum(count) FILTER (WHERE day BETWEEN :yfrom AND :yto), 0)"
          + " FROM petition_tally WHERE (day BETWEEN :from AND :to OR day BETWEEN :pfrom AND :pto"
          + " OR day BETWEEN :yfrom AND :yto) AND ";

  /**
   * The same counts from the region day tallies ({@code fact_tally}: kind PETITION, its buckets
   * FIRST and REPEAT; kind PERSONS), a row or three per region and day: for the totals and the
   * child regions, which would otherwise add up every combination of the other dimensions.
   */
  private static final String REGION_COUNTS =
      "coalesce(sum(count) FILTER (WHERE kind = 'PETITION' AND day BETWEEN :from AND :to), 0),"
          + " coalesce(sum(count) FILTER (WHERE kind = 'PERSONS' AND day BETWEEN :from AND :to),"
          + " 0),"
          + " coalesce(sum(count) FILTER (WHERE kind = 'PETITION' AND day BETWEEN :pfrom AND :pto),"
          + " 0),"
          + " coalesce(sum(count) FILTER (WHERE kind = 'PETITION' AND day BETWEEN :yfrom AND :yto),"
          + " 0)"
          + " FROM fact_tally WHERE kind IN ('PETITION', 'PERSONS') AND (day BETWEEN :from AND :to"
          + " OR day BETWEEN :pfrom AND :pto OR day BETWEEN :yfrom AND :yto) AND ";

  /** The rows by key (a null key: the dimension is unknown for those facts), and the total. */
  public record Answer(Row total, List<Row> rows) {}

  @Transactional
  @SuppressWarnings("unchecked")
  public Answer count(String region, Dimension dimension, int childLength, Periods periods) {
    String rowsOf =
        dimension == Dimension.REGION
            ? REGION_COUNTS
                + "length(region_code) = "
                + childLength
                + " AND region_code LIKE :region || '%'"
            : COUNTS + "region_code = :region";
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "SELECT " + dimension.key() + ", " + rowsOf + " GROUP BY 1 ORDER BY 1"),
                region,
                periods)
            .getResultList();
    Object[] total =
        (Object[])
            bind(
                    em.createNativeQuery("SELECT 0, " + REGION_COUNTS + "region_code = :region"),
                    region,
                    periods)
                .getSingleResult();
    return new Answer(row(total, "TOTAL"), rows.stream().map(r -> row(r, (String) r[0])).toList());
  }

  private static final String UNIT_COUNTS =
      "SELECT unit_code, count(*) FILTER (WHERE started_on BETWEEN :from AND :to), 0,"
          + " count(*) FILTER (WHERE started_on BETWEEN :pfrom AND :pto),"
          + " count(*) FILTER (WHERE started_on BETWEEN :yfrom AND :yto)"
          + " FROM step_fact WHERE step = 'ACCEPT' AND unit_region_code = :region"
          + " AND (started_on BETWEEN :from AND :to OR started_on BETWEEN :pfrom AND :pto"
          + " OR started_on BETWEEN :yfrom AND :yto) GROUP BY 1 ORDER BY 1";

  /**
   * 单位收件: the cases each unit of the region's own level was given to handle (转送、交办: an acceptance
   * period started) in the periods, by unit code. No persons: they belong to petitions.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Row> byUnit(String region, Periods periods) {
    List<Object[]> rows = bind(em.createNativeQuery(UNIT_COUNTS), region, periods).getResultList();
    return rows.stream().map(r -> row(r, (String) r[0])).toList();
  }

  private static Row row(Object[] r, String key) {
    return Row.of(key, number(r[1]), number(r[2]), number(r[3]), number(r[4]));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static jakarta.persistence.Query bind(
      jakarta.persistence.Query query, String region, Periods p) {
    return query
        .setParameter("region", region)
        .setParameter("from", p.from())
        .setParameter("to", p.to())
        .setParameter("pfrom", p.previousFrom())
        .setParameter("pto", p.previousTo())
        .setParameter("yfrom", p.lastYearFrom())
        .setParameter("yto", p.lastYearTo());
  }
}
