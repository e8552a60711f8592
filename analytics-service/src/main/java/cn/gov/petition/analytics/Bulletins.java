package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.FactRepository;
import cn.gov.petition.analytics.store.RateRepository;
import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.validation.Periods;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Puts a bulletin together from the same services the statistics API answers with. Its nine
 * questions are asked in parallel, each in its own read transaction on its own connection of the
 * pool: a bulletin is about ten of the API's questions, and one after another they took longer than
 * the 100 ms a province's statistics are allowed (bench/README, sixth run). Each question reads
 * committed facts as every statistics request does; no question depends on another's answer.
 */
@ApplicationScoped
public class Bulletins {

  private static final Categories CATEGORIES = Categories.table();
  private static final Map<String, String> CHANNELS =
      Map.of(
          "LETTER", "来信",
          "VISIT", "来访",
          "ONLINE", "网上信访",
          "PHONE", "来电",
          "FAX", "传真",
          "MOBILE", "手机/二维码");

  private final Volumes volumes;
  private final Rates rates;
  private final Indicators indicators;
  private final Warnings warnings;
  private final DivisionTable divisions;
  private final Units units;
  private final ManagedExecutor executor;
  private final FactRepository facts;

  public Bulletins(
      Volumes volumes,
      Rates rates,
      Indicators indicators,
      Warnings warnings,
      DivisionTable divisions,
      Units units,
      ManagedExecutor executor,
      FactRepository facts) {
    this.volumes = volumes;
    this.rates = rates;
    this.indicators = indicators;
    this.warnings = warnings;
    this.divisions = divisions;
    this.units = units;
    this.executor = executor;
    this.facts = facts;
  }

  /** The kind of bulletin a period makes. */
  public static String kind(Periods.Kind period) {
    if (period == null) {
      return "统计报告";
    }
    return switch (period) {
      case DAY -> "日报";
      case WEEK -> "周报";
      case MONTH -> "月报";
      case QUARTER -> "季报";
      case YEAR -> "年报";
    };
  }

  public Bulletin of(
      String region,
      LocalDate from,
      LocalDate to,
      String period,
      String periodLabel,
      Periods.Kind periodKind) {
    String regionName = divisions.find(region).map(Division::name).orElse(region);
    String kind = kind(periodKind);
    Volumes.Periods periods = Volumes.Periods.of(from, to);
    int childLength = Division.childCodeLength(region);

    var byRegionAsked = ask(() -> volumes.count(region, Dimension.REGION, childLength, periods));
    var regionRatesAsked =
        ask(
            () ->
                childLength == 0
                    ? Map.<String, List<Rates.Figure>>of()
                    : rates.by(
                        RateRepository.Grouping.childRegions(childLength), region, from, to));
    var unitCountsAsked = ask(() -> volumes.byUnit(region, periods));
    var unitRatesAsked =
        ask(() -> rates.by(RateRepository.Grouping.ownUnits(region), region, from, to));
    var channelsAsked = ask(() -> volumes.count(region, Dimension.CHANNEL, childLength, periods));
    var categoriesAsked =
        ask(() -> volumes.count(region, Dimension.CATEGORY, childLength, periods));
    var raisedAsked = ask(() -> warnings.countByKind(region, from, to));
    var indicatorsAsked = ask(() -> indicators.of(region, from, to));
    var ratesAsked = ask(() -> rates.all(region, from, to));
    var instructionsAsked =
        ask(
            () ->
                QuarkusTransaction.requiringNew().call(() -> facts.instructions(region, from, to)));

    Volumes.Answer byRegion = answer(byRegionAsked);
    Map<String, Long> regionCounts = new TreeMap<>();
    byRegion.rows().forEach(r -> regionCounts.put(r.key(), r.count()));
    Map<String, List<Rates.Figure>> regionRates = answer(regionRatesAsked);
    List<Bulletin.Line> regions = new ArrayList<>();
    for (String code : union(regionCounts.keySet(), regionRates.keySet())) {
      regions.add(
          new Bulletin.Line(
              code,
              divisions.find(code).map(Division::name).orElse(code),
              regionCounts.getOrDefault(code, 0L),
              regionRates.getOrDefault(code, List.of())));
    }

    Map<String, Long> unitCounts = new TreeMap<>();
    answer(unitCountsAsked).forEach(r -> unitCounts.put(r.key(), r.count()));
    Map<String, List<Rates.Figure>> unitRates = answer(unitRatesAsked);
    List<Bulletin.Line> unitLines = new ArrayList<>();
    for (String code : union(unitCounts.keySet(), unitRates.keySet())) {
      unitLines.add(
          new Bulletin.Line(
              code,
              units.nameInWords(code),
              unitCounts.getOrDefault(code, 0L),
              unitRates.getOrDefault(code, List.of())));
    }

    List<Bulletin.Count> channels =
        answer(channelsAsked).rows().stream()
            .filter(r -> r.key() != null && r.count() > 0)
            .map(
                r ->
                    new Bulletin.Count(
                        r.key(),
                        CHANNELS.getOrDefault(r.key(), r.key()),
                        r.count(),
                        r.periodOnPeriod()))
            .toList();
    List<Bulletin.Count> categories =
        answer(categoriesAsked).rows().stream()
            .filter(r -> r.key() != null && r.count() > 0)
            .sorted(
                Comparator.comparingLong(Volumes.Row::count)
                    .reversed()
                    .thenComparing(Volumes.Row::key))
            .limit(10)
            .map(
                r ->
                    new Bulletin.Count(
                        r.key(),
                        CATEGORIES.find(r.key()).map(Categories.Category::name).orElse(r.key()),
                        r.count(),
                        r.periodOnPeriod()))
            .toList();
    List<Bulletin.Count> raised =
        answer(raisedAsked).entrySet().stream()
            .map(
                e ->
                    new Bulletin.Count(
                        e.getKey(), RuleKind.valueOf(e.getKey()).label(), e.getValue(), null))
            .toList();

    return new Bulletin(
        region,
        regionName,
        kind,
        regionName + "信访工作" + kind + "（" + periodLabel + "）",
        period,
        periodLabel,
        from,
        to,
        rates.today(),
        byRegion.total(),
        answer(indicatorsAsked),
        answer(ratesAsked),
        regions,
        unitLines,
        channels,
        categories,
        raised,
        instructions(answer(instructionsAsked)));
  }

  private static Bulletin.Instructions instructions(FactRepository.InstructionCounts c) {
    return new Bulletin.Instructions(
        c.issued(), c.answered(), c.answeredLate(), c.outstanding(), c.overdue());
  }

  private <T> CompletableFuture<T> ask(Supplier<T> question) {
    return executor.supplyAsync(question);
  }

  /** The answer of a question asked in parallel, or what it threw, as it threw it. */
  private static <T> T answer(CompletableFuture<T> asked) {
    try {
      return asked.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
