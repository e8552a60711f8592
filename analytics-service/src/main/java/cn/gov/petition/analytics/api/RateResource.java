package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.Rate;
import cn.gov.petition.analytics.Rates;
import cn.gov.petition.analytics.store.RateRepository;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.ranking.Ranks;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 考核指标: the rates of a region's subtree over a period, each with its numerator, denominator,
 * buckets and formula version, and the cases behind any bucket (docs/statistics.md).
 */
@Path("/statistics/rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "统计 / Statistics",
    description = "信访量、考核指标、排名与通报 / Volumes, rates, rankings and bulletins")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class RateResource {

  private static final String RATES =
      "TIMELY_ACCEPTANCE|ON_TIME_REPLY|EVALUATION_PARTICIPATION|SATISFACTION|TIMELY_ASSISTANCE"
          + "|REPEAT_PETITIONS|BACKLOG_RESOLUTION";

  private final Rates rates;
  private final Caller caller;
  private final DivisionTable divisions;
  private final Units units;

  private final int minimumCases;

  public RateResource(
      Rates rates,
      Caller caller,
      DivisionTable divisions,
      Units units,
      @ConfigProperty(name = "petition.analytics.ranking.minimum-cases", defaultValue = "10")
          int minimumCases) {
    this.minimumCases = minimumCases;
    this.rates = rates;
    this.caller = caller;
    this.divisions = divisions;
    this.units = units;
  }

  /** One child region's figures. */
  public record ChildRates(String code, String name, List<Rates.Figure> rates) {}

  /** 分地区 / 分单位: the rates of each child region or own unit, for the dashboard's drill-down. */
  public record ByRegion(
      String regionCode,
      String regionName,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      List<ChildRates> children) {}

  /** The figures of one region and period, as of today (open steps past due count as overdue). */
  public record RateSheet(
      String regionCode, LocalDate from, LocalDate to, LocalDate asOf, List<Rates.Figure> rates) {}

  /** 指标明细: the cases behind one bucket of one rate. */
  public record CaseList(String rate, String bucket, LocalDate asOf, List<CaseRow> cases) {}

  /**
   * One fact counted. An accusation's (检举控告) is withheld from a caller who may not hear of it
   * (neither a 信访 or discipline office nor the handling unit): the row stays, so that the list has
   * as many rows as the bucket counts, but without its case.
   */
  public record CaseRow(
      @Schema(description = "案件 / the case; null when withheld") String caseId,
      @Schema(description = "案件编号 / its number; null when withheld") String caseNumber,
      LocalDate day,
      String unit,
      @Schema(description = "已隐去 / the case is an accusation the caller may not hear of")
          boolean withheld) {}

  private CaseRow row(RateRepository.CaseRef fact) {
    return !caller.mayHearOf(fact.accusation(), fact.unit())
        ? new CaseRow(null, null, fact.day(), fact.unit(), true)
        : new CaseRow(fact.caseId(), fact.caseNumber(), fact.day(), fact.unit(), false);
  }

  @GET
  @Operation(
      summary = "考核指标 / The rates of a region subtree over a period",
      description =
          "Steps and evaluation windows count in the period of their due date, petitions on the"
              + " day received; each figure names its formula version (docs/statistics.md).")
  public RateSheet sheet(@BeanParam @Valid RegionAndPeriod asked) {
    RegionAndPeriod.Checked period = asked.check(caller);
    String region = period.region();
    return new RateSheet(
        region,
        period.from(),
        period.to(),
        rates.today(),
        rates.all(region, period.from(), period.to()));
  }

  @GET
  @Path("/by-region")
  @Operation(
      summary = "分地区考核指标 / The rates of each child region, for the drill-down",
      description =
          "Child regions with any fact in the period; a township has none (ask for the township"
              + " itself).")
  public ByRegion byRegion(@BeanParam @Valid RegionAndPeriod asked) {
    RegionAndPeriod.Checked period = asked.check(caller);
    return byGroup(period, Of.REGION);
  }

  @GET
  @Path("/by-unit")
  @Operation(
      summary = "分单位考核指标 / The rates of each unit at the region's own level",
      description =
          "Units of the region itself (a county's departments, not its townships') with any fact"
              + " in the period; no 重复信访率, since a petition names no unit.")
  public ByRegion byUnit(@BeanParam @Valid RegionAndPeriod asked) {
    RegionAndPeriod.Checked period = asked.check(caller);
    return byGroup(period, Of.UNIT);
  }

  /** What a ranking ranks. */
  enum Of {
    /** The child regions. */
    REGION,
    /** The units at the region's own level. */
    UNIT
  }

  private ByRegion byGroup(RegionAndPeriod.Checked period, Of of) {
    String region = period.region();
    List<ChildRates> children =
        of == Of.REGION && period.childLength() == 0
            ? List.of()
            : rates
                .by(
                    of == Of.UNIT
                        ? RateRepository.Grouping.ownUnits(region)
                        : RateRepository.Grouping.childRegions(period.childLength()),
                    region,
                    period.from(),
                    period.to())
                .entrySet()
                .stream()
                .map(e -> new ChildRates(e.getKey(), name(of, e.getKey()), e.getValue()))
                .toList();
    return new ByRegion(
        region,
        divisions.find(region).map(Division::name).orElse(null),
        period.from(),
        period.to(),
        rates.today(),
        children);
  }

  private String name(Of of, String code) {
    return of == Of.UNIT
        ? units.nameOr(code, null)
        : divisions.find(code).map(Division::name).orElse(null);
  }

  /**
   * 排名一行: 1 is the best (the highest rate; for 重复信访率 the lowest). A row with fewer cases counted
   * (its denominator) than the ranking's minimum is listed without a rank, after the ranked ones,
   * by code: 1 of 1 does not outrank 99 of 100.
   */
  public record RankedRow(
      @Schema(description = "名次；案件数不足不参与排名时为空 / the rank; null when too few cases to rank")
          Integer rank,
      String code,
      String name,
      long numerator,
      long denominator,
      BigDecimal value,
      String formulaVersion) {

    RankedRow ranked(Integer rank) {
      return new RankedRow(rank, code, name, numerator, denominator, value, formulaVersion);
    }
  }

  /**
   * 排名: the child regions or the region's own units by one rate, naming the formula and its
   * version, and the fewest cases a row needs to be ranked.
   */
  public record Ranking(
      String regionCode,
      String regionName,
      String rate,
      String label,
      @Schema(description = "计算公式 / the formula", example = "及时受理 / (及时受理 + 超期受理 + 超期未受理)")
          String formula,
      @Schema(description = "公式版本 / its version", example = "timely-acceptance/v2")
          String formulaVersion,
      @Schema(
              description =
                  "参与排名的最少案件数（分母）；不足者列出但不排名 / the fewest cases counted (the"
                      + " denominator) a row needs to be ranked; fewer are listed, not ranked",
              example = "10")
          int minimumCases,
      String of,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      List<RankedRow> rows) {}

  /** The ranking, checked: the region and period, and a rate kept for what is ranked. */
  private Ranking rank(String rate, String of, Integer minimum, RegionAndPeriod asked) {
    RegionAndPeriod.Checked period = asked.check(caller);
    Rate which = Rate.valueOf(rate);
    Of ranked = Of.valueOf(of);
    if (ranked == Of.UNIT && !which.perUnit()) {
      throw ProblemException.invalid(
          "rate", "RateOfUnit", which.label() + "不按单位统计 / " + which + " is not kept per unit");
    }
    List<RankedRow> rows = new ArrayList<>();
    for (ChildRates child : byGroup(period, ranked).children()) {
      Rates.Figure f =
          child.rates().stream().filter(r -> r.rate() == which).findFirst().orElseThrow();
      rows.add(
          new RankedRow(
              0,
              child.code(),
              child.name(),
              f.numerator(),
              f.denominator(),
              f.value(),
              f.formulaVersion()));
    }
    int floor = minimum != null ? minimum : minimumCases;
    return new Ranking(
        period.region(),
        divisions.find(period.region()).map(Division::name).orElse(null),
        rate,
        which.label(),
        which.formula(),
        which.version(),
        floor,
        of,
        period.from(),
        period.to(),
        rates.today(),
        ranked(rows, which, floor));
  }

  /**
   * The rows with at least {@code floor} cases counted, best first, then by code, equal values
   * sharing a rank; then the others, unranked, by code.
   */
  static List<RankedRow> ranked(List<RankedRow> rows, Rate which, int floor) {
    Comparator<BigDecimal> better =
        which == Rate.REPEAT_PETITIONS ? Comparator.naturalOrder() : Comparator.reverseOrder();
    List<RankedRow> sorted =
        rows.stream()
            .filter(r -> r.denominator() >= floor && r.value() != null)
            .sorted(Comparator.comparing(RankedRow::value, better).thenComparing(RankedRow::code))
            .toList();
    int[] ranks = Ranks.of(sorted, (above, r) -> r.value().compareTo(above.value()) == 0);
    List<RankedRow> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      ranked.add(sorted.get(i).ranked(ranks[i]));
    }
    rows.stream()
        .filter(r -> !sorted.contains(r))
        .sorted(Comparator.comparing(RankedRow::code))
        .map(r -> r.ranked(null))
        .forEach(ranked::add);
    return ranked;
  }

  @GET
  @Path("/ranking")
  @Produces({MediaType.APPLICATION_JSON, "text/csv;charset=UTF-8"})
  @Operation(
      summary = "排名 / The child regions, or the region's own units, ranked by one rate",
      description =
          "JSON (the default), or CSV in Chinese with Accept: text/csv (for Excel: UTF-8 with a"
              + " BOM, Content-Disposition naming the file).")
  @APIResponse(
      responseCode = "200",
      description = "排名 / the ranking",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Ranking.class)),
        @Content(mediaType = "text/csv")
      })
  public Response ranking(
      @QueryParam("rate") @NotNull @Pattern(regexp = RATES, message = "must be one of " + RATES)
          String rate,
      @QueryParam("of")
          @DefaultValue("REGION")
          @Pattern(regexp = "REGION|UNIT", message = "must be REGION or UNIT")
          String of,
      @Parameter(
              description =
                  "参与排名的最少案件数（默认 petition.analytics.ranking.minimum-cases，10） / the fewest"
                      + " cases a row needs to be ranked (default 10)")
          @QueryParam("minimumCases")
          @Min(1)
          @Max(100000)
          Integer minimumCases,
      @BeanParam @Valid RegionAndPeriod asked,
      @Context HttpHeaders headers) {
    MediaType format = Formats.chosen(headers, MediaType.APPLICATION_JSON_TYPE, Formats.CSV);
    Ranking ranking = rank(rate, of, minimumCases, asked);
    if (format != Formats.CSV) {
      return Response.ok(ranking, format).build();
    }
    StringBuilder csv =
        new StringBuilder("UNIT".equals(of) ? "\uFEFF排名,单位代码,单位," : "\uFEFF排名,地区代码,地区,")
            .append(ranking.label())
            .append(",分子,分母,公式版本,备注\r\n");
    String tooFew = "案件数少于" + ranking.minimumCases() + "件，不参与排名";
    for (RankedRow r : ranking.rows()) {
      csv.append(r.rank() == null ? "" : r.rank())
          .append(',')
          .append(r.code())
          .append(',')
          .append(BulletinDocuments.quoted(r.name()))
          .append(',')
          .append(r.value() == null ? "" : r.value().toPlainString())
          .append(',')
          .append(r.numerator())
          .append(',')
          .append(r.denominator())
          .append(',')
          .append(r.formulaVersion())
          .append(',')
          .append(r.rank() == null ? tooFew : "")
          .append("\r\n");
    }
    String file =
        "ranking-"
            + ranking.regionCode()
            + "-"
            + rate
            + ("UNIT".equals(of) ? "-units" : "")
            + "-"
            + ranking.from()
            + "-"
            + ranking.to()
            + ".csv";
    return Response.ok(csv.toString(), format)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  @GET
  @Path("/{rate}/cases")
  @Operation(
      summary = "指标明细 / The cases behind one bucket of a rate",
      description =
          "One row per fact counted (a case with two late steps in the period is listed twice, as"
              + " it is counted twice), in the order the facts fell in the period (due date, day"
              + " received, day listed), then by case number; at most `limit` rows.")
  public CaseList cases(
      @PathParam("rate") @Pattern(regexp = RATES, message = "must be one of " + RATES) String rate,
      @QueryParam("bucket")
          @NotNull
          @Pattern(regexp = "[A-Z_]{1,40}", message = "must be a bucket name")
          String bucket,
      @BeanParam @Valid RegionAndPeriod asked,
      @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(5000) int limit) {
    RegionAndPeriod.Checked period = asked.check(caller);
    String region = period.region();
    Rate which = Rate.valueOf(rate);
    if (!rates.definition(which).denominator().contains(bucket)) {
      throw ProblemException.invalid(
          "bucket",
          "BucketOfRate",
          which.label() + " 的分项为 " + rates.definition(which).denominator());
    }
    return new CaseList(
        rate,
        bucket,
        rates.today(),
        rates.cases(which, bucket, region, period.from(), period.to(), limit).stream()
            .map(this::row)
            .toList());
  }
}
