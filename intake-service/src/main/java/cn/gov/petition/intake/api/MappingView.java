package cn.gov.petition.intake.api;

import cn.gov.petition.intake.ImportMappings;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 代码对照表: one version of a region's mapping table (docs/migration.md). */
@Schema(description = "代码对照表（一个版本）/ One version of a mapping table")
public record MappingView(
    @Schema(description = "表 / CATEGORY 内容分类 or UNIT 单位", example = "UNIT") String table,
    @Schema(description = "版本 / version, from 1", example = "2") int version,
    @Schema(description = "对照行 / the rows") List<Row> rows) {

  /** One former code and the platform's. */
  public record Row(
      @Schema(description = "原系统代码 / the former system's code", example = "QLQ-ZJJ")
          String formerCode,
      @Schema(description = "平台代码 / the platform's code", example = "530302:zjj")
          String platformCode,
      @Schema(description = "说明 / the office's note") String note) {}

  static MappingView of(ImportMappings.Version version) {
    return new MappingView(
        version.table().name(),
        version.version(),
        version.rows().stream()
            .map(r -> new Row(r.formerCode(), r.platformCode(), r.note()))
            .toList());
  }
}
