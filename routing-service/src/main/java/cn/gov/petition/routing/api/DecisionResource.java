package cn.gov.petition.routing.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.routing.Alternative;
import cn.gov.petition.routing.Router;
import cn.gov.petition.routing.store.AuthorityRuleEntity;
import cn.gov.petition.routing.store.AuthorityRuleSetRepository;
import cn.gov.petition.routing.store.RoutingDecisionEntity;
import cn.gov.petition.routing.store.RoutingDecisionRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 路由决定: how the rules placed a case (issue 31, item 3): the rule and its version, the matter's
 * place from the province down, and what was passed over and why; or why no rule could place it.
 * Read as the case is: by the registering office, the unit chosen, and those covering the matter's
 * place or the unit's; an accusation otherwise only by the supervisors above; never by a unit the
 * accusation rules out.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "路由决定 / Routing decisions",
    description = "规则如何确定办理单位及其理由 / How the rules placed a case, and why")
@RolesAllowed({Roles.REGISTRAR, Roles.HANDLER, Roles.SUPERVISOR, Roles.LEADER, Roles.JOINT_OFFICE})
public class DecisionResource {

  private final RoutingDecisionRepository decisions;
  private final AuthorityRuleSetRepository rules;
  private final Router router;
  private final Units units;
  private final Caller caller;

  public DecisionResource(
      RoutingDecisionRepository decisions,
      AuthorityRuleSetRepository rules,
      Router router,
      Units units,
      Caller caller) {
    this.decisions = decisions;
    this.rules = rules;
    this.router = router;
    this.units = units;
    this.caller = caller;
  }

  @Schema(description = "职权规则 / The rule applied")
  public record RuleView(
      @Schema(description = "规则版本 / the version", example = "authority-1") String version,
      @Schema(description = "规则编号（检举控告规则为空）/ the rule's id; null for the accusation rule") Long id,
      @Schema(description = "分类代码或 * / category or *", example = "01") String category,
      @Schema(description = "信访类别或 * / class or *", example = "*") String petitionClass,
      @Schema(description = "部门 / department", example = "zjj") String department,
      @Schema(description = "部门名称 / the department in words", example = "住房和城乡建设局")
          String departmentName,
      @Schema(description = "最低办理层级 / the lowest level that may handle it") String minLevel,
      @Schema(description = "规则说明 / why") String note) {}

  @Schema(description = "路由决定 / How the rules placed a case")
  public record DecisionView(
      String caseId,
      String caseNumber,
      @Schema(description = "是否确定了办理单位 / whether a unit was chosen") boolean placed,
      @Schema(
              description = "办理单位代码 / the unit chosen; null when not placed",
              example = "530302:zjj")
          String unitCode,
      @Schema(description = "办理单位 / the unit in words") String unitName,
      @Schema(description = "办理单位所在区划 / the unit's region") String regionCode,
      @Schema(description = "FORWARD (转送) or ASSIGN (交办); null when not placed") String mode,
      @Schema(description = "承载办理单位的节点 / the node hosting the unit") String node,
      RuleView rule,
      @Schema(description = "问题属地，自省而下 / the matter's place from the province down")
          List<Division> regionPath,
      @Schema(description = "未采用的选项及理由 / what was passed over, and why")
          List<Alternative> alternatives,
      @Schema(description = "说明 / the explanation given on the case") String explanation,
      Instant decidedAt) {}

  @GET
  @Path("/{id}/decision")
  @Transactional
  @Operation(
      summary = "路由决定 / How the rules placed a case",
      description =
          "所用职权规则及版本、问题属地的区划路径、未采用的规则、层级和单位及其理由；无法确定办理单位的，说明原因（待人工转送或交办）。"
              + " The rule and its version, the matter's place from the province down, the rules,"
              + " levels and units passed over and why; or why no unit could be chosen (the case"
              + " then waits for a 信访 office's hand). A person's later act (an upheld objection, a"
              + " forwarding by hand) is in the case's history beside this proposal.")
  @APIResponse(
      responseCode = "404",
      description = "无此决定，或调用者无权查看 / no such decision, or not the caller's to read",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "路由决定 / the decision",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionView.class)))
  public DecisionView decision(@PathParam("id") @Uuid String id) {
    RoutingDecisionEntity found = decisions.findById(UUID.fromString(id));
    if (found == null || !readable(found)) {
      throw ProblemException.notFound("routing decision", id);
    }
    return new DecisionView(
        found.caseId.toString(),
        found.caseNumber,
        found.placed(),
        found.unitCode,
        found.unitName,
        found.regionCode,
        found.mode,
        found.nodeRegion,
        rule(found),
        found.matterRegion == null ? List.of() : router.placeOf(found.matterRegion),
        found.alternatives == null ? List.of() : found.alternatives,
        found.explanation,
        found.decidedAt);
  }

  private RuleView rule(RoutingDecisionEntity found) {
    AuthorityRuleEntity rule = found.ruleId == null ? null : rules.rule(found.ruleId).orElse(null);
    if (rule == null) {
      return new RuleView(found.ruleVersion, null, null, null, null, null, null, null);
    }
    return new RuleView(
        found.ruleVersion,
        rule.id,
        rule.category,
        rule.petitionClass,
        rule.department,
        units.label(rule.department),
        rule.minLevel,
        rule.note);
  }

  /**
   * As the case is read (intake's CaseFinder): never by a unit an accusation rules out; by the
   * registering office and the unit chosen; an accusation otherwise only by the supervisors,
   * leaders and joint offices covering its place; any other case by those covering the matter's
   * place or the unit's.
   */
  private boolean readable(RoutingDecisionEntity found) {
    String unit = caller.unit();
    if (found.excluded != null && found.excluded.contains(unit)) {
      return false;
    }
    if (unit.equals(found.registeringUnit) || unit.equals(found.unitCode)) {
      return true;
    }
    boolean covers =
        caller.covers(found.matterRegion)
            || (found.regionCode != null && caller.covers(found.regionCode));
    if ("ACCUSATION".equals(found.petitionClass)) {
      return covers && caller.hasAnyRole(Roles.SUPERVISOR, Roles.LEADER, Roles.JOINT_OFFICE);
    }
    return covers;
  }
}
