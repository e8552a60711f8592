package cn.gov.petition.intake.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as its reader may see it: personal data masked unless the reader handles the case. */
@Schema(description = "信访件 / A case")
public record CaseView(
    String id,
    @Schema(description = "信访件编号 / case number") String caseNumber,
    @Schema(description = "状态 / status") String status,
    String channel,
    LocalDate receivedOn,
    Instant registeredAt,
    String registeringUnit,
    String matterRegionCode,
    String category,
    String content,
    int personCount,
    @Schema(description = "责任单位 / handling unit") Unit handlingUnit,
    @Schema(description = "转送/交办 / FORWARD or ASSIGN") String routingMode,
    @Schema(description = "路由说明 / why this unit") String routingExplanation,
    LocalDate assignedOn,
    @Schema(description = "受理期限 / last day for the acceptance decision") LocalDate acceptDueOn,
    List<PetitionerView> petitioners) {

  public record Unit(String code, String name, String regionCode) {}

  public record PetitionerView(String name, String idNumber, String phone, String address) {}
}
