package cn.gov.petition.intake.api;

import cn.gov.petition.intake.Acts;
import cn.gov.petition.intake.EvaluationChannel;
import cn.gov.petition.intake.OpinionOutcome;
import cn.gov.petition.intake.Satisfaction;
import cn.gov.petition.intake.StatutoryRoute;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of the handling endpoints, one record per transition, each mapped to its {@link Acts
 * act}.
 */
public final class HandlingRequests {

  private HandlingRequests() {}

  @Schema(description = "告知其他途径 / Refer a 申诉求决 matter to its statutory channel (Art 31)")
  public record ReferralRequest(
      @Schema(description = "法定途径 / statutory route", example = "LITIGATION") @NotNull
          StatutoryRoute route,
      @Schema(description = "受理机关 / the body to turn to", example = "曲靖市麒麟区人民法院")
          @NotBlank
          @Size(max = 100)
          String channel,
      @Schema(
              description = "告知内容 / what the petitioner is told",
              example = "您反映的劳动争议属于诉讼事项，请依法向人民法院起诉。")
          @NotBlank
          @Size(max = 2000)
          String explanation) {

    Acts.Referral act() {
      return new Acts.Referral(route, channel, explanation);
    }
  }

  @Schema(description = "指定经办人 / Name the staff member who handles the case, or hand it over")
  public record StaffRequest(
      @Schema(description = "经办人（登录名）/ the staff member's user name", example = "qilin-handler-2")
          @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9._@-]{1,64}",
              message = "must be a user name of 1 to 64 letters, digits and . _ @ -")
          String user,
      @Schema(
              description = "说明 / why, e.g. a hand-over when staff change",
              example = "原经办人调岗，移交办理。")
          @Size(max = 500)
          String note) {

    Acts.Staff act() {
      return new Acts.Staff(user, note);
    }
  }

  @Schema(description = "受理 / Accept the matter; the 60-day handling period starts")
  public record AcceptanceRequest(
      @Schema(
              description = "受理告知 / procedure told to the petitioner",
              example = "您反映的问题已受理，将于60日内书面答复。")
          @NotBlank
          @Size(max = 2000)
          String notice) {}

  @Schema(description = "不予受理 / Decline the matter, with a written notice")
  public record DeclineRequest(
      @Schema(description = "理由 / reason", example = "该事项已经复核终结，不再受理。") @NotBlank @Size(max = 2000)
          String reason,
      @Schema(description = "依据 / legal basis", example = "《信访工作条例》第三十六条第三款")
          @NotBlank
          @Size(max = 500)
          String legalBasis) {

    Acts.Decline act() {
      return new Acts.Decline(reason, legalBasis);
    }
  }

  @Schema(description = "异议 / Object that the matter is outside the unit's remit (Art 23(3))")
  public record ObjectionRequest(
      @Schema(description = "详细理由 / detailed reasons", example = "该事项属于住建部门职责，不属于本单位职权范围。")
          @NotBlank
          @Size(max = 2000)
          String reason) {}

  @Schema(
      description = "处理异议 / Decide on an objection: uphold it and send the matter on, or reject it")
  public record ObjectionDecisionRequest(
      @Schema(description = "异议是否成立 / whether the objection is upheld", example = "true") @NotNull
          Boolean upheld,
      @Schema(description = "改送单位 / the unit the matter goes to when upheld") @Valid UnitRef unit,
      @Schema(description = "FORWARD (转送) or ASSIGN (交办)", example = "FORWARD")
          @Pattern(regexp = "FORWARD|ASSIGN", message = "must be FORWARD or ASSIGN")
          String mode,
      @Schema(description = "理由 / reason", example = "经核实，供暖设施维护属于住建部门职责。")
          @NotBlank
          @Size(max = 2000)
          String reason,
      @Schema(
              description =
                  "交办期限（日）/ for ASSIGN: the days the unit has to report its result, as the"
                      + " assigning body sets them (Art 22); default 90",
              example = "30")
          @Min(1)
          @Max(180)
          Integer reportDays) {

    Acts.ObjectionDecision act() {
      return new Acts.ObjectionDecision(
          upheld,
          unit == null ? null : unit.code(),
          unit == null ? null : unit.name(),
          mode,
          reason,
          reportDays);
    }
  }

  @Schema(
      description =
          "人工转送、交办 / Forward or assign the matter by hand, when the rules could not place it or"
              + " placed it wrongly")
  public record RoutingByHandRequest(
      @Schema(description = "转送或交办的单位 / the unit the matter goes to") @NotNull @Valid UnitRef unit,
      @Schema(
              description = "FORWARD (转送) or ASSIGN (交办); default the case's own, or FORWARD",
              example = "ASSIGN")
          @Pattern(regexp = "FORWARD|ASSIGN", message = "must be FORWARD or ASSIGN")
          String mode,
      @Schema(
              description = "理由 / why the rules' proposal was not followed",
              example = "该路段属建宁街道管辖，规则按原属地判定有误。")
          @NotBlank
          @Size(max = 2000)
          String reason,
      @Schema(
              description =
                  "交办期限（日）/ for ASSIGN: the days the unit has to report its result (Art 22);"
                      + " default 90",
              example = "30")
          @Min(1)
          @Max(180)
          Integer reportDays) {

    Acts.RoutingByHand act() {
      return new Acts.RoutingByHand(unit.code(), unit.name(), mode, reason, reportDays);
    }
  }

  @Schema(
      description =
          "更正问题属地 / Correct the matter's place; a matter not yet accepted whose unit does not"
              + " cover the new place goes by hand to the unit named")
  public record MatterPlaceRequest(
      @Schema(
              description = "正确的问题属地 / the matter's right place, county (6) or township (9 digits)",
              example = "530302002")
          @NotNull
          @DivisionCode(lengths = {6, 9})
          String matterRegionCode,
      @Schema(description = "理由 / why", example = "该路段属建宁街道辖区，登记时误填为南宁街道。")
          @NotBlank
          @Size(max = 2000)
          String reason,
      @Schema(
              description =
                  "改送单位（现办理单位不辖新属地时必填）/ the unit the matter goes to, when its unit does not cover the new place")
          @Valid
          UnitRef unit,
      @Schema(description = "FORWARD (转送) or ASSIGN (交办), with a unit", example = "FORWARD")
          @Pattern(regexp = "FORWARD|ASSIGN", message = "must be FORWARD or ASSIGN")
          String mode,
      @Schema(
              description = "交办期限（日）/ for ASSIGN: the days to report (Art 22); default 90",
              example = "30")
          @Min(1)
          @Max(180)
          Integer reportDays) {

    Acts.MatterPlace act() {
      return new Acts.MatterPlace(
          matterRegionCode,
          reason,
          unit == null
              ? null
              : new Acts.RoutingByHand(unit.code(), unit.name(), mode, reason, reportDays));
    }
  }

  @Schema(description = "单位 / A unit")
  public record UnitRef(
      @Schema(description = "单位代码 / <region>:<department>", example = "530302:zjj")
          @NotNull
          @Pattern(regexp = UNIT_CODE, message = "must be <region>:<department>")
          String code,
      @Schema(description = "单位名称 / name", example = "麒麟区住房和城乡建设局") @NotBlank @Size(max = 100)
          String name) {}

  /** A unit's code, as {@link UnitRef} checks it. */
  static final String UNIT_CODE = "\\d{2}(\\d{2}(\\d{2}(\\d{3})?)?)?:[a-z]{2,16}";

  @Schema(
      description =
          "商请协办 / Ask a unit to assist the lead unit (主办), with its tasks and the day its"
              + " written contribution is due, inside the lead's handling period")
  public record AssistanceRequest(
      @Schema(
              description = "协办单位代码 / the assisting unit, <region>:<department>",
              example = "530302:zjj")
          @NotNull
          @Pattern(regexp = UNIT_CODE, message = "must be <region>:<department>")
          String unitCode,
      @Schema(description = "协办事项 / what the unit is asked to do", example = "核实该小区供热管网的产权归属和维修责任。")
          @NotBlank
          @Size(max = 2000)
          String tasks,
      @Schema(
              description =
                  "协办期限 / the day the contribution is due: a working day, after today and not after the lead's own",
              example = "2027-01-15")
          @NotNull
          LocalDate dueOn) {

    Acts.Assistance act() {
      return new Acts.Assistance(unitCode, tasks, dueOn);
    }
  }

  @Schema(description = "协办反馈 / The assisting unit's written contribution")
  public record ContributionRequest(
      @Schema(description = "协办意见 / the contribution", example = "经核实，该管网产权属供热公司，维修责任在供热公司。")
          @NotBlank
          @Size(max = 4000)
          String contribution) {}

  @Schema(description = "撤回协办 / Withdraw a request for assistance not answered yet")
  public record AssistanceWithdrawalRequest(
      @Schema(description = "协办单位代码 / the unit asked", example = "530302:zjj")
          @NotNull
          @Pattern(regexp = UNIT_CODE, message = "must be <region>:<department>")
          String unitCode,
      @Schema(description = "撤回理由 / why", example = "主办单位已自行查明产权归属。") @NotBlank @Size(max = 2000)
          String reason) {

    Acts.AssistanceWithdrawal act() {
      return new Acts.AssistanceWithdrawal(unitCode, reason);
    }
  }

  @Schema(description = "延期 / Extend the handling period once, at most 30 days (Art 34)")
  public record ExtensionRequest(
      @Schema(description = "延长天数 / days", example = "30") @NotNull @Min(1) @Max(366) Integer days,
      @Schema(description = "批准人 / who approved (the unit's head)", example = "王局长")
          @NotBlank
          @Size(max = 64)
          String approvedBy,
      @Schema(description = "延期理由 / reason told to the petitioner", example = "案情复杂，需进一步调查核实。")
          @NotBlank
          @Size(max = 2000)
          String reason) {

    Acts.Extension act() {
      return new Acts.Extension(days, approvedBy, reason);
    }
  }

  @Schema(description = "听证 / A hearing was held")
  public record HearingRequest(
      @Schema(description = "开始日期 / first day", example = "2026-12-10") @NotNull @PastOrPresent
          LocalDate heldFrom,
      @Schema(description = "结束日期 / last day", example = "2026-12-11") @NotNull @PastOrPresent
          LocalDate heldTo,
      @Schema(description = "听证情况 / summary", example = "听证员三人，信访人及供热公司到场陈述，认定室温不达标属实。")
          @NotBlank
          @Size(max = 4000)
          String summary) {

    Acts.Hearing act() {
      return new Acts.Hearing(heldFrom, heldTo, summary);
    }
  }

  @Schema(description = "调解和解 / A mediation or settlement agreement was reached (Art 33)")
  public record MediationRequest(
      @Schema(description = "协议日期 / date of the agreement", example = "2026-12-15")
          @NotNull
          @PastOrPresent
          LocalDate agreedOn,
      @Schema(description = "协议内容 / what was agreed", example = "供热公司于12月31日前更换楼内管网，信访人撤回信访请求。")
          @NotBlank
          @Size(max = 4000)
          String agreement) {

    Acts.Mediation act() {
      return new Acts.Mediation(agreedOn, agreement);
    }
  }

  @Schema(description = "处理意见书、复查意见书、复核意见书 / A written opinion (Art 32)")
  public record OpinionRequest(
      @Schema(description = "处理结果 / outcome", example = "SUPPORTED") @NotNull
          OpinionOutcome outcome,
      @Schema(description = "信访请求 / the request", example = "要求解决小区供暖不达标问题。")
          @NotBlank
          @Size(max = 4000)
          String request,
      @Schema(description = "事实 / facts found", example = "经核查，该小区供暖管网老化，室温低于标准。")
          @NotBlank
          @Size(max = 8000)
          String facts,
      @Schema(description = "理由 / reasons", example = "供热单位应保障室温达标。") @NotBlank @Size(max = 8000)
          String reasons,
      @Schema(description = "法律政策依据 / legal basis", example = "《城市供热管理办法》")
          @NotBlank
          @Size(max = 2000)
          String legalBasis,
      @Schema(
              description = "送达日期 / the day the petitioner received it (default today)",
              example = "2026-12-20")
          @PastOrPresent
          LocalDate servedOn,
      @Schema(
              description =
                  "不宜公开：不纳入满意度评价 / unsuitable for disclosure: no evaluation window opens"
                      + " (S4 Art 4); default false",
              example = "false")
          Boolean notForDisclosure) {

    Acts.Opinion act() {
      return new Acts.Opinion(
          outcome,
          request,
          facts,
          reasons,
          legalBasis,
          servedOn,
          Boolean.TRUE.equals(notForDisclosure));
    }
  }

  @Schema(description = "办结报告 / The closing report of an assigned (交办) matter")
  public record ClosingReportRequest(
      @Schema(description = "办理结果 / what was done", example = "已督促供热单位更换管网，室温达标。")
          @NotBlank
          @Size(max = 8000)
          String summary) {}

  @Schema(description = "满意度评价 / The petitioner's evaluation, recorded by an office")
  public record EvaluationRequest(
      @Schema(description = "对有权处理机关答复的评价 / the rating of the answer", example = "SATISFIED")
          @NotNull
          Satisfaction satisfaction,
      @Schema(
              description = "对信访部门的评价 / the rating of the 信访 office, if the petitioner gave one",
              example = "SATISFIED")
          Satisfaction officeSatisfaction,
      @Schema(
              description =
                  "评价渠道 / COUNTER (现场评价) or RETURN_VISIT (回访, the default); ONLINE is the"
                      + " petitioner's own (POST /public/case-status/evaluation)",
              example = "COUNTER")
          EvaluationChannel channel,
      @Schema(description = "意见 / remarks", example = "问题已解决，感谢。") @Size(max = 2000)
          String remarks) {

    Acts.Evaluation act() {
      return new Acts.Evaluation(
          satisfaction,
          officeSatisfaction,
          channel == null ? EvaluationChannel.RETURN_VISIT : channel,
          remarks);
    }
  }

  @Schema(
      description =
          "复查、复核申请 / A request for review or re-review, received by the body one level up")
  public record ReviewRequest(
      @Schema(description = "收到申请日期 / the day the request was received", example = "2026-12-25")
          @NotNull
          @PastOrPresent
          LocalDate receivedOn,
      @Schema(description = "申请理由 / the petitioner's reasons", example = "处理意见未回应室温检测结果。")
          @NotBlank
          @Size(max = 4000)
          String reasons) {

    Acts.Review act() {
      return new Acts.Review(receivedOn, reasons);
    }
  }

  @Schema(description = "办结、终结 / Close or terminate the case, with the 三到位一处理 checklist (Art 27)")
  public record ClosureRequest(
      @Schema(description = "三到位一处理 / the checklist") @NotNull @Valid Checklist checklist,
      @Schema(description = "说明 / summary", example = "管网已更换，室温经复测达标，信访人表示满意。")
          @NotBlank
          @Size(max = 4000)
          String summary) {

    Acts.Closure act() {
      return new Acts.Closure(checklist.act(), summary);
    }
  }

  /** 三到位一处理 (Art 27): which of the four applied, each with what was done. */
  @Schema(description = "三到位一处理: what was done for each item that applies")
  public record Checklist(
      @Schema(description = "诉求合理的解决问题到位 / a reasonable request: solved", example = "已更换管网，室温达标。")
          @Size(max = 2000)
          String problemSolved,
      @Schema(description = "诉求无理的思想教育到位 / an unreasonable one: counselled", example = "已当面解释政策。")
          @Size(max = 2000)
          String counselled,
      @Schema(description = "生活困难的帮扶救助到位 / hardship: helped", example = "已纳入临时救助。")
          @Size(max = 2000)
          String assisted,
      @Schema(description = "行为违法的依法处理 / unlawful conduct: dealt with by law", example = "无。")
          @Size(max = 2000)
          String dealtWithByLaw) {

    Acts.Checklist act() {
      return new Acts.Checklist(problemSolved, counselled, assisted, dealtWithByLaw);
    }
  }
}
