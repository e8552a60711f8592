package cn.gov.petition.intake.api;

import cn.gov.petition.intake.Handling;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 可办理的动作: one act the caller may take on a case now. */
@Schema(description = "可办理的动作 / An act the caller may take on the case now")
public record ActView(
    @Schema(
            description =
                "动作，即 POST /cases/{id}/ 之后的路径 / the act: the path after POST /cases/{id}/",
            example = "acceptance")
        String act,
    @Schema(description = "将记录的办理环节 / the transition it records", example = "ACCEPTED")
        String transition,
    @Schema(description = "名称 / name", example = "受理") String label) {

  static ActView of(Handling.Offer offer) {
    return new ActView(
        offer.act().path(), offer.transition().name(), offer.act().label(offer.transition()));
  }
}
