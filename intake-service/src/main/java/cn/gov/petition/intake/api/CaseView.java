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
    @Schema(description = "状态 / status", example = "ACCEPTED") String status,
    @Schema(description = "状态名称 / status in Chinese", example = "已受理") String statusLabel,
    @Schema(description = "信访事项类别 / SUGGESTION, ACCUSATION or APPEAL") String petitionClass,
    String channel,
    LocalDate receivedOn,
    Instant registeredAt,
    String registeringUnit,
    String matterRegionCode,
    @Schema(description = "内容分类代码 / category code", example = "0105") String category,
    @Schema(description = "内容分类 / category", example = "城乡建设/市政设施与供水供暖") String categoryName,
    String content,
    int personCount,
    @Schema(description = "责任单位 / handling unit") Unit handlingUnit,
    @Schema(description = "转送/交办 / FORWARD or ASSIGN") String routingMode,
    @Schema(description = "路由说明 / why this unit") String routingExplanation,
    LocalDate assignedOn,
    @Schema(description = "复查机关 / review body, once a review was requested") String reviewUnit,
    @Schema(description = "复核机关 / re-review body") String rereviewUnit,
    @Schema(description = "处理意见 / SUPPORTED, EXPLAINED, NOT_SUPPORTED") String opinionOutcome,
    @Schema(description = "满意度 / SATISFIED, BASICALLY_SATISFIED, UNSATISFIED") String satisfaction,
    @Schema(description = "时限图 / every deadline step, open and done") List<StepView> steps,
    List<PetitionerView> petitioners) {

  public record Unit(String code, String name, String regionCode) {}

  public record PetitionerView(String name, String idNumber, String phone, String address) {}

  /** 办理环节 and its deadline. */
  public record StepView(
      @Schema(example = "HANDLE") String step,
      @Schema(example = "办理答复") String label,
      String unitCode,
      LocalDate startedOn,
      LocalDate dueOn,
      @Schema(description = "完成日期 / null while open") LocalDate doneOn,
      @Schema(description = "OPEN, ON_TIME or LATE") String state) {}
}
