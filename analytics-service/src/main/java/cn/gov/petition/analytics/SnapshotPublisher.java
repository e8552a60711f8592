package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.RateRepository;
import cn.gov.petition.analytics.store.SnapshotRepository;
import cn.gov.petition.analytics.store.TallyRepository;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.contracts.StatisticsSnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the node's daily figures ({@link StatisticsSnapshot}) for the nodes above: every day of
 * the last {@code petition.analytics.snapshots.days} whose figures differ from what was published
 * for it last, each in its own transaction with the outbox.
 */
@ApplicationScoped
public class SnapshotPublisher {

  private final Rates rates;
  private final SnapshotRepository snapshots;
  private final TallyRepository tallies;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final Clock clock;
  private final String node;
  private final int days;

  public SnapshotPublisher(
      Rates rates,
      SnapshotRepository snapshots,
      TallyRepository tallies,
      Outbox outbox,
      ObjectMapper json,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String node,
      @ConfigProperty(name = "petition.analytics.snapshots.days", defaultValue = "62") int days) {
    this.rates = rates;
    this.snapshots = snapshots;
    this.tallies = tallies;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
    this.node = node;
    this.days = days;
  }

  @Scheduled(
      identity = "statistics-snapshots",
      every = "${petition.analytics.snapshots.every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    publishChanged();
  }

  /** Publishes every recent day whose figures changed; returns the days published. */
  public List<LocalDate> publishChanged() {
    LocalDate today = LocalDate.now(clock);
    List<LocalDate> published = new ArrayList<>();
    for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
      LocalDate of = day;
      if (QuarkusTransaction.requiringNew().call(() -> publishIfChanged(of, today))) {
        published.add(day);
      }
    }
    return published;
  }

  private boolean publishIfChanged(LocalDate day, LocalDate today) {
    List<StatisticsSnapshot.RegionFigures> regions = figures(day);
    String digest = digest(regions);
    if (!snapshots.published(
        day, digest, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))) {
      return false;
    }
    outbox.publish(
        node + ":" + day, node + ":" + day, new StatisticsSnapshot(node, day, today, regions));
    return true;
  }

  /** The node's region and its child regions with any figure, on one day. */
  @SuppressWarnings("unchecked")
  List<StatisticsSnapshot.RegionFigures> figures(LocalDate day) {
    int childLength = Division.childCodeLength(node);
    Map<String, long[]> volumes = new TreeMap<>();
    volumes.putAll(tallies.dayVolumes(node, childLength, day));
    Map<String, List<Rates.Figure>> children =
        childLength == 0
            ? Map.of()
            : rates.by(RateRepository.Grouping.childRegions(childLength), node, day, day);

    List<StatisticsSnapshot.RegionFigures> regions = new ArrayList<>();
    long[] own = volumes.getOrDefault(node, new long[2]);
    volumes.remove(node);
    regions.add(
        new StatisticsSnapshot.RegionFigures(
            node, own[0], own[1], rateFigures(rates.all(node, day, day))));
    java.util.TreeSet<String> codes = new java.util.TreeSet<>(volumes.keySet());
    codes.addAll(children.keySet());
    for (String code : codes) {
      long[] v = volumes.getOrDefault(code, new long[2]);
      regions.add(
          new StatisticsSnapshot.RegionFigures(
              code, v[0], v[1], rateFigures(children.getOrDefault(code, List.of()))));
    }
    return regions;
  }

  private static List<StatisticsSnapshot.RateFigure> rateFigures(List<Rates.Figure> figures) {
    return figures.stream()
        .filter(f -> f.denominator() > 0 && f.rate().addsUpByDay())
        .map(
            f ->
                new StatisticsSnapshot.RateFigure(
                    f.rate().name(),
                    f.formulaVersion(),
                    f.numerator(),
                    f.denominator(),
                    f.buckets()))
        .toList();
  }

  private String digest(List<StatisticsSnapshot.RegionFigures> regions) {
    try {
      byte[] bytes =
          json.writer()
              .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
              .writeValueAsString(regions)
              .getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
