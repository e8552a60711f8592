package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.Lifecycle;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.FieldCipher;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 查询码查询: a petitioner follows their case without logging in, with the code they were given at
 * registration. They see the status and the deadlines, nothing else: no content, no names, no
 * handling notes. The code travels in the body, never in a URL that access logs keep.
 */
@Path("/public/case-status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "信访人查询 / Petitioner's query",
    description =
        "信访人凭查询码查询办理进度，无需登录 / A petitioner follows a case with its query code, without logging in")
@PermitAll
public class PublicStatusResource {

  private final CaseRepository cases;
  private final Lifecycle lifecycle;

  public PublicStatusResource(CaseRepository cases, Lifecycle lifecycle) {
    this.cases = cases;
    this.lifecycle = lifecycle;
  }

  @Schema(description = "查询请求 / A status query")
  public record StatusQuery(
      @Schema(description = "查询码 / the query code", example = "7KQ2M9XH4P")
          @NotNull
          @Pattern(
              regexp = "[2-9A-HJ-NP-Za-hj-np-z]{10}",
              message = "must be the 10-character query code")
          String queryCode) {}

  @Schema(description = "办理进度 / What a petitioner may see of their case")
  public record PublicStatus(
      @Schema(description = "信访件编号") String caseNumber,
      @Schema(description = "收到日期") LocalDate receivedOn,
      @Schema(description = "状态", example = "已受理") String status,
      @Schema(description = "办理单位") String handlingUnit,
      @Schema(description = "各环节期限 / deadlines") List<PublicStep> steps) {}

  public record PublicStep(String step, LocalDate dueOn, LocalDate doneOn) {}

  @POST
  @Transactional
  @Operation(
      summary = "凭查询码查询办理进度 / Follow a case with its query code",
      description = "无需登录；只显示状态和期限。 No login; status and deadlines only.")
  @APIResponse(responseCode = "200", description = "办理进度 / the status")
  @APIResponse(
      responseCode = "404",
      description = "查询码不正确 / no case has this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public PublicStatus query(@NotNull @Valid StatusQuery query) {
    PetitionCaseEntity entity =
        cases
            .findByQueryCodeDigest(FieldCipher.instance().digests(query.queryCode().toUpperCase()))
            .orElseThrow(() -> ProblemException.notFound("case with this query code", "(查询码)"));
    return new PublicStatus(
        entity.caseNumber,
        entity.receivedOn,
        entity.status.label(),
        entity.handlingUnitName,
        lifecycle.stepsOf(entity).stream()
            .map(s -> Map.entry(s.step, s))
            // the unit's internal steps (objection window, report to the assigner) are not theirs
            .filter(e -> e.getKey() != Step.OBJECT && e.getKey() != Step.REPORT)
            .map(e -> new PublicStep(e.getKey().label(), e.getValue().dueOn, e.getValue().doneOn))
            .toList());
  }
}
