package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.RuleKind;
import cn.gov.petition.analytics.WarningRules;
import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 预警规则: the rules that raise warnings, as data: each versioned, changed by an administrator of the
 * node's region without a restart (docs/warnings.md).
 */
@Path("/warning-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "预警 / Early warning",
    description = "预警研判规则与预警 / Warning rules and the warnings they raise")
public class WarningRuleResource {

  private static final String RULE_ID = "[a-z][a-z0-9-]{1,60}";

  private final WarningRules rules;
  private final Caller caller;
  private final Clock clock;
  private final String node;

  public WarningRuleResource(
      WarningRules rules,
      Caller caller,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.rules = rules;
    this.caller = caller;
    this.clock = clock;
    this.node = node;
  }

  @GET
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER, Roles.ADMINISTRATOR})
  @Transactional
  @Operation(summary = "预警规则 / The rules in force, with their parameters and version")
  public List<WarningRules.Rule> rulesInForce() {
    return rules.inForce();
  }

  @GET
  @Path("/{id}/versions")
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER, Roles.ADMINISTRATOR})
  @Transactional
  @Operation(summary = "预警规则版本 / Every version of a rule, newest first: who changed it and why")
  public List<WarningRules.Rule> versions(
      @PathParam("id") @Pattern(regexp = RULE_ID, message = "must be a rule id") String id) {
    List<WarningRules.Rule> versions = rules.versions(id);
    if (versions.isEmpty()) {
      throw ProblemException.notFound("warning rule", id);
    }
    return versions;
  }

  /** A new version of a rule. */
  @Schema(description = "修改预警规则 / A rule's next version")
  public record RuleChange(
      @Schema(description = "所改的版本 / the version in force being changed", example = "1")
          @NotNull
          @Min(1)
          Integer version,
      @Schema(description = "是否启用 / enabled", example = "true") @NotNull Boolean enabled,
      @Schema(
              description = "全部参数 / every parameter of the rule's kind",
              example =
                  "{\"days\": 7, \"baselineWindows\": 8, \"factor\": 3.0, \"minCount\": 5,"
                      + " \"regionDigits\": 6}")
          @NotNull
          Map<String, Object> parameters,
      @Schema(description = "修改理由 / why", example = "春节前后调高阈值") @NotBlank @Size(max = 500)
          String reason) {}

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Transactional
  @Operation(
      summary = "修改预警规则 / Publish a rule's next version (administrator of the node's region)",
      description =
          "Takes effect at the next evaluation, without a restart; warnings keep the version that"
              + " raised them. 409 if the version given is no longer the one in force.")
  @APIResponse(
      responseCode = "422",
      description = "参数有误 / a parameter missing, unknown or out of range",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "新版本 / the rule's new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WarningRules.Rule.class)))
  public WarningRules.Rule change(
      @PathParam("id") @Pattern(regexp = RULE_ID, message = "must be a rule id") String id,
      @NotNull @Valid RuleChange change) {
    if (!caller.covers(node)) {
      throw ProblemException.forbidden(
          "本节点（" + node + "）的预警规则须由其管理员修改 / only the node's administrators");
    }
    WarningRules.Rule current =
        rules.inForce(id).orElseThrow(() -> ProblemException.notFound("warning rule", id));
    RuleKind kind = current.kind();
    Map<String, String> problems = kind.problems(change.parameters());
    if (!problems.isEmpty()) {
      throw ProblemException.invalid(
          problems.entrySet().stream()
              .map(
                  e ->
                      new Problem.FieldError(
                          "parameters." + e.getKey(), "RuleParameter", e.getValue()))
              .toList());
    }
    if (change.version() != current.version()) {
      throw ProblemException.conflict(
          "规则 "
              + id
              + " 现行版本为 "
              + current.version()
              + " / the version in force is "
              + current.version());
    }
    return rules.change(
        current,
        change.enabled(),
        change.parameters(),
        caller.user(),
        change.reason(),
        clock.instant());
  }
}
