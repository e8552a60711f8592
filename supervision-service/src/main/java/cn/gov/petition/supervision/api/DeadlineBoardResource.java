package cn.gov.petition.supervision.api;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.supervision.store.ClockTallies;
import cn.gov.petition.supervision.store.ClockTallies.Tally;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 时限看板: open, warned and overdue steps of one region, by its own units and by its child regions,
 * for the joint-meeting office's drill-down (province → city → county → township → unit → case).
 * Answered from the per-unit tallies this node keeps with its clocks ({@link ClockTallies}), never
 * by asking another service and never by counting clocks.
 */
@Path("/dashboard/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "时限监督 / Statutory clocks",
    description = "法定期限的计时、临期与逾期 / Statutory deadlines: running, near and overdue")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class DeadlineBoardResource {

  private final ClockTallies tallies;
  private final Caller caller;

  private final DivisionTable divisions;

  public DeadlineBoardResource(ClockTallies tallies, Caller caller, DivisionTable divisions) {
    this.tallies = tallies;
    this.caller = caller;
    this.divisions = divisions;
  }

  /**
   * 看板一格: the steps a unit or a region owes.
   *
   * @param code a unit code (本级单位) or a child region's code
   * @param name the unit's or region's name where known
   * @param open steps not yet done (petitioners' windows not counted)
   * @param warned of which within a warning threshold of their due date
   * @param overdue of which past their due date
   */
  public record Cell(String code, String name, long open, long warned, long overdue) {}

  /** 看板: a region's own units and its child regions, each with its counts. */
  public record Board(
      String regionCode, String regionName, Cell total, List<Cell> ownUnits, List<Cell> children) {}

  @GET
  @Operation(
      summary = "时限看板 / Open, warned and overdue steps of a region, by unit and child region",
      description =
          "region defaults to the root of the caller's subtree; a region outside it is refused."
              + " Drill down by asking again with a child's code; the open steps themselves, soonest"
              + " due first, are GET /clocks.")
  public Board board(
      @QueryParam("region") @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region) {
    String root = Drilldown.root(caller, region);
    int childLength = Drilldown.childLength(root);
    List<Cell> ownUnits = tallies.ownUnits(root).stream().map(t -> cell(t, null)).toList();
    List<Cell> children =
        root.length() == 9
            ? List.of()
            : tallies.children(root, childLength).stream()
                .map(t -> cell(t, divisions.find(t.code()).map(Division::name).orElse(null)))
                .toList();
    Tally total = tallies.subtree(root);
    return new Board(
        root,
        divisions.find(root).map(Division::name).orElse(null),
        cell(total, null),
        ownUnits,
        children);
  }

  private static Cell cell(Tally tally, String name) {
    return new Cell(tally.code(), name, tally.open(), tally.warned(), tally.overdue());
  }
}
