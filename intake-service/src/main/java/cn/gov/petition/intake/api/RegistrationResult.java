package cn.gov.petition.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The registered case and the query code (查询码) the petitioner is given. */
public record RegistrationResult(
    @Schema(
            description =
                "查询码 / code with which the petitioner follows the case without logging in")
        String queryCode,
    CaseView petitionCase) {}
