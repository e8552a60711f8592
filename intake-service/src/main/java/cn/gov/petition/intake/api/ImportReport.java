package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem.FieldError;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 检查报告: what a check of a file of former cases found, line by line: every broken case with each
 * field, rule and, in Chinese, what is wrong. Names no person: a line is named by its number and
 * the former case number.
 */
@Schema(description = "迁移文件检查报告 / What the check of a file of former cases found")
public record ImportReport(
    @Schema(description = "记录数 / cases in the file") int records,
    @Schema(description = "可导入 / cases that can be imported") int valid,
    @Schema(description = "有误 / cases that cannot, with the reasons below") int invalid,
    @Schema(description = "有误的行 / the broken cases, by line") List<Row> rows) {

  /** One broken case. */
  public record Row(
      @Schema(description = "行号 / line in the file, from 1") int line,
      @Schema(description = "原系统案件编号 / the former number, if readable") String oldCaseNumber,
      @Schema(description = "问题 / each broken rule") List<FieldError> errors) {}
}
