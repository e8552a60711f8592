package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.TallyRepository;
import jakarta.enterprise.context.ApplicationScoped;
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

  private final TallyRepository tallies;

  public Indicators(TallyRepository tallies) {
    this.tallies = tallies;
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
    long[] p = tallies.petitions(region, from, to);
    long petitions = p[0];
    long first = p[1];
    return new Figures(
        petitions,
        first,
        petitions == 0
            ? null
            : BigDecimal.valueOf(first)
                .divide(BigDecimal.valueOf(petitions), 4, RoundingMode.HALF_UP),
        new Visits(p[2], p[3]),
        new Visits(p[4], p[5]),
        new Visits(p[6], p[7]),
        new Visits(p[8], p[9]),
        average("ACCEPT", region, from, to),
        average("HANDLE", region, from, to));
  }

  /** From the tallies of the steps done: how many, and the days they took in all. */
  private AverageDays average(String step, String region, LocalDate from, LocalDate to) {
    long[] done = tallies.doneSteps(step, region, from, to);
    long steps = done[0];
    return new AverageDays(
        steps,
        steps == 0
            ? null
            : BigDecimal.valueOf(done[1])
                .divide(BigDecimal.valueOf(steps), 1, RoundingMode.HALF_UP));
  }
}
