package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.ImportMappings;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 代码对照表: the tables an office keeps of its former system's codes in the platform's, read by every
 * import of its region (docs/migration.md).
 */
@Path("/import-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "历史数据迁移 / Migration",
    description = "原系统历史案件的检查与导入 / Checking and importing an office's former cases")
public class ImportMappingResource {

  private final ImportMappings mappings;
  private final Caller caller;

  public ImportMappingResource(ImportMappings mappings, Caller caller) {
    this.mappings = mappings;
    this.caller = caller;
  }

  /** CSV: 原系统代码,平台代码[,说明], one row per code; a header row is allowed. */
  public static final String CSV = "text/csv";

  private static final ObjectReader CSV_ROWS =
      new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(String[].class);

  @PUT
  @Path("/{table}")
  @Consumes(CSV)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "上传代码对照表 / Upload a mapping table (a new version)",
      description =
          "原系统的内容分类或单位代码与平台代码的对照，CSV：原系统代码,平台代码[,说明]。每次上传为本辖区该表的新版本，此后的导入按最新版本读取。"
              + " The former system's category or unit codes in the platform's, as CSV rows"
              + " (former code, platform code, note). Each upload is the next version of the"
              + " region's table; imports read their records with the newest (the job names it).")
  @RequestBody(
      description = "CSV, UTF-8",
      content =
          @Content(
              mediaType = CSV,
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      example = "原系统代码,平台代码,说明\nQLQ-ZJJ,530302:zjj,麒麟区住建局")))
  @APIResponse(
      responseCode = "200",
      description = "新版本 / the new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MappingView.class)))
  @APIResponse(
      responseCode = "422",
      description = "有误的行 / broken rows, each named with its rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public MappingView replaceMapping(
      @PathParam("table") @Pattern(regexp = "category|unit", message = "must be category or unit")
          String table,
      String csv) {
    return MappingView.of(
        mappings.replace(ImportMappings.Table.valueOf(table.toUpperCase()), rows(csv), caller));
  }

  @GET
  @Path("/{table}")
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "查看代码对照表 / Read a mapping table",
      description = "最新版本，或指定版本。 The newest version of the region's table, or the one asked for.")
  @APIResponse(
      responseCode = "200",
      description = "对照表 / the table",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MappingView.class)))
  @APIResponse(
      responseCode = "404",
      description = "无此表或版本 / no such table or version",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public MappingView mapping(
      @PathParam("table") @Pattern(regexp = "category|unit", message = "must be category or unit")
          String table,
      @QueryParam("version") @DefaultValue("0") @Min(0) int version) {
    return MappingView.of(
        mappings.read(ImportMappings.Table.valueOf(table.toUpperCase()), version, caller));
  }

  /** The CSV's rows, without a header row and blank lines. */
  private static List<String[]> rows(String csv) {
    if (csv == null || csv.isBlank()) {
      throw ProblemException.malformed(
          "body", "NotEmpty", "the table holds no row: 原系统代码,平台代码[,说明]");
    }
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> read =
        CSV_ROWS.readValues(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)) {
      while (read.hasNext()) {
        String[] row = read.next();
        boolean blank = row.length == 0 || (row.length == 1 && row[0].isBlank());
        boolean header = rows.isEmpty() && row.length > 0 && row[0].trim().equals("原系统代码");
        if (!blank && !header) {
          rows.add(row);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw ProblemException.malformed(
          "body", "Csv", "not CSV: one row per code, 原系统代码,平台代码[,说明], quoted with \" where needed");
    }
    return rows;
  }
}
