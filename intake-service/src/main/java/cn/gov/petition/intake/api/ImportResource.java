package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
  private final Caller caller;

  public ImportResource(ImportChecks checks, Caller caller) {
    this.checks = checks;
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
    return checks.check(file, caller);
  }
}
