package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.ImportJobs;
import cn.gov.petition.intake.ImportMappings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 历史数据迁移: an office's former cases, checked before they are imported (docs/migration.md). */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "历史数据迁移 / Migration",
    description = "原系统历史案件的检查与导入 / Checking and importing an office's former cases")
public class ImportResource {

  /** JSON Lines: one JSON object per line. */
  public static final String JSON_LINES = "application/x-ndjson";

  private final ImportChecks checks;
  private final ImportJobs jobs;
  private final ImportMappings mappings;
  private final Caller caller;

  public ImportResource(
      ImportChecks checks, ImportJobs jobs, ImportMappings mappings, Caller caller) {
    this.checks = checks;
    this.jobs = jobs;
    this.mappings = mappings;
    this.caller = caller;
  }

  @POST
  @Path("/check")
  @Consumes(JSON_LINES)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "检查迁移文件 / Check a file of former cases (dry run)",
      description =
          "逐行检查原系统导出的历史案件，不保存任何内容。 Checks every line of a file of former cases"
              + " (JSON Lines, one case per line, docs/migration.md) as the import will: the"
              + " registration's fields and rules, the steps in the procedure's order with their"
              + " days, what each step records, the caller's region, and no former number twice."
              + " Stores nothing. The report names each broken line's fields and rules, in Chinese,"
              + " and never a value from the file.")
  @RequestBody(
      description = "JSON Lines: one former case per line (at most 5,000 per check)",
      content =
          @Content(mediaType = JSON_LINES, schema = @Schema(implementation = ImportLine.class)))
  @APIResponse(
      responseCode = "200",
      description = "检查报告 / the report, line by line",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(
      responseCode = "400",
      description = "文件为空 / the file holds no case",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "415",
      description = "不是 JSON Lines / the body is not application/x-ndjson in UTF-8",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "案件过多 / more than 5,000 cases: check the file in parts",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public ImportReport check(String file) {
    return checks.check(file, caller, mappings.current(caller.subtree()));
  }

  @POST
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "新建导入任务 / Open an import job",
      description =
          "新建导入任务，随后分批上传文件、启动。 Opens a job of this node: send the file in parts"
              + " (POST /imports/{id}/parts), then start it (POST /imports/{id}/start).")
  @APIResponse(
      responseCode = "201",
      description = "已新建 / the job, OPEN",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportJobView.class)))
  public Response open(@Context UriInfo uri) {
    ImportJobView job = ImportJobView.of(jobs.open(caller));
    return Response.created(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
        .entity(job)
        .build();
  }

  @POST
  @Path("/{id}/parts")
  @Consumes(JSON_LINES)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "上传一部分文件 / Add a part of the file to an open job",
      description =
          "逐行检查并存入任务（加密保存），返回本部分的检查报告；行号接续此前各部分。 Checks each line as the dry run does"
              + " and keeps it in the job, sealed; the part's report numbers its lines after the"
              + " earlier parts'. A former number that an earlier part holds is refused (Unique).")
  @RequestBody(
      description = "JSON Lines: up to 5,000 former cases",
      content =
          @Content(mediaType = JSON_LINES, schema = @Schema(implementation = ImportLine.class)))
  @APIResponse(
      responseCode = "200",
      description = "本部分的检查报告 / the part's report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(
      responseCode = "404",
      description = "无此任务 / no such job in your region",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "任务已启动 / the job was started: parts come before",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public ImportReport addPart(@PathParam("id") @JobId String id, String part) {
    UUID job = UUID.fromString(id);
    ImportJobs.NextPart next = jobs.nextPart(job, caller);
    return ImportChecks.report(
        jobs.addPart(
            job,
            caller,
            checks.read(part, caller, next.lastLine(), next.mapping()),
            next.mapping()));
  }

  @POST
  @Path("/{id}/start")
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "启动导入 / Start importing",
      description =
          "按收信日期先后逐件导入有效记录，每件一个事务。 Imports the valid records, oldest receipt first, one"
              + " case per transaction; a case in already (by its former number) is skipped.")
  @APIResponse(
      responseCode = "200",
      description = "进度 / the job, RUNNING",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportJobView.class)))
  @APIResponse(
      responseCode = "409",
      description = "任务不是 OPEN / the job is not OPEN",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public ImportJobView start(@PathParam("id") @JobId String id) {
    return ImportJobView.of(jobs.start(UUID.fromString(id), caller));
  }

  @POST
  @Path("/{id}/cancel")
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "取消导入 / Cancel the job",
      description =
          "当前一批（至多 50 件）导入完成后停止；已导入的保留。 Stops after the batch being imported (at"
              + " most 50 cases); what is in stays in, each case whole.")
  @APIResponse(
      responseCode = "200",
      description = "进度 / the job, CANCELLED",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportJobView.class)))
  @APIResponse(
      responseCode = "409",
      description = "任务已结束 / the job ended already",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public ImportJobView cancel(@PathParam("id") @JobId String id) {
    return ImportJobView.of(jobs.cancel(UUID.fromString(id), caller));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "导入进度 / Where the job stands",
      description = "各状态记录数、速度与剩余时间。 Records by state, the rate of the last minute, the time left.")
  @APIResponse(
      responseCode = "200",
      description = "进度 / the job",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportJobView.class)))
  public ImportJobView progress(@PathParam("id") @JobId String id) {
    return ImportJobView.of(jobs.progress(UUID.fromString(id), caller));
  }

  @GET
  @Path("/{id}/report")
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "导入报告 / The job's report",
      description =
          "未导入的记录及原因、期限与原系统不同的案件，按行分页。 The records refused and why, and the cases whose due"
              + " dates differ from the former system's, by line, a page at a time.")
  @APIResponse(
      responseCode = "200",
      description = "一页报告 / a page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportJobReport.class)))
  public ImportJobReport report(
      @PathParam("id") @JobId String id,
      @QueryParam("after") @DefaultValue("0") @Min(0) int after,
      @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size,
      @Parameter(description = "每条记录都列出（含导入后的案件）/ every record, with the case it became")
          @QueryParam("all")
          @DefaultValue("false")
          boolean all) {
    return ImportJobReport.of(jobs.report(UUID.fromString(id), caller, after, size, all), size);
  }
}
