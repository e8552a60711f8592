package cn.gov.petition.analytics;

import cn.gov.petition.analytics.store.RateRepository;
import cn.gov.petition.analytics.store.WarningEvidenceRepository;
import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 预警研判: evaluates every rule in force over the node's facts, as of today, and raises what it finds
 * (docs/warnings.md). Each rule runs in its own transaction; a finding already raised (its episode)
 * is not raised again, so replicas and reruns are harmless.
 */
@ApplicationScoped
public class WarningWatch {

  private static final Logger LOG = Logger.getLogger(WarningWatch.class);
  private static final Categories CATEGORIES = Categories.table();

  private final WarningRules rules;
  private final Warnings warnings;
  private final Rates rates;
  private final WarningEvidenceRepository evidence;
  private final Clock clock;
  private final DivisionTable divisions;
  private final Units units;
  private final String node;

  public WarningWatch(
      WarningRules rules,
      Warnings warnings,
      Rates rates,
      WarningEvidenceRepository evidence,
      Clock clock,
      DivisionTable divisions,
      Units units,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.rules = rules;
    this.warnings = warnings;
    this.rates = rates;
    this.evidence = evidence;
    this.clock = clock;
    this.divisions = divisions;
    this.units = units;
    this.node = node;
  }

  @Scheduled(
      identity = "warning-watch",
      every = "${petition.analytics.warnings.every:300s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    evaluate();
  }

  /** Evaluates every enabled rule; returns how many warnings were raised now. */
  public int evaluate() {
    int raised = 0;
    for (WarningRules.Rule rule : QuarkusTransaction.requiringNew().call(rules::inForce)) {
      if (rule.enabled()) {
        raised += QuarkusTransaction.requiringNew().call(() -> evaluate(rule));
      }
    }
    if (raised > 0) {
      LOG.infof("early warning: %d raised", raised);
    }
    return raised;
  }

  private int evaluate(WarningRules.Rule rule) {
    LocalDate today = LocalDate.now(clock);
    List<Warnings.Finding> findings =
        switch (rule.kind()) {
          case CATEGORY_SPIKE -> categorySpikes(rule, today);
          case REPEAT_PETITIONS -> repeatPetitions(rule, today);
          case MOVING_UP -> movingUp(rule, today);
          case COLLECTIVE_SIGNS -> collectiveSigns(rule, today);
          case RATE_BELOW -> ratesBelow(rule, today);
          case NEAR_DEADLINE -> nearDeadline(rule, today);
        };
    int raised = 0;
    for (Warnings.Finding finding : findings) {
      raised += warnings.raise(rule, finding) ? 1 : 0;
    }
    return raised;
  }

  // ------------------------------------------------------------------------------- the rules

  /**
   * One category in one region: the last days against the same number of days before, on average.
   */
  private List<Warnings.Finding> categorySpikes(WarningRules.Rule rule, LocalDate today) {
    int days = rule.integer("days");
    int windows = rule.integer("baselineWindows");
    int digits = rule.integer("regionDigits");
    double factor = rule.number("factor");
    LocalDate recentFrom = today.minusDays(days - 1L);
    var rows =
        evidence.categoryCounts(
            node,
            digits,
            recentFrom,
            recentFrom.minusDays((long) days * windows),
            today,
            rule.integer("minCount"));
    List<Warnings.Finding> findings = new ArrayList<>();
    for (var row : rows) {
      String region = row.region();
      String category = row.category();
      long recent = row.recent();
      double baseline = (double) row.before() / windows;
      if (recent < factor * baseline) {
        continue;
      }
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("count", (double) recent);
      figures.put("baseline", round(baseline));
      figures.put("factor", factor);
      String what =
          regionName(region) + " " + categoryName(category) + " 近" + days + "日" + recent + "件次";
      String summary;
      if (baseline == 0) {
        summary = what + "，此前" + windows + "个" + days + "日无此类信访";
      } else {
        figures.put("ratio", round(recent / baseline));
        summary =
            what
                + "，为此前"
                + windows
                + "个"
                + days
                + "日平均（"
                + round(baseline)
                + "件次）的"
                + round(recent / baseline)
                + "倍";
      }
      findings.add(
          new Warnings.Finding(
              region,
              region + "/" + category,
              region + "/" + category + ":" + week(today),
              summary,
              figures,
              row.cases()));
    }
    return findings;
  }

