package cn.gov.petition.analytics.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The day tallies of petitions and of facts (V9, V10: {@code petition_tally}, {@code fact_tally}).
 */
@ApplicationScoped
public class TallyRepository {

  private final EntityManager em;

  public TallyRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * A region's petitions of a period: 件次, first petitions, collective visits and their persons,
   * visits to the province and their persons, visits sent down from Beijing and their persons,
   * escalated visits and their persons (Indicators.Figures), each 0 when there were none.
   */
  public long[] petitions(String region, LocalDate from, LocalDate to) {
    Object[] p =
        (Object[])
            em.createNativeQuery(
                    "SELECT sum(count), sum(count) FILTER (WHERE NOT repeat),"
                        + " sum(count) FILTER (WHERE collective AND channel = 'VISIT'),"
                        + " sum(persons) FILTER (WHERE collective AND channel = 'VISIT'),"
                        + " sum(count) FILTER (WHERE channel = 'VISIT' AND registering_level = 2"
                        + "  AND origin IS DISTINCT FROM 'NATIONAL_TRANSFER'),"
                        + " sum(persons) FILTER (WHERE channel = 'VISIT' AND registering_level = 2"
                        + "  AND origin IS DISTINCT FROM 'NATIONAL_TRANSFER'),"
                        + " sum(count) FILTER (WHERE channel = 'VISIT' AND origin = 'NATIONAL_TRANSFER'),"
                        + " sum(persons) FILTER (WHERE channel = 'VISIT'"
                        + "  AND origin = 'NATIONAL_TRANSFER'),"
                        + " sum(count) FILTER (WHERE channel = 'VISIT' AND escalated),"
                        + " sum(persons) FILTER (WHERE channel = 'VISIT' AND escalated)"
                        + " FROM petition_tally WHERE region_code = :region"
                        + " AND day BETWEEN :from AND :to")
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("region", region)
                .getSingleResult();
    long[] counts = new long[p.length];
    for (int i = 0; i < p.length; i++) {
      counts[i] = p[i] == null ? 0 : ((Number) p[i]).longValue();
    }
    return counts;
  }

  /** A step's tallies of a region and period: how many were done, and the days they took. */
  public long[] doneSteps(String step, String region, LocalDate from, LocalDate to) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT sum(count) FILTER (WHERE bucket = 'STEPS'),"
                        + " sum(count) FILTER (WHERE bucket = 'DAYS') FROM fact_tally"
                        + " WHERE kind = :kind AND region_code = :region"
                        + " AND day BETWEEN :from AND :to")
                .setParameter("kind", "DONE:" + step)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("region", region)
                .getSingleResult();
    return new long[] {
      row[0] == null ? 0 : ((Number) row[0]).longValue(),
      row[1] == null ? 0 : ((Number) row[1]).longValue()
    };
  }

  /**
   * One day's petitions (件次) and persons of a node's region and of each child region (of {@code
   * childLength} digits) that has any, by region code.
   */
  @SuppressWarnings("unchecked")
  public Map<String, long[]> dayVolumes(String node, int childLength, LocalDate day) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT region_code, coalesce(sum(count) FILTER (WHERE kind = 'PETITION'), 0),"
                    + " coalesce(sum(count) FILTER (WHERE kind = 'PERSONS'), 0) FROM fact_tally"
                    + " WHERE kind IN ('PETITION', 'PERSONS') AND day = :day"
                    + " AND (region_code = :node OR (length(region_code) = :length"
                    + " AND region_code LIKE :node || '%')) GROUP BY 1")
            .setParameter("length", childLength)
            .setParameter("day", day)
            .setParameter("node", node)
            .getResultList();
    Map<String, long[]> volumes = new TreeMap<>();
    rows.forEach(
        r ->
            volumes.put(
                (String) r[0],
                new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
    return volumes;
  }
}
