package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.intake.ImportJobs;
import cn.gov.petition.intake.Importer;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 导入报告: a page of an import job's report, by line: the records refused (by the checks or by the
 * lifecycle's rules) with each rule they broke, and the imported cases whose due dates the platform
 * counts otherwise than the former system recorded. Names no person.
 */
@Schema(description = "导入报告（一页）/ A page of an import job's report")
public record ImportJobReport(
    @Schema(description = "本页各行 / the lines of this page") List<Row> rows,
    @Schema(description = "下一页从此行之后开始，无则为空 / the next page starts after this line")
        Integer nextAfter) {

  /** One line of the report. */
  public record Row(
      @Schema(description = "行号 / line in the file, from 1") int line,
      @Schema(description = "原系统案件编号 / the former number") String oldCaseNumber,
      @Schema(description = "结果 / INVALID, FAILED, IMPORTED, SKIPPED") String state,
      @Schema(description = "导入后的案件 / the case it became") UUID caseId,
      @Schema(description = "问题 / each broken rule") List<FieldError> errors,
      @Schema(description = "期限差异 / due dates counted otherwise than the former system's")
          List<Importer.DueDifference> dueDifferences) {}

  static ImportJobReport of(List<ImportJobs.Reported> rows, int size) {
    List<Row> page =
        rows.stream()
            .map(
                r ->
                    new Row(
                        r.line(),
                        r.oldCaseNumber(),
                        r.state().name(),
                        r.caseId(),
                        r.errors(),
                        r.differences()))
            .toList();
    return new ImportJobReport(page, page.size() < size ? null : page.get(page.size() - 1).line());
  }
}
