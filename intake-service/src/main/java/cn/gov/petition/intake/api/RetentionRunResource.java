package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.intake.Retention;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 保管期限 and 匿名化 (issue 31, item 8): the caller's office's retention period per record type, and the
 * runs of the job that takes personal data out of cases past their period (docs/retention.md).
 */
@Path("/retention-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "保管期限 / Retention",
    description = "档案保管期限与到期匿名化 / Retention periods and the anonymisation of cases past them")
public class RetentionRunResource {

  private final Retention retention;
  private final Caller caller;

  public RetentionRunResource(Retention retention, Caller caller) {
    this.retention = retention;
    this.caller = caller;
  }

  @POST
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "立即执行到期处理 / Run the retention job now",
      description =
          "对本单位登记、保管期限已满的信访件立即匿名化或删除附件（每晚亦自动执行）。 Starts a run for the cases the"
              + " caller's office registered whose periods have passed (the job also runs every"
              + " night for every office); its finishedAt tells when it is done.")
  @APIResponse(
      responseCode = "202",
      description = "已启动 / the run, started",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RetentionRunView.class)))
  public Response start(@Context UriInfo uri) {
    var run = retention.start(caller);
    return Response.accepted(RetentionRunView.of(run, List.of()))
        .location(uri.getBaseUriBuilder().path("retention-runs").path(run.id().toString()).build())
        .build();
  }

  @GET
  @RolesAllowed({Roles.ADMINISTRATOR, Roles.AUDITOR})
  @Operation(
      summary = "最近的到期处理 / The latest retention runs",
      description = "最近50次到期处理（不含明细）。 The 50 latest runs, newest first, without what they did.")
  @APIResponse(
      responseCode = "200",
      description = "到期处理 / the runs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RetentionRunView.class)))
  public List<RetentionRunView> runs() {
    return retention.latestRuns(50).stream().map(r -> RetentionRunView.of(r, List.of())).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.ADMINISTRATOR, Roles.AUDITOR})
  @Operation(
      summary = "到期处理记录 / A retention run",
      description =
          "该次处理对本单位信访件所做的一切：匿名化的字段、删除的附件。 What the run did to the cases of the"
              + " caller's office: the fields it took out, the attachments it deleted.")
  @APIResponse(
      responseCode = "200",
      description = "处理记录 / the run",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RetentionRunView.class)))
  @APIResponse(
      responseCode = "400",
      description = "id 不是 UUID / the id is not a run's id",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "无此处理记录 / no such run",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RetentionRunView run(@PathParam("id") @Uuid String id) {
    return retention
        .report(UUID.fromString(id), caller.unit())
        .map(RetentionRunView::of)
        .orElseThrow(() -> ProblemException.notFound("retention run", id));
  }
}
