package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.RateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Computes each rate of a region and period from the facts, with its numerator and denominator, the
 * buckets they are made of, and the formula's version. Where provinces differ (超期未评价 in the
 * satisfaction rate) the province's choice is configuration and shows in the version.
 */
@ApplicationScoped
public class Rates {

  /** The bucket of evaluation windows that ended without an answer. */
  static final String UNEVALUATED = "UNEVALUATED";

  private final RateRepository repository;
  private final Clock clock;
  private final boolean unevaluatedAsSatisfied;

  public Rates(
      RateRepository repository,
      Clock clock,
      @ConfigProperty(
              name = "petition.analytics.satisfaction.unevaluated-as-satisfied",
              defaultValue = "false")
          boolean unevaluatedAsSatisfied) {
    this.repository = repository;
    this.clock = clock;
    this.unevaluatedAsSatisfied = unevaluatedAsSatisfied;
  }

  /** A rate's definition as this node applies it, with the name it is published under. */
  public record Definition(
      Rate rate,
      String label,
      String version,
      String formula,
      List<String> numerator,
      List<String> denominator) {}

  public Definition definition(Rate rate) {
    if (rate == Rate.SATISFACTION && unevaluatedAsSatisfied) {
      List<String> numerator = new ArrayList<>(rate.numerator());
      numerator.add(UNEVALUATED);
      List<String> denominator = new ArrayList<>(rate.denominator());
      denominator.add(UNEVALUATED);
      // not the satisfaction of those who answered: named for what it counts
      return new Definition(
          rate,
          "满意率（超期未评价计为满意）",
          "satisfaction-counting-unevaluated-as-satisfied/v2",
          "(满意 + 基本满意 + 超期未评价) / (已评价 + 超期未评价)",
          numerator,
          denominator);
    }
    return new Definition(
        rate, rate.label(), rate.version(), rate.formula(), rate.numerator(), rate.denominator());
  }

  /**
   * One figure.
   *
   * @param value numerator / denominator to four places, null when the denominator is 0
   * @param buckets every bucket of the denominator with its count
   */
  public record Figure(
      Rate rate,
      String label,
      String formula,
      String formulaVersion,
      long numerator,
      long denominator,
      BigDecimal value,
      Map<String, Long> buckets) {}

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  @Transactional
  public List<Figure> all(String region, LocalDate from, LocalDate to) {
    List<Figure> figures = new ArrayList<>();
    repository
        .bucketsOfAll(region, from, to, today())
        .forEach((rate, buckets) -> figures.add(figure(rate, buckets)));
    return figures;
  }

  /**
   * Every rate of each group with any fact: each child region, or each unit of the region's own
   * level ({@link RateRepository.Grouping}). A unit has no 重复信访率 (a petition names no unit).
   */
  @Transactional
  public Map<String, List<Figure>> by(
      RateRepository.Grouping grouping, String region, LocalDate from, LocalDate to) {
    Map<String, Map<Rate, Map<String, Long>>> found = new TreeMap<>();
    repository
        .bucketsByAll(grouping, region, from, to, today())
        .forEach(
            (rate, groups) ->
                groups.forEach(
                    (group, buckets) ->
                        found
                            .computeIfAbsent(group, g -> new EnumMap<>(Rate.class))
                            .put(rate, buckets)));
    Map<String, List<Figure>> groups = new LinkedHashMap<>();
    found.forEach(
        (group, rates) -> {
          List<Figure> figures = new ArrayList<>();
          for (Rate rate : Rate.values()) {
            if (!grouping.units() || rate.perUnit()) {
              figures.add(figure(rate, rates.getOrDefault(rate, Map.of())));
            }
          }
          groups.put(group, figures);
        });
    return groups;
  }

  private Figure figure(Rate rate, Map<String, Long> found) {
    Definition definition = definition(rate);
    Map<String, Long> buckets = new LinkedHashMap<>();
    for (String bucket : definition.denominator()) {
      buckets.put(bucket, found.getOrDefault(bucket, 0L));
    }
    long numerator = definition.numerator().stream().mapToLong(buckets::get).sum();
    long denominator = buckets.values().stream().mapToLong(Long::longValue).sum();
    BigDecimal value =
        denominator == 0
            ? null
            : BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    return new Figure(
        rate,
        definition.label(),
        definition.formula(),
        definition.version(),
        numerator,
        denominator,
        value,
        buckets);
  }

  @Transactional
  public List<RateRepository.CaseRef> cases(
      Rate rate, String bucket, String region, LocalDate from, LocalDate to, int limit) {
    return repository.cases(rate, bucket, region, from, to, today(), limit);
  }
}
