package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.Retention;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 保管期限 and 匿名化 (issue 31, item 8): the caller's office's retention period per record type, and the
 * runs of the job that takes personal data out of cases past their period (docs/retention.md).
 */
@Path("/retention-periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "保管期限 / Retention",
    description = "档案保管期限与到期匿名化 / Retention periods and the anonymisation of cases past them")
public class RetentionResource {

  /** A new period for a record type. */
  @Schema(description = "新的保管期限 / The new period")
  public record PeriodRequest(
      @Schema(description = "年数（1–100），自办结之日起 / whole years, 1 to 100", example = "30")
          Integer years,
      @Schema(description = "永久保管（此时不填年数） / kept for ever (no years then)", example = "false")
          boolean permanent,
      @Schema(
              description = "依据：本单位执行的档案管理规定 / the archives rule the office follows",
              example = "机关文件材料归档范围和文书档案保管期限规定：定期30年")
          String reason) {}

  private final Retention retention;
  private final Caller caller;

  public RetentionResource(Retention retention, Caller caller) {
    this.retention = retention;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.ADMINISTRATOR, Roles.AUDITOR})
  @Operation(
      summary = "本单位的保管期限 / The office's retention periods",
      description =
          "每类档案的保管期限：本单位自定的，或平台默认的。 Each record type's period for the cases the"
              + " caller's office registered: its own, or the platform's default.")
  @APIResponse(
      responseCode = "200",
      description = "保管期限 / the periods",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RetentionPeriodView.class)))
  public List<RetentionPeriodView> periods() {
    return retention.periods(caller.unit()).stream().map(RetentionPeriodView::of).toList();
  }

  @PUT
  @Path("/{recordType}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "设定保管期限 / Set a retention period",
      description =
          "本单位该类档案的保管期限，自此后的到期处理按此计算。 The office's own period of the record type,"
              + " applied from the next run on.")
  @APIResponse(
      responseCode = "200",
      description = "设定后的期限 / the period as now set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RetentionPeriodView.class)))
  @APIResponse(
      responseCode = "404",
      description = "无此档案类型 / no such record type",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "years（1–100 或 permanent）、reason（必填）/ the fields and rules broken",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RetentionPeriodView set(@PathParam("recordType") String recordType, PeriodRequest body) {
    if (body == null) {
      throw ProblemException.malformed(
          "body",
          "NotNull",
          "give {\"years\": 30, \"reason\": \"...\"} or {\"permanent\": true, ...}");
    }
    return RetentionPeriodView.of(
        retention.set(recordType, body.years(), body.permanent(), body.reason(), caller));
  }

  @DELETE
  @Path("/{recordType}")
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "恢复平台默认期限 / Back to the platform's period",
      description = "删除本单位自定的期限。 Removes the office's own period of the record type.")
  @APIResponse(
      responseCode = "200",
      description = "平台默认期限 / the platform's period",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RetentionPeriodView.class)))
  @APIResponse(
      responseCode = "404",
      description = "无此档案类型 / no such record type",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RetentionPeriodView restore(@PathParam("recordType") String recordType) {
    return RetentionPeriodView.of(retention.restore(recordType, caller));
  }
}
