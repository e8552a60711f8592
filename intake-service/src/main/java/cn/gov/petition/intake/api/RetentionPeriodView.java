package cn.gov.petition.intake.api;

import cn.gov.petition.intake.Retention;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 保管期限: how long a type of record keeps its personal data in the caller's office. */
@Schema(description = "保管期限 / A record type's retention period")
public record RetentionPeriodView(
    @Schema(description = "档案类型 / record type", example = "CASE_FILE") String recordType,
    @Schema(description = "档案类型名称 / its name", example = "信访件档案（登记、办理记录、文书）") String label,
    @Schema(
            description =
                "年数，自办结之日起；永久时为空 / whole years from the day the case ended; none if permanent",
            example = "30")
        Integer years,
    @Schema(description = "永久保管 / kept for ever") boolean permanent,
    @Schema(description = "本单位自定（否则为平台默认） / the office's own, else the platform's default")
        boolean own,
    @Schema(description = "依据 / the archives rule it follows") String reason,
    @Schema(description = "最后修改人 / who set it") String changedBy,
    @Schema(description = "最后修改时间 / when") Instant changedAt) {

  static RetentionPeriodView of(Retention.Period p) {
    return new RetentionPeriodView(
        p.type().name(),
        p.type().label(),
        p.years(),
        p.years() == null,
        p.own(),
        p.reason(),
        p.changedBy(),
        p.changedAt());
  }
}
