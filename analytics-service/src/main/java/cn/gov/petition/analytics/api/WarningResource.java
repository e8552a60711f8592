package cn.gov.petition.analytics.api;

import cn.gov.petition.analytics.Warnings;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.common.validation.Uuid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 预警研判: the warnings raised in the caller's subtree, acknowledged with a note (the rules that raise
 * them: {@link WarningRuleResource}).
 */
@Path("/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "预警 / Early warning",
    description = "预警研判规则与预警 / Warning rules and the warnings they raise")
public class WarningResource {

  private final Warnings warnings;
  private final Caller caller;

  public WarningResource(Warnings warnings, Caller caller) {
    this.warnings = warnings;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
  @Transactional
  @Operation(summary = "预警列表 / The warnings of a region subtree, newest first")
  public List<Warnings.Warning> list(
      @QueryParam("region") @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE)
          String region,
      @QueryParam("status")
          @Pattern(regexp = "OPEN|ACKNOWLEDGED", message = "must be OPEN or ACKNOWLEDGED")
          String status,
      @QueryParam("kind")
          @Pattern(
              regexp =
                  "CATEGORY_SPIKE|REPEAT_PETITIONS|MOVING_UP|COLLECTIVE_SIGNS|RATE_BELOW"
                      + "|NEAR_DEADLINE",
              message = "must be a rule kind (GET /warning-rules)")
          String kind,
      @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
    String root = region == null ? caller.subtree() : region;
    if (!caller.covers(root)) {
      throw ProblemException.forbidden("区域 " + root + " 不在您的辖区内 / outside your subtree");
    }
    return warnings.inSubtree(root, status, kind, limit);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
  @Transactional
  @Operation(summary = "预警详情 / One warning with its evidence")
  public Warnings.Warning one(@PathParam("id") @Uuid String id) {
    return visible(UUID.fromString(id));
  }

  /** 研判意见. */
  @Schema(description = "研判意见 / What was looked at and done")
  public record Acknowledgement(
      @Schema(description = "研判意见 / note", example = "已约谈相关单位，安排专人跟进") @NotBlank @Size(max = 500)
          String note) {}

  @POST
  @Path("/{id}/acknowledge")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Transactional
  @Operation(summary = "研判 / Acknowledge a warning with a note (once)")
  public Warnings.Warning acknowledge(
      @PathParam("id") @Uuid String id, @NotNull @Valid Acknowledgement acknowledgement) {
    UUID warning = UUID.fromString(id);
    visible(warning);
    warnings.acknowledge(warning, caller.user(), acknowledgement.note());
    return warnings.find(warning).orElseThrow();
  }

  /** 404 for a warning that does not exist or lies outside the caller's subtree. */
  private Warnings.Warning visible(UUID id) {
    return warnings
        .find(id)
        .filter(w -> caller.covers(w.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("warning", id.toString()));
  }
}
