package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.intake.store.CaseSearchRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 待办: what the caller's unit must do next, case by case, soonest due first. */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "待办 / Work queue", description = "本单位待办事项 / the acts the caller's unit owes")
public class WorkQueueResource {

  private final CaseSearchRepository search;
  private final Caller caller;
  private final Clock clock;

  public WorkQueueResource(CaseSearchRepository search, Caller caller, Clock clock) {
    this.search = search;
    this.caller = caller;
    this.clock = clock;
  }

  @GET
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Operation(
      summary = "本单位待办 / The unit's work queue",
      description =
          "本单位应办的环节（转送交办、受理告知、办理答复、办结报告、复查、复核），按到期日先后，附剩余天数；已移交其他节点的案件在那里办理，不在此列。"
              + " The steps the caller's unit owes (forward, accept, answer, report, review,"
              + " re-review), soonest due first, with the days left; a case handed to another"
              + " node is acted on there and is not listed here. 给出 region 时：该区域（含下级）各单位所欠的环节，"
              + "仅限调用者可见的案件，超期最久的在前。 With region: what every unit of that subtree owes, on"
              + " the cases the caller may see, the most overdue first.")
  @APIResponse(
      responseCode = "400",
      description = "页码或每页件数不是整数 / page or size is not a whole number",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "403",
      description = "区域不在辖区内 / a region outside the caller's",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "每页件数超出范围 / size out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "一页待办 / a page of the queue",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WorkQueueView.class)))
  @Transactional
  public WorkQueueView queue(
      @Parameter(description = "区域（含下级）/ a region: what its units owe", example = "5303")
          @QueryParam("region")
          @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region,
      @Parameter(description = "只看本人经办的 / only the cases handed to the caller")
          @QueryParam("mine")
          @Pattern(regexp = "true", message = "must be true, or left out")
          String mine,
      @Parameter(description = "页码，从 0 起 / page, from 0")
          @QueryParam("page")
          @Pattern(regexp = "\\d{1,6}", message = "must be a whole number")
          String page,
      @Parameter(description = "每页件数 / acts per page, 1 to 100 (default 50)")
          @QueryParam("size")
          @Pattern(regexp = "\\d{1,6}", message = "must be a whole number")
          String size) {
    int pageSize = size == null ? 50 : Integer.parseInt(size);
    if (pageSize < 1 || pageSize > CaseQuery.MAX_SIZE) {
      throw ProblemException.invalid("size", "Range", "must be 1 to " + CaseQuery.MAX_SIZE);
    }
    int pageNumber = page == null ? 0 : Integer.parseInt(page);
    if (region != null && mine != null) {
      throw ProblemException.invalid(
          "mine", "RegionOrMine", "give region (what a region owes) or mine (your own), not both");
    }
    if (region != null && !caller.covers(region)) {
      throw ProblemException.forbidden(
          "区域 " + region + " 不在您的辖区内 / outside the caller's authority");
    }
    return WorkQueueView.of(
        region != null
            ? search.owedIn(region, CaseQuery.viewer(caller), pageNumber, pageSize)
            : mine != null
                ? search.queueOf(caller.unit(), caller.user(), pageNumber, pageSize)
                : search.queue(caller.unit(), pageNumber, pageSize),
        pageNumber,
        pageSize,
        LocalDate.now(clock));
  }
}
