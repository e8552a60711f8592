package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.Dimension;
import cn.gov.petition.analytics.Indicators;
import cn.gov.petition.analytics.Volumes;
import cn.gov.petition.analytics.store.VolumeRepository;
import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "统计 / Statistics",
    description = "信访量、考核指标、排名与通报 / Volumes, rates, rankings and bulletins")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class VolumeResource {

  private static final Categories CATEGORIES = Categories.table();

  private final VolumeRepository volumes;
  private final Volumes byDimension;
  private final Indicators indicators;
  private final Caller caller;
  private final DivisionTable divisions;
  private final Units units;

  public VolumeResource(
      VolumeRepository volumes,
      Volumes byDimension,
      Indicators indicators,
      Caller caller,
      DivisionTable divisions,
      Units units) {
    this.units = units;
    this.indicators = indicators;
    this.volumes = volumes;
    this.byDimension = byDimension;
    this.caller = caller;
    this.divisions = divisions;
  }

  /** 信访总量: cases (件次) and persons (人次) received in a region's subtree over a period. */
  public record Volume(String regionCode, LocalDate from, LocalDate to, long cases, long persons) {}

  @GET
  @Path("/volume")
  @Transactional
  @Operation(summary = "信访量 / Cases and persons received in a region subtree over a period")
  public Volume volume(@BeanParam @Valid RegionAndPeriod asked) {
    RegionAndPeriod.Checked period = asked.check(caller);
    long[] totals = volumes.total(period.region(), period.from(), period.to());
    return new Volume(period.region(), period.from(), period.to(), totals[0], totals[1]);
  }

  /** One key with its name where there is one. */
  public record Row(String key, String name, Volumes.Row figures) {}

  /** 分类统计 with 环比 and 同比. */
  public record ByDimension(
      String regionCode,
      String dimension,
      Volumes.Periods periods,
      Volumes.Row total,
      List<Row> rows) {}

  @GET
  @Path("/volume/by")
  @Operation(
      summary = "分类统计 / 件次 by channel, category, class, purpose or child region, 环比 and 同比",
      description =
          "Counts registrations and repeat receipts (件次) on the day received in the matter's"
              + " region; previous = the same number of days just before, lastYear = the same"
              + " dates a year earlier.")
  public ByDimension byDimension(
      @BeanParam @Valid RegionAndPeriod asked,
      @QueryParam("dimension")
          @NotNull
          @Pattern(
              regexp = "CHANNEL|CATEGORY|PETITION_CLASS|PURPOSE|REGION",
              message = "must be CHANNEL, CATEGORY, PETITION_CLASS, PURPOSE or REGION")
          String dimension) {
    RegionAndPeriod.Checked period = asked.check(caller);
    Dimension by = Dimension.valueOf(dimension);
    Volumes.Periods periods = Volumes.Periods.of(period.from(), period.to());
    Volumes.Answer answer = byDimension.count(period.region(), by, period.childLength(), periods);
    return new ByDimension(
        period.region(),
        dimension,
        periods,
        answer.total(),
        answer.rows().stream().map(r -> new Row(r.key(), name(by, r.key()), r)).toList());
  }

  /** 单位收件 with 环比 and 同比. */
  public record ByUnit(String regionCode, Volumes.Periods periods, List<Row> rows) {}

  @GET
  @Path("/volume/by-unit")
  @Operation(
      summary = "单位收件 / Cases given to each unit of the region's own level, 环比 and 同比",
      description =
          "A case counts for a unit on the day its acceptance period started there (转送 or 交办);"
              + " a case re-routed counts for each unit it was given to.")
  public ByUnit byUnit(@BeanParam @Valid RegionAndPeriod asked) {
    RegionAndPeriod.Checked period = asked.check(caller);
    Volumes.Periods periods = Volumes.Periods.of(period.from(), period.to());
    return new ByUnit(
        period.region(),
        periods,
        byDimension.byUnit(period.region(), periods).stream()
            .map(r -> new Row(r.key(), units.nameOr(r.key(), null), r))
            .toList());
  }

  /** 其他指标 of one region and period. */
  public record IndicatorSheet(
      String regionCode, LocalDate from, LocalDate to, Indicators.Figures figures) {}

  @GET
  @Path("/indicators")
  @Operation(
      summary =
          "其他指标 / First-petition share, collective visits, visits to the province, average days",
      description =
          "Petitions on the day received in the matter's region; averages over the steps done in"
              + " the period by units of the region (calendar days from the step's start).")
  public IndicatorSheet indicators(@BeanParam @Valid RegionAndPeriod asked) {
    RegionAndPeriod.Checked period = asked.check(caller);
    return new IndicatorSheet(
        period.region(),
        period.from(),
        period.to(),
        indicators.of(period.region(), period.from(), period.to()));
  }

  private String name(Dimension by, String key) {
    if (key == null) {
      return null;
    }
    return switch (by) {
      case REGION -> divisions.find(key).map(Division::name).orElse(null);
      case CATEGORY -> CATEGORIES.find(key).map(Categories.Category::name).orElse(null);
      default -> null;
    };
  }
}
