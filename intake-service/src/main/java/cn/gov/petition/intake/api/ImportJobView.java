package cn.gov.petition.intake.api;

import cn.gov.petition.intake.ImportJobs;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 导入任务进度: where an import job stands (docs/migration.md). */
@Schema(description = "导入任务进度 / Where an import job stands")
public record ImportJobView(
    @Schema(description = "任务编号 / the job's id") UUID id,
    @Schema(
            description = "状态 / OPEN 接收文件, RUNNING 导入中, CANCELLED 已取消, DONE 已完成",
            example = "RUNNING")
        String status,
    @Schema(description = "状态说明 / the status in Chinese", example = "导入中") String statusLabel,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    @Schema(description = "记录数 / records received") long records,
    @Schema(description = "有误未导入 / refused by the checks") long invalid,
    @Schema(description = "待导入 / waiting") long pending,
    @Schema(description = "已导入 / imported") long imported,
    @Schema(description = "已存在而跳过 / in already (a second run)") long skipped,
    @Schema(description = "办理规则不符未导入 / refused by the lifecycle's rules") long failed,
    @Schema(description = "最近一分钟每秒导入数 / records per second, last minute") double perSecond,
    @Schema(description = "按当前速度剩余秒数 / seconds left at that rate") Long secondsLeft,
    @Schema(description = "报告 / the report's address") String report,
    @Schema(
            description = "所用代码对照表版本 / the mapping tables' versions",
            example = "CATEGORY v2, UNIT v1")
        String mappingVersions) {

  static ImportJobView of(ImportJobs.Progress p) {
    return new ImportJobView(
        p.id(),
        p.status().name(),
        switch (p.status()) {
          case OPEN -> "接收文件中";
          case RUNNING -> "导入中";
          case CANCELLED -> "已取消";
          case DONE -> "已完成";
        },
        p.createdAt(),
        p.startedAt(),
        p.finishedAt(),
        p.records(),
        p.invalid(),
        p.pending(),
        p.imported(),
        p.skipped(),
        p.failed(),
        p.perSecond(),
        p.secondsLeft(),
        "/imports/" + p.id() + "/report",
        p.mappingVersions());
  }
}
