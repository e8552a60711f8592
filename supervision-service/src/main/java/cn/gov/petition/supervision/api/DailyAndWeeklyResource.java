package cn.gov.petition.supervision.api;

import cn.gov.petition.common.ranking.Ranks;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Dates;
import cn.gov.petition.common.validation.Periods;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.supervision.store.ClockTallies;
import cn.gov.petition.supervision.store.ClockTallies.DayTally;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 日分析、周排名: for a day or an ISO week, the steps each unit of a region and each child region did on
 * time, did late and let fall overdue, with the on-time rate, ranked. Answered from the per-unit
 * day tallies ({@link ClockTallies}), never by counting clocks.
 */
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "时限监督 / Statutory clocks",
    description = "法定期限的计时、临期与逾期 / Statutory deadlines: running, near and overdue")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class DailyAndWeeklyResource {

  private final ClockTallies tallies;
  private final Caller caller;
  private final DivisionTable divisions;
  private final Units units;

  public DailyAndWeeklyResource(
      ClockTallies tallies, Caller caller, DivisionTable divisions, Units units) {
    this.tallies = tallies;
    this.caller = caller;
    this.divisions = divisions;
    this.units = units;
  }

  /**
   * 排名一行.
   *
   * @param rank 1 for the best: the highest on-time rate, then the fewest fallen overdue; rows with
   *     nothing done come after those with a rate; equal figures share a rank
   * @param onTime steps done on time (按期完成)
   * @param late steps done late (超期完成)
   * @param fellOverdue steps that fell overdue (新增超期)
   * @param onTimeRate onTime / (onTime + late), null when nothing was done
   */
  public record Row(
      int rank,
      String code,
      String name,
      long onTime,
      long late,
      long fellOverdue,
      Double onTimeRate) {}

  /** 日分析 / 周排名 of one region and period. */
  public record Ranking(
      String regionCode,
      String regionName,
      String period,
      LocalDate from,
      LocalDate to,
      Row total,
      List<Row> ownUnits,
      List<Row> children) {}

  @GET
  @Path("/daily")
  @Operation(
      summary = "日分析 / One day's steps done on time, late and fallen overdue, by unit and region")
  public Ranking daily(
      @QueryParam("date") @NotNull @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE)
          String date,
      @QueryParam("region") @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region) {
    LocalDate day = Dates.parse("date", date);
    return ranking(Drilldown.root(caller, region), date, day, day);
  }

  @GET
  @Path("/weekly")
  @Operation(summary = "周排名 / One ISO week's ranking of units and child regions")
  public Ranking weekly(
      @QueryParam("week")
          @NotNull
          @Pattern(regexp = "\\d{4}-W\\d{2}", message = "must be an ISO week such as 2026-W49")
          String week,
      @QueryParam("region") @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region) {
    Periods.Period period = Periods.parse("week", week);
    return ranking(Drilldown.root(caller, region), week, period.from(), period.to());
  }

  private Ranking ranking(String root, String period, LocalDate from, LocalDate to) {
    List<Row> ownUnits =
        ranked(tallies.daysOwnUnits(root, from, to), code -> units.nameOr(code, null));
    List<Row> children =
        root.length() == 9
            ? List.of()
            : ranked(
                tallies.daysChildren(root, Drilldown.childLength(root), from, to),
                code -> divisions.find(code).map(Division::name).orElse(null));
    DayTally total = tallies.daysSubtree(root, from, to);
    return new Ranking(
        root,
        divisions.find(root).map(Division::name).orElse(null),
        period,
        from,
        to,
        row(0, total, null),
        ownUnits,
        children);
  }

  private static final Comparator<Row> BEST_FIRST =
      Comparator.comparing((Row r) -> r.onTimeRate() == null ? -1.0 : r.onTimeRate())
          .reversed()
          .thenComparingLong(Row::fellOverdue)
          .thenComparing(Row::code);

  private static List<Row> ranked(List<DayTally> tallies, Function<String, String> names) {
    List<Row> rows =
        new ArrayList<>(tallies.stream().map(t -> row(0, t, names.apply(t.code()))).toList());
    rows.sort(BEST_FIRST);
    int[] ranks =
        Ranks.of(
            rows,
            (above, r) ->
                java.util.Objects.equals(r.onTimeRate(), above.onTimeRate())
                    && r.fellOverdue() == above.fellOverdue());
    List<Row> ranked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      ranked.add(
          new Row(
              ranks[i], r.code(), r.name(), r.onTime(), r.late(), r.fellOverdue(), r.onTimeRate()));
    }
    return ranked;
  }

  private static Row row(int rank, DayTally t, String name) {
    long done = t.onTime() + t.late();
    Double rate = done == 0 ? null : Math.round(10000.0 * t.onTime() / done) / 10000.0;
    return new Row(rank, t.code(), name, t.onTime(), t.late(), t.fellOverdue(), rate);
  }
}