  /** A chain of petitions (one matter petitioned again and again) often in the last days. */
  private List<Warnings.Finding> repeatPetitions(WarningRules.Rule rule, LocalDate today) {
    int days = rule.integer("days");
    var rows =
        evidence.chains(node, today.minusDays(days - 1L), today, rule.integer("minPetitions"));
    List<Warnings.Finding> findings = new ArrayList<>();
    for (var row : rows) {
      List<String> cases = distinct(row.cases());
      String chain = chainName(row.chainId(), cases);
      long petitions = row.petitions();
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("petitions", (double) petitions);
      figures.put("cases", (double) row.caseCount());
      figures.put("days", (double) days);
      findings.add(
          new Warnings.Finding(
              row.latestRegion(),
              chain,
              row.chainId() + ":" + today.toEpochDay() / days,
              chain + " 同一事项近" + days + "日信访" + petitions + "次（" + cases.size() + "件）",
              figures,
              cases));
    }
    return findings;
  }

  /** A chain of petitions registered at a higher level than where it began. */
  private List<Warnings.Finding> movingUp(WarningRules.Rule rule, LocalDate today) {
    int days = rule.integer("days");
    var rows = evidence.climbingChains(node, today.minusDays(days - 1L), today);
    List<Warnings.Finding> findings = new ArrayList<>();
    for (var row : rows) {
      List<Integer> levels = row.levels();
      int first = levels.get(0);
      int highest = levels.stream().min(Integer::compare).orElseThrow();
      if (highest >= first) {
        continue;
      }
      List<String> cases = distinct(row.cases());
      String chain = chainName(row.chainId(), cases);
      List<String> path = new ArrayList<>();
      for (int level : levels) {
        String name = levelName(level);
        if (path.isEmpty() || !path.get(path.size() - 1).equals(name)) {
          path.add(name);
        }
      }
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("firstLevelDigits", (double) first);
      figures.put("highestLevelDigits", (double) highest);
      figures.put("registrations", (double) levels.size());
      findings.add(
          new Warnings.Finding(
              row.latestRegion(),
              chain,
              row.chainId() + ":" + highest,
              chain
                  + " 同一事项由"
                  + levelName(first)
                  + "登记起，近"
                  + days
                  + "日已到"
                  + levelName(highest)
                  + "（"
                  + String.join("→", path)
                  + "）",
              figures,
              cases));
    }
    return findings;
  }

  /** Many petitions of one category from one place in a short time, from different petitioners. */
  private List<Warnings.Finding> collectiveSigns(WarningRules.Rule rule, LocalDate today) {
    int days = rule.integer("days");
    int digits = rule.integer("regionDigits");
    var rows =
        evidence.collectiveSigns(
            node, digits, today.minusDays(days - 1L), today, rule.integer("minPetitions"));
    List<Warnings.Finding> findings = new ArrayList<>();
    for (var row : rows) {
      String region = row.region();
      String category = row.category();
      long matters = row.matters();
      long persons = row.persons();
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("petitions", (double) matters);
      figures.put("persons", (double) persons);
      figures.put("days", (double) days);
      findings.add(
          new Warnings.Finding(
              region,
              region + "/" + category,
              region + "/" + category + ":" + week(today),
              regionName(region)
                  + " "
                  + categoryName(category)
                  + " 近"
                  + days
                  + "日"
                  + matters
                  + "起不同信访（"
                  + persons
                  + "人），有集体访苗头",
              figures,
              row.cases()));
    }
    return findings;
  }

