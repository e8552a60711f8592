package cn.gov.petition.analytics.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.validation.Dates;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/** The region and period a statistics question asks about, as query parameters. */
public class RegionAndPeriod {

  static final String REGION = "\\d{2}|\\d{4}|\\d{6}|\\d{9}";
  static final String REGION_MESSAGE = "must be a 2, 4, 6 or 9-digit division code";

  @QueryParam("region")
  @NotNull
  @Pattern(regexp = REGION, message = REGION_MESSAGE)
  public String region;

  @QueryParam("from")
  @NotNull
  @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
  public String from;

  @QueryParam("to")
  @NotNull
  @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
  public String to;

  /** What was asked, checked. */
  record Checked(String region, LocalDate from, LocalDate to) {

    /** The length of the child regions' codes (a township has none). */
    int childLength() {
      return region.length() == 6 ? 9 : region.length() + 2;
    }
  }

  /** 403 outside the caller's subtree; 422 for a period backwards or longer than a year. */
  Checked check(Caller caller) {
    if (!caller.covers(region)) {
      throw ProblemException.forbidden(
          "区域 " + region + " 不在您的辖区内 / outside the caller's authority");
    }
    LocalDate start = Dates.parse("from", from);
    LocalDate end = Dates.parse("to", to);
    if (end.isBefore(start) || end.isAfter(start.plusYears(1))) {
      throw ProblemException.invalid(
          "to", "Range", "须不早于 from 且不超过一年 / on or after from, within a year");
    }
    return new Checked(region, start, end);
  }
}
