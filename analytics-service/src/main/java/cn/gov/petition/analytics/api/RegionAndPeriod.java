package cn.gov.petition.analytics.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.validation.Dates;
import cn.gov.petition.common.validation.Periods;
import cn.gov.petition.common.validation.Regions;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The region and period a statistics question asks about, as query parameters: a calendar period
 * ({@code period=2026-11}, a day, ISO week, month, quarter or year) or any days ({@code from} and
 * {@code to}), not both.
 */
public class RegionAndPeriod {

  @QueryParam("region")
  @NotNull
  @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
  @Parameter(description = "行政区划代码 / division code", example = "5303")
  public String region;

  @QueryParam("period")
  @Pattern(regexp = Periods.PATTERN, message = Periods.MESSAGE)
  @Parameter(
      description = "统计周期 / 2026-11-24, 2026-W48, 2026-11, 2026-Q4 or 2026; or give from and to",
      example = "2026-11")
  public String period;

  @QueryParam("from")
  @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
  @Parameter(description = "首日 / first day, with to, instead of period", example = "2026-11-01")
  public String from;

  @QueryParam("to")
  @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
  @Parameter(description = "末日 / last day, inclusive", example = "2026-11-30")
  public String to;

  /**
   * What was asked, checked.
   *
   * @param name the period as asked (2026-11, or 2026-11-03..2026-11-16)
   * @param label as a bulletin names it (2026年11月)
   * @param kind a day, week, month, quarter or year; null for days given by from and to
   */
  record Checked(
      String region, LocalDate from, LocalDate to, String name, String label, Periods.Kind kind) {

    /** The length of the child regions' codes; 0 for a township, which has none. */
    int childLength() {
      return Division.childCodeLength(region);
    }
  }

  /**
   * 403 outside the caller's subtree; 422 for a period and days both or neither, days backwards or
   * longer than a year.
   */
  Checked check(Caller caller) {
    if (!caller.covers(region)) {
      throw ProblemException.forbidden(
          "区域 " + region + " 不在您的辖区内 / outside the caller's authority");
    }
    if (period != null) {
      if (from != null || to != null) {
        throw ProblemException.invalid(
            "period",
            "PeriodOrDays",
            "period 与 from/to 只能给一种 / give period or from and to, not both");
      }
      Periods.Period p = Periods.parse("period", period);
      return new Checked(region, p.from(), p.to(), p.name(), p.label(), p.kind());
    }
    if (from == null || to == null) {
      throw ProblemException.invalid(
          from == null ? "from" : "to",
          "PeriodOrDays",
          "须给出 period，或 from 与 to / give period, or both from and to");
    }
    LocalDate start = Dates.parse("from", from);
    LocalDate end = Dates.parse("to", to);
    if (end.isBefore(start) || end.isAfter(start.plusYears(1))) {
      throw ProblemException.invalid(
          "to", "Range", "须不早于 from 且不超过一年 / on or after from, within a year");
    }
    return new Checked(region, start, end, start + ".." + end, start + "至" + end, null);
  }
}
