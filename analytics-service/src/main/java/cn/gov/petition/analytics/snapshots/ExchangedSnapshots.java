package cn.gov.petition.analytics.snapshots;

import cn.gov.petition.common.events.StatisticsSnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

  private final EntityManager em;
  private final ObjectMapper json;
  private final Clock clock;

  public ExchangedSnapshots(EntityManager em, ObjectMapper json, Clock clock) {
    this.em = em;
    this.json = json;
    this.clock = clock;
  }

  /** Keeps the snapshot unless one computed later is already held for that node and day. */
  public void received(StatisticsSnapshot snapshot) {
    em.createNativeQuery(
            "INSERT INTO exchanged_snapshot (source_node, day, as_of, body, received_at) VALUES"
                + " (:node, :day, :asOf, CAST(:body AS jsonb), :at) ON CONFLICT (source_node, day)"
                + " DO UPDATE SET as_of = EXCLUDED.as_of, body = EXCLUDED.body,"
                + " received_at = EXCLUDED.received_at"
                + " WHERE exchanged_snapshot.as_of <= EXCLUDED.as_of")
        .setParameter("node", snapshot.node())
        .setParameter("day", snapshot.day())
        .setParameter("asOf", snapshot.asOf())
        .setParameter("body", write(snapshot))
        .setParameter("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
        .executeUpdate();
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
  @SuppressWarnings("unchecked")
  public Optional<Figures> of(String region, LocalDate from, LocalDate to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT source_node, CAST(body AS text) FROM exchanged_snapshot"
                    + " WHERE day BETWEEN :from AND :to AND :region LIKE source_node || '%'"
                    + " AND (source_node = :region OR length(:region) ="
                    + " CASE length(source_node) WHEN 6 THEN 9 ELSE length(source_node) + 2 END)"
                    + " ORDER BY length(source_node) DESC, day")
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("region", region)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String source = (String) rows.get(0)[0];
    long petitions = 0;
    long persons = 0;
    int days = 0;
    LocalDate asOf = null;
    Map<String, long[]> sums = new LinkedHashMap<>();
    Map<String, TreeSet<String>> versions = new LinkedHashMap<>();
    Map<String, Map<String, Long>> buckets = new LinkedHashMap<>();
    for (Object[] row : rows) {
      if (!row[0].equals(source)) {
        break;
      }
      StatisticsSnapshot snapshot = read((String) row[1]);
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

  private String write(StatisticsSnapshot snapshot) {
    try {
      return json.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private StatisticsSnapshot read(String body) {
    try {
      return json.readValue(body, StatisticsSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("exchanged_snapshot.body is not a snapshot", e);
    }
  }
}
