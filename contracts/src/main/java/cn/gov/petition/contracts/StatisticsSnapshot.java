package cn.gov.petition.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 统计快照: one day's figures of a node's region and of each of its child regions, as that node
 * computes them, published when they change, so that a higher node can show them without the raw
 * events (docs/statistics.md, "Statistics exchanged between levels"). Counts only: no case, no
 * person. Figures of one day add up over a period: a rate's numerator and denominator are sums.
 *
 * @param node the region of the node that computed them
 * @param day the day the figures are of (steps by due date, petitions by day received)
 * @param asOf the day they were computed (open steps past due count as overdue as of then)
 * @param regions the node's region first, then its child regions with any figure
 */
public record StatisticsSnapshot(
    String node, LocalDate day, LocalDate asOf, List<RegionFigures> regions) {

  public StatisticsSnapshot {
    regions = List.copyOf(regions);
  }

  /**
   * @param petitions 件次 received that day in the region
   * @param persons 人次 of those registrations
   * @param rates every rate of the day
   */
  public record RegionFigures(
      String regionCode, long petitions, long persons, List<RateFigure> rates) {

    public RegionFigures {
      rates = List.copyOf(rates);
    }
  }

  /**
   * @param rate e.g. TIMELY_ACCEPTANCE
   * @param formulaVersion the formula the node applied
   * @param buckets the facts in each bucket of the rate's denominator
   */
  public record RateFigure(
      String rate,
      String formulaVersion,
      long numerator,
      long denominator,
      Map<String, Long> buckets) {

    public RateFigure {
      buckets = Map.copyOf(buckets);
    }
  }
}
