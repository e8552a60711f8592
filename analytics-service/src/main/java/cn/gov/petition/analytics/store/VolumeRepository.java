package cn.gov.petition.analytics.store;

import cn.gov.petition.analytics.Volumes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily volume read model. Counting is an upsert, so it needs no entity; the inbox makes sure
 * each event is counted once.
 */
@ApplicationScoped
public class VolumeRepository {

  private final EntityManager entityManager;

  public VolumeRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public void count(LocalDate day, String regionCode, String channel, int persons) {
    entityManager
        .createNativeQuery(
            "INSERT INTO daily_volume (day, region_code, channel, cases, persons) "
                + "VALUES (:day, :region, :channel, 1, :persons) "
                + "ON CONFLICT (day, region_code, channel) DO UPDATE SET "
                + "cases = daily_volume.cases + 1, persons = daily_volume.persons + EXCLUDED.persons")
        .setParameter("day", day)
        .setParameter("region", regionCode)
        .setParameter("channel", channel)
        .setParameter("persons", persons)
        .executeUpdate();
  }

  /** Cases and persons in the subtree between two days, inclusive. */
  public long[] total(String regionPrefix, LocalDate from, LocalDate to) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT COALESCE(SUM(cases), 0), COALESCE(SUM(persons), 0) FROM daily_volume "
                        + "WHERE region_code LIKE :prefix AND day BETWEEN :from AND :to")
                .setParameter("prefix", regionPrefix + "%")
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
  }

  /** One key's counts over the three periods compared (Volumes.Periods). */
  public record Counts(String key, long count, long persons, long previous, long lastYear) {}

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

  private static final String UNIT_COUNTS =
      "SELECT unit_code, count(*) FILTER (WHERE started_on BETWEEN :from AND :to), 0,"
          + " count(*) FILTER (WHERE started_on BETWEEN :pfrom AND :pto),"
          + " count(*) FILTER (WHERE started_on BETWEEN :yfrom AND :yto)"
          + " FROM step_fact WHERE step = 'ACCEPT' AND unit_region_code = :region"
          + " AND (started_on BETWEEN :from AND :to OR started_on BETWEEN :pfrom AND :pto"
          + " OR started_on BETWEEN :yfrom AND :yto) GROUP BY 1 ORDER BY 1";

  /** The counts by a dimension's column of the petition tallies, in the region itself. */
  @SuppressWarnings("unchecked")
  public List<Counts> byColumn(String column, String region, Volumes.Periods periods) {
    return counts(
        bind(
                entityManager.createNativeQuery(
                    "SELECT "
                        + column
                        + ", "
                        + COUNTS
                        + "region_code = :region GROUP BY 1 ORDER BY 1"),
                region,
                periods)
            .getResultList());
  }

  /** The counts of each child region (of {@code childLength} digits). */
  @SuppressWarnings("unchecked")
  public List<Counts> byChildRegion(String region, int childLength, Volumes.Periods periods) {
    return counts(
        bind(
                entityManager.createNativeQuery(
                    "SELECT region_code, "
                        + REGION_COUNTS
                        + "length(region_code) = "
                        + childLength
                        + " AND region_code LIKE :region || '%' GROUP BY 1 ORDER BY 1"),
                region,
                periods)
            .getResultList());
  }

  /** The region's own totals. */
  public Counts total(String region, Volumes.Periods periods) {
    Object[] total =
        (Object[])
            bind(
                    entityManager.createNativeQuery(
                        "SELECT 0, " + REGION_COUNTS + "region_code = :region"),
                    region,
                    periods)
                .getSingleResult();
    return counts(total, "TOTAL");
  }

  /** The acceptance periods started for each unit of the region's own level. */
  @SuppressWarnings("unchecked")
  public List<Counts> byUnit(String region, Volumes.Periods periods) {
    return counts(
        bind(entityManager.createNativeQuery(UNIT_COUNTS), region, periods).getResultList());
  }

  private static List<Counts> counts(List<Object[]> rows) {
    return rows.stream().map(r -> counts(r, (String) r[0])).toList();
  }

  private static Counts counts(Object[] r, String key) {
    return new Counts(key, number(r[1]), number(r[2]), number(r[3]), number(r[4]));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static jakarta.persistence.Query bind(
      jakarta.persistence.Query query, String region, Volumes.Periods p) {
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
