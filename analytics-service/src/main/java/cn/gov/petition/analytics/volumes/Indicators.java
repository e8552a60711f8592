package cn.gov.petition.analytics.volumes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Other figures an office is judged by (domain.md §5, §8): the share of first petitions (初信初访),
 * collective visits and their persons, visits registered at the province, and the average days a
 * unit took to accept and to answer. Each with what it is made of.
 */
@ApplicationScoped
public class Indicators {

  private final EntityManager em;

  public Indicators(EntityManager em) {
    this.em = em;
  }

  /** A count of visits (批次) and the persons in them (人次). */
  public record Visits(long batches, long persons) {}

  /** An average number of calendar days over the steps done in the period. */
  public record AverageDays(long steps, BigDecimal days) {}

  /**
   * @param petitions 件次 received (registrations and repeat receipts)
   * @param firstPetitions of which first petitions (not linked to an earlier case, not a repeat)
   * @param firstShare firstPetitions / petitions, null when there were none
   * @param collectiveVisits 集体访: visits registered as collective (five or more people)
   * @param visitsToProvince 到省访: visits registered by a province-level office (not those the
   *     national bureau sent down)
   * @param visitsToBeijing 进京访: visits the national bureau registered and sent down
   *     (NATIONAL_TRANSFER)
   * @param escalatedVisits 越级访: visits registered more than one level above the level with
   *     authority, as routing found (Art 20)
   * @param acceptance from the start of the acceptance period to acceptance, steps done in the
   *     period
   * @param reply from acceptance to the written opinion, steps done in the period
   */
  public record Figures(
      long petitions,
      long firstPetitions,
      BigDecimal firstShare,
      Visits collectiveVisits,
      Visits visitsToProvince,
      Visits visitsToBeijing,
      Visits escalatedVisits,
      AverageDays acceptance,
      AverageDays reply) {}

  @Transactional
  public Figures of(String region, LocalDate from, LocalDate to) {
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
    long petitions = number(p[0]);
    long first = number(p[1]);
    return new Figures(
        petitions,
        first,
        petitions == 0
            ? null
            : BigDecimal.valueOf(first)
                .divide(BigDecimal.valueOf(petitions), 4, RoundingMode.HALF_UP),
        new Visits(number(p[2]), number(p[3])),
        new Visits(number(p[4]), number(p[5])),
        new Visits(number(p[6]), number(p[7])),
        new Visits(number(p[8]), number(p[9])),
        average("ACCEPT", region, from, to),
        average("HANDLE", region, from, to));
  }

  /** From the tallies of the steps done: how many, and the days they took in all. */
  private AverageDays average(String step, String region, LocalDate from, LocalDate to) {
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
    long steps = number(row[0]);
    return new AverageDays(
        steps,
        steps == 0
            ? null
            : BigDecimal.valueOf(number(row[1]))
                .divide(BigDecimal.valueOf(steps), 1, RoundingMode.HALF_UP));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
