package cn.gov.petition.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a registration did: the new case and the query code (查询码) the petitioner is given; or, for a
 * repeat of a matter still in the procedure, only the earlier case it was recorded on.
 */
@Schema(description = "登记结果 / What the registration did")
public record RegistrationResult(
    @Schema(
            description =
                "REGISTERED 已登记; NOT_ACCEPTED_AGAIN 不再受理 (a terminated matter again: registered"
                    + " and answered); LINKED_TO_OPEN_CASE 重复信访，并入原件 (no new case, Art 19(3))",
            example = "REGISTERED")
        String outcome,
    @Schema(description = "登记结果（中文）", example = "已登记") String outcomeLabel,
    @Schema(
            description =
                "查询码 / code with which the petitioner follows the case without logging in; null"
                    + " when no case was opened",
            example = "7KQ2M9XH4P")
        String queryCode,
    @Schema(description = "新登记的信访件 / the new case; null when none was opened")
        CaseView petitionCase,
    @Schema(description = "重复信访的原件 / the earlier case this petition repeats, if any")
        CaseView.RepeatView repeatOf) {}
