package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.rates.Rate;
import cn.gov.petition.analytics.rates.RateRepository;
import cn.gov.petition.analytics.rates.Rates;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
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
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 考核指标: the rates of a region's subtree over a period, each with its numerator, denominator,
 * buckets and formula version, and the cases behind any bucket (docs/statistics.md).
 */
@Path("/statistics/rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "统计 / Statistics")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class RateResource {

  private static final String RATES =
      "TIMELY_ACCEPTANCE|ON_TIME_REPLY|EVALUATION_PARTICIPATION|SATISFACTION|REPEAT_PETITIONS";

  private final Rates rates;
  private final Caller caller;
  private final DivisionTable divisions;

  public RateResource(Rates rates, Caller caller, DivisionTable divisions) {
    this.rates = rates;
    this.caller = caller;
    this.divisions = divisions;
  }

  /** One child region's figures. */
  public record ChildRates(String code, String name, List<Rates.Figure> rates) {}

  /** 分地区: the rates of each child region, for the dashboard's drill-down. */
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
  public record CaseList(
      String rate, String bucket, LocalDate asOf, List<RateRepository.CaseRef> cases) {}

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
    String region = period.region();
    List<ChildRates> children =
        region.length() == 9
            ? List.of()
            : rates
                .byChild(region, period.childLength(), period.from(), period.to())
                .entrySet()
                .stream()
                .map(
                    e ->
                        new ChildRates(
                            e.getKey(),
                            divisions.find(e.getKey()).map(Division::name).orElse(null),
                            e.getValue()))
                .toList();
    return new ByRegion(
        region,
        divisions.find(region).map(Division::name).orElse(null),
        period.from(),
        period.to(),
        rates.today(),
        children);
  }

  @GET
  @Path("/{rate}/cases")
  @Operation(summary = "指标明细 / The cases behind one bucket of a rate")
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
        rates.cases(which, bucket, region, period.from(), period.to(), limit));
  }
}
