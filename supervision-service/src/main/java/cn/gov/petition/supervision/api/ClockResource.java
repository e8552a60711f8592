package cn.gov.petition.supervision.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.supervision.store.ClockEntity;
import cn.gov.petition.supervision.store.ClockRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "时限监督 / Statutory clocks",
    description = "法定期限的计时、临期与逾期 / Statutory deadlines: running, near and overdue")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER, Roles.HANDLER})
public class ClockResource {

  private final ClockRepository clocks;
  private final Caller caller;

  public ClockResource(ClockRepository clocks, Caller caller) {
    this.clocks = clocks;
    this.caller = caller;
  }

  /** 时限: one step's clock as a supervisor sees it. */
  public record ClockView(
      String caseId,
      String caseNumber,
      String step,
      String unitCode,
      String unitRegionCode,
      LocalDate startedOn,
      LocalDate dueOn,
      LocalDate doneOn,
      boolean petitionerWindow,
      String status,
      String stage,
      @Schema(
              description =
                  "待定：截止日期晚于计算所用日历覆盖的最后一天，载入下一年度节假日通知后重算 / provisional: past"
                      + " the last day of the calendar version it was counted with")
          boolean provisional,
      @Schema(description = "计算所用日历版本 / the calendar version") Integer calendarVersion) {

    static ClockView of(ClockEntity e) {
      return new ClockView(
          e.caseId.toString(),
          e.caseNumber,
          e.step.name(),
          e.unitCode,
          e.unitRegionCode,
          e.startedOn,
          e.dueOn,
          e.doneOn,
          e.petitionerWindow,
          e.status.name(),
          e.stage.name(),
          e.provisional,
          e.calendarVersion);
    }
  }

  @GET
  @Operation(
      summary = "时限列表 / Open clocks in the caller's region subtree, soonest due first",
      description =
          "With caseId: the clocks of that case, if its unit lies in the caller's subtree. With"
              + " unit: the open clocks of that unit (the last step of the deadline board's"
              + " drill-down); a unit outside the caller's subtree is refused.")
  public List<ClockView> clocks(
      @QueryParam("caseId") @Uuid String caseId,
      @QueryParam("unit")
          @Pattern(
              regexp = "(\\d{2}|\\d{4}|\\d{6}|\\d{9}):[a-z]+",
              message = "must be a unit code: division code, colon, department")
          String unit,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    if (caseId != null) {
      return view(clocks.ofCase(UUID.fromString(caseId), caller.subtree()));
    }
    if (unit != null) {
      if (!caller.covers(unit.substring(0, unit.indexOf(':')))) {
        throw ProblemException.forbidden("单位 " + unit + " 不在您的辖区内 / outside your subtree");
      }
      return view(clocks.openOf(unit, limit));
    }
    return view(clocks.openIn(caller.subtree(), limit));
  }

  /**
   * The clocks the caller may see: an accusation's only by a 信访 or discipline office or the unit
   * handling it, so that the accused never learns of it from its deadlines (Art 30(3)).
   */
  private List<ClockView> view(List<ClockEntity> found) {
    return found.stream()
        .filter(c -> caller.mayHearOf(c.accusation, c.unitCode))
        .map(ClockView::of)
        .toList();
  }
}
