package cn.gov.petition.intake.api;

import cn.gov.petition.intake.OfficeSmsTemplates.Template;
import cn.gov.petition.intake.SmsTemplates;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 短信告知模板: the wording of one notice as the caller's office sends it. */
@Schema(description = "短信告知模板 / The wording of one SMS notice as the office sends it")
public record SmsTemplateView(
    @Schema(description = "告知事项 / the notice", example = "ACCEPTED") String notice,
    @Schema(description = "名称 / its name", example = "受理告知") String label,
    @Schema(
            description = "短信内容，{…} 为平台填充项 / the wording, {…} filled in by the platform",
            example = "【曲靖市麒麟区信访局】您的信访事项（编号{caseNumber}）已由{unit}受理，将依法办理并书面答复。")
        String wording,
    @Schema(description = "本单位自定义（否则为平台默认）/ the office's own wording, else the platform's")
        boolean own,
    @Schema(description = "须包含的填充项 / the values it must name") List<String> required,
    @Schema(description = "可用的填充项 / the values the platform fills in") List<String> values,
    @Schema(description = "最后修改人 / who changed it last") String changedBy,
    @Schema(description = "最后修改时间 / when") Instant changedAt) {

  static SmsTemplateView of(Template t) {
    return new SmsTemplateView(
        t.notice().name(),
        t.notice().label(),
        t.wording(),
        t.own(),
        t.notice().required().stream().sorted().toList(),
        SmsTemplates.VALUES.stream().sorted().toList(),
        t.changedBy(),
        t.changedAt());
  }
}