  /** Units whose rate over the last days (steps due in them) is below the threshold. */
  private List<Warnings.Finding> ratesBelow(WarningRules.Rule rule, LocalDate today) {
    int days = rule.integer("days");
    Rate rate = Rate.valueOf(rule.text("rate"));
    double threshold = rule.number("threshold");
    int minDenominator = rule.integer("minDenominator");
    List<Warnings.Finding> findings = new ArrayList<>();
    rates
        .by(RateRepository.Grouping.allUnits(), node, today.minusDays(days - 1L), today)
        .forEach(
            (unit, figures) -> {
              Rates.Figure f =
                  figures.stream().filter(x -> x.rate() == rate).findFirst().orElseThrow();
              if (f.value() == null
                  || f.denominator() < minDenominator
                  || f.value().compareTo(BigDecimal.valueOf(threshold)) >= 0) {
                return;
              }
              Map<String, Double> evidence = new LinkedHashMap<>();
              evidence.put("numerator", (double) f.numerator());
              evidence.put("denominator", (double) f.denominator());
              evidence.put("value", f.value().doubleValue());
              evidence.put("threshold", threshold);
              findings.add(
                  new Warnings.Finding(
                      unit.substring(0, unit.indexOf(':')),
                      unit,
                      unit + ":" + rate + ":" + week(today),
                      unitName(unit)
                          + " 近"
                          + days
                          + "日"
                          + rate.label()
                          + percent(f.value().doubleValue())
                          + "（"
                          + f.numerator()
                          + "/"
                          + f.denominator()
                          + "，"
                          + f.formulaVersion()
                          + "），低于"
                          + percent(threshold),
                      evidence,
                      List.of()));
            });
    return findings;
  }

  /** A unit's acceptance and handling steps due within days that have been open for long. */
  private List<Warnings.Finding> nearDeadline(WarningRules.Rule rule, LocalDate today) {
    int within = rule.integer("withinDays");
    int idle = rule.integer("idleDays");
    var rows = evidence.idleSteps(node, today, today.plusDays(within), today.minusDays(idle));
    List<Warnings.Finding> findings = new ArrayList<>();
    for (var row : rows) {
      String unit = row.unit();
      long steps = row.steps();
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("steps", (double) steps);
      figures.put("withinDays", (double) within);
      figures.put("idleDays", (double) idle);
      findings.add(
          new Warnings.Finding(
              row.region(),
              unit,
              unit + ":" + today,
              unitName(unit) + " " + steps + "件将于" + within + "日内到期，已" + idle + "日以上未办结",
              figures,
              row.cases()));
    }
    return findings;
  }

  // ------------------------------------------------------------------------------- helpers

  /**
   * A chain of petitions by its first case's number; one of accusations (检举控告), whose numbers a
   * warning never lists (an accused unit may read warnings: Art 30(3)), by its chain id.
   */
  private static String chainName(java.util.UUID chainId, List<String> cases) {
    return cases.isEmpty() ? "检举控告事项" + chainId : cases.get(0);
  }

  private static List<String> distinct(List<String> cases) {
    return cases.stream().distinct().toList();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static String percent(double value) {
    return BigDecimal.valueOf(value * 100).stripTrailingZeros().toPlainString() + "%";
  }

  private static String week(LocalDate day) {
    return String.format(
        "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static String levelName(int digits) {
    return switch (digits) {
      case 2 -> "省级";
      case 4 -> "市级";
      case 6 -> "县级";
      default -> "乡级";
    };
  }

  private String regionName(String code) {
    return divisions.find(code).map(Division::name).orElse(code);
  }

  private static String categoryName(String code) {
    return CATEGORIES.find(code).map(Categories.Category::name).orElse(code);
  }

  private String unitName(String code) {
    return units.nameInWords(code);
  }
}
