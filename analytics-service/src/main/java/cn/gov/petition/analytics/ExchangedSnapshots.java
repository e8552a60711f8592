package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.SnapshotRepository;
import cn.gov.petition.contracts.StatisticsSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The snapshots received from the nodes below (V6 {@code exchanged_snapshot}), the latest of each
 * node and day, and a region's figures over a period summed from them.
 */
@ApplicationScoped
public class ExchangedSnapshots {

  private final SnapshotRepository snapshots;
  private final Clock clock;

  public ExchangedSnapshots(SnapshotRepository snapshots, Clock clock) {
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /** Keeps the snapshot unless one computed later is already held for that node and day. */
  public void received(StatisticsSnapshot snapshot) {
    snapshots.received(snapshot, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** A rate summed over the days: numerator, denominator, value, the versions the node used. */
  public record Rate(
      String rate,
      long numerator,
      long denominator,
      BigDecimal value,
      List<String> formulaVersions,
      Map<String, Long> buckets) {}

  /**
   * A region's figures from the snapshots of one node.
   *
   * @param sourceNode the node whose snapshots these are: the deepest that reports the region
   * @param daysReported the days of the period the node has published (a day without any figure is
   *     published too, as zero)
   * @param asOf the earliest day any of the summed snapshots was computed
   */
  public record Figures(
      String regionCode,
      String sourceNode,
      LocalDate from,
      LocalDate to,
      int daysReported,
      LocalDate asOf,
      long petitions,
      long persons,
      List<Rate> rates) {}

  /** The region's figures from the deepest node below that reports it, if any does. */
  public Optional<Figures> of(String region, LocalDate from, LocalDate to) {
    List<SnapshotRepository.Received> rows = snapshots.reporting(region, from, to);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String source = rows.get(0).sourceNode();
    long petitions = 0;
    long persons = 0;
    int days = 0;
    LocalDate asOf = null;
    Map<String, long[]> sums = new LinkedHashMap<>();
    Map<String, TreeSet<String>> versions = new LinkedHashMap<>();
    Map<String, Map<String, Long>> buckets = new LinkedHashMap<>();
    for (SnapshotRepository.Received row : rows) {
      if (!row.sourceNode().equals(source)) {
        break;
      }
      StatisticsSnapshot snapshot = row.snapshot();
      days++;
      asOf = asOf == null || snapshot.asOf().isBefore(asOf) ? snapshot.asOf() : asOf;
      for (StatisticsSnapshot.RegionFigures figures : snapshot.regions()) {
        if (!figures.regionCode().equals(region)) {
          continue;
        }
        petitions += figures.petitions();
        persons += figures.persons();
        for (StatisticsSnapshot.RateFigure rate : figures.rates()) {
          long[] sum = sums.computeIfAbsent(rate.rate(), r -> new long[2]);
          sum[0] += rate.numerator();
          sum[1] += rate.denominator();
          versions.computeIfAbsent(rate.rate(), r -> new TreeSet<>()).add(rate.formulaVersion());
          Map<String, Long> b =
              buckets.computeIfAbsent(rate.rate(), r -> new java.util.TreeMap<>());
          rate.buckets().forEach((k, v) -> b.merge(k, v, Long::sum));
        }
      }
    }
    List<Rate> rates = new ArrayList<>();
    sums.forEach(
        (rate, sum) ->
            rates.add(
                new Rate(
                    rate,
                    sum[0],
                    sum[1],
                    sum[1] == 0
                        ? null
                        : BigDecimal.valueOf(sum[0])
                            .divide(BigDecimal.valueOf(sum[1]), 4, RoundingMode.HALF_UP),
                    List.copyOf(versions.get(rate)),
                    buckets.get(rate))));
    return Optional.of(
        new Figures(region, source, from, to, days, asOf, petitions, persons, rates));
  }
}
