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
    @Schema(description = "信访目的 / purpose", example = "SEEK_SOLUTION") String purpose,
    @Schema(description = "信访目的名称 / purpose in Chinese", example = "求决") String purposeLabel,
    @Schema(description = "信访形式 / channel", example = "LETTER") String channel,
    @Schema(
            description =
                "登记方式 / DIRECT, AGENT (信访代办), LEADER_RECEPTION (领导接访), NATIONAL_TRANSFER (国家信访局转送)")
        String origin,
    @Schema(description = "代办员或接访领导 / the agent or receiving leader") Intermediary intermediary,
    LocalDate receivedOn,
    Instant registeredAt,
    String registeringUnit,
    String matterRegionCode,
    @Schema(description = "内容分类代码 / category code", example = "0105") String category,
    @Schema(description = "内容分类 / category", example = "城乡建设/市政设施与供水供暖") String categoryName,
    @Schema(
            description =
                "信访内容；检举控告内容仅承办、复查复核和登记单位可见 / content; an accusation's only to"
                    + " the units that registered, handle or review it")
        String content,
    @Schema(description = "信访人数 / persons petitioning") int personCount,
    @Schema(description = "涉及人数 / persons concerned") Integer involvedCount,
    @Schema(description = "集体访/联名信 / collective") boolean collective,
    @Schema(description = "匿名 / anonymous") boolean anonymous,
    @Schema(description = "保密 / the petitioner's identity is shown to the registering office only")
        boolean confidential,
    @Schema(description = "重复信访 / the earlier case this repeats, if any") RepeatView repeatOf,
    @Schema(description = "越级走访 / a visit registered two or more levels too high (Art 20)")
        boolean escalated,
    @Schema(description = "责任单位 / handling unit") Unit handlingUnit,
    @Schema(
            description = "经办人 / the staff member of the responsible unit handling it",
            example = "qilin-handler")
        String staff,
    @Schema(description = "转送/交办 / FORWARD or ASSIGN") String routingMode,
    @Schema(description = "路由说明 / why this unit") String routingExplanation,
    LocalDate assignedOn,
    @Schema(
            description =
                "三跨抄告单位 / 信访 offices of the petitioners' home or household-registration counties,"
                    + " informed of the case")
        List<String> informedUnits,
    @Schema(description = "案件移交 / handed to or received from another node, if it was")
        Handoff handoff,
    @Schema(description = "复查机关 / review body, once a review was requested") String reviewUnit,
    @Schema(description = "复核机关 / re-review body") String rereviewUnit,
    @Schema(description = "处理意见 / SUPPORTED, EXPLAINED, NOT_SUPPORTED") String opinionOutcome,
    @Schema(description = "满意度 / SATISFIED, BASICALLY_SATISFIED, UNSATISFIED") String satisfaction,
    @Schema(description = "对信访部门的满意度 / the petitioner's rating of the 信访 office")
        String officeSatisfaction,
    @Schema(
            description =
                "已匿名化之日：保管期限届满，个人信息已去除 / the day the case's personal data were taken out,"
                    + " its retention period having passed")
        LocalDate anonymisedOn,
    @Schema(description = "时限图 / every deadline step, open and done") List<StepView> steps,
    List<PetitionerView> petitioners,
    @Schema(description = "被反映人（单位） / the accused of an accusation") List<AccusedView> accused) {

  public record Unit(String code, String name, String regionCode) {}

  /**
   * 案件移交: a case handed to the node hosting its unit. On the handing node the case is read-only and
   * shows where it went; on the receiving node, where it came from.
   */
  public record Handoff(
      @Schema(description = "移交至节点 / the node that owns the case now", example = "530302")
          String handedToNode,
      Instant handedOffAt,
      @Schema(description = "接收节点确认时间 / when that node confirmed") Instant acceptedAt,
      @Schema(description = "移交来源节点 / the node that handed it here", example = "530302001")
          String receivedFromNode,
      Instant receivedAt) {}

  public record Intermediary(String name, String post) {}

  public record PetitionerView(
      @Schema(example = "PERSON") String kind,
      String name,
      @Schema(example = "RESIDENT_ID") String idType,
      String idNumber,
      String phone,
      String address,
      String addressRegionCode) {}

  public record AccusedView(
      String kind,
      String name,
      String unitCode,
      String unitName,
      String post,
      String rank,
      @Schema(description = "本级主要领导 / a principal leader of that level") Boolean leader) {}

  /** 重复信访: the earlier case of the same petitioner about the same matter. */
  @Schema(description = "重复信访的原件 / the earlier case a petition repeats")
  public record RepeatView(
      String caseId,
      @Schema(description = "原件编号 / the earlier case number") String caseNumber,
      @Schema(example = "ACCEPTED") String status,
      @Schema(example = "已受理") String statusLabel,
      @Schema(description = "承办单位 / its handling unit") String handlingUnitName,
      @Schema(description = "内容相似度 0..1 (字符二元组 Dice 系数) / content similarity", example = "0.82")
          Double similarity,
      @Schema(description = "识别依据 / ID_NUMBER, PHONE or NAME_AND_ADDRESS", example = "ID_NUMBER")
          String matchedOn) {}

  /** 办理环节 and its deadline. */
  public record StepView(
      @Schema(example = "HANDLE") String step,
      @Schema(example = "办理答复") String label,
      String unitCode,
      LocalDate startedOn,
      LocalDate dueOn,
      @Schema(description = "完成日期 / null while open") LocalDate doneOn,
      @Schema(
              description =
                  "OPEN, ON_TIME, LATE, or WITHDRAWN (异议成立，不再由该单位办理 / an upheld objection took the"
                      + " matter from the unit)")
          String state,
      @Schema(
              description =
                  "待定：截止日期晚于所用日历覆盖的最后一天（下一年度节假日通知未载入），载入后重算 / provisional: past the"
                      + " last day the calendar version covers; recounted when next year's notice is loaded")
          boolean provisional,
      @Schema(description = "计算所用日历版本 / the calendar version it was counted with", example = "1")
          int calendarVersion,
      @Schema(description = "期限天数（不含延期、不计入的天数）/ the period's base days", example = "60") int days,
      @Schema(description = "延期天数 / days an extension added (Art 34)", example = "0")
          int extensionDays,
      @Schema(description = "不计入期限的天数（听证）/ days not counted (hearings, Art 36)", example = "0")
          int excludedDays) {}
}
