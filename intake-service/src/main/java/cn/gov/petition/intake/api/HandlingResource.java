package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.Handling;
import cn.gov.petition.intake.api.HandlingRequests.AcceptanceRequest;
import cn.gov.petition.intake.api.HandlingRequests.AssistanceRequest;
import cn.gov.petition.intake.api.HandlingRequests.AssistanceWithdrawalRequest;
import cn.gov.petition.intake.api.HandlingRequests.ClosingReportRequest;
import cn.gov.petition.intake.api.HandlingRequests.ClosureRequest;
import cn.gov.petition.intake.api.HandlingRequests.ContributionRequest;
import cn.gov.petition.intake.api.HandlingRequests.DeclineRequest;
import cn.gov.petition.intake.api.HandlingRequests.EvaluationRequest;
import cn.gov.petition.intake.api.HandlingRequests.ExtensionRequest;
import cn.gov.petition.intake.api.HandlingRequests.HearingRequest;
import cn.gov.petition.intake.api.HandlingRequests.MatterPlaceRequest;
import cn.gov.petition.intake.api.HandlingRequests.MediationRequest;
import cn.gov.petition.intake.api.HandlingRequests.ObjectionDecisionRequest;
import cn.gov.petition.intake.api.HandlingRequests.ObjectionRequest;
import cn.gov.petition.intake.api.HandlingRequests.OpinionRequest;
import cn.gov.petition.intake.api.HandlingRequests.ReferralRequest;
import cn.gov.petition.intake.api.HandlingRequests.ReviewRequest;
import cn.gov.petition.intake.api.HandlingRequests.RoutingByHandRequest;
import cn.gov.petition.intake.api.HandlingRequests.StaffRequest;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 办理: one endpoint per step of the procedure (docs/lifecycle.md). Each answers the case as it now
 * stands; a step that is not due is refused with 409 naming the status and what is due.
 */
@Path("/cases/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "办理 / Handling",
    description = "受理、异议、延期、听证、答复、评价、复查复核与终结 / The acts that move a case through the procedure")
@APIResponse(responseCode = "200", description = "办理后的信访件 / the case after the step")
@APIResponse(
    responseCode = "403",
    description = "不是当前责任单位 / the caller's unit is not the one that must act",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "404",
    description = "不存在或无权查看 / no such case in the caller's authority",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "409",
    description = "当前状态不允许此操作 / not possible in the case's status; says what is due",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "422",
    description = "违反办理规则 / a field breaks a rule of the procedure",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
public class HandlingResource {

  private final Handling handling;
  private final CaseFinder finder;
  private final CaseMapper mapper;
  private final Caller caller;

  public HandlingResource(Handling handling, CaseFinder finder, CaseMapper mapper, Caller caller) {
    this.handling = handling;
    this.finder = finder;
    this.mapper = mapper;
    this.caller = caller;
  }

  @GET
  @Path("/acts")
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Transactional
  @Operation(
      summary = "可办理的动作 / The acts the caller may take now",
      description =
          "按案件当前状态、期限和调用者的角色与单位，列出现在可以办理的动作（页面只提供这些）；与各动作本身的检查相同。"
              + " The handling acts the caller may take on the case now, by its status, its periods"
              + " and the caller's role and unit: the same checks each act makes (the request's own"
              + " fields aside). Empty when there is none.")
  public List<ActView> acts(@PathParam("id") @CaseId String id) {
    PetitionCaseEntity petitionCase = finder.visible(id, caller);
    return handling.offered(petitionCase, caller).stream().map(ActView::of).toList();
  }

  @POST
  @Path("/referral")
  @RolesAllowed({Roles.HANDLER, Roles.REGISTRAR})
  @Transactional
  @Operation(
      summary = "告知其他途径 / Refer to a statutory channel",
      description =
          "申诉求决类事项属于诉讼、仲裁、党员申诉、行政程序或依法履职的，告知信访人向有关机关提出（第三十一条，诉访分离）。"
              + " An APPEAL matter for a statutory channel (Art 31(1)-(5)) ends here with the channel named.")
  public CaseView refer(@PathParam("id") @CaseId String id, @NotNull @Valid ReferralRequest body) {
    return act(id, (c, who) -> handling.refer(c, who, body.act()));
  }

  @POST
  @Path("/acceptance")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "受理 / Accept",
      description = "书面告知受理，开始60日办理期限（第二十三条、第三十四条）。 Starts the 60-day handling period.")
  public CaseView accept(
      @PathParam("id") @CaseId String id, @NotNull @Valid AcceptanceRequest body) {
    return act(id, (c, who) -> handling.accept(c, who, body.notice()));
  }

  @POST
  @Path("/declination")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "不予受理 / Decline",
      description = "书面告知不予受理及理由、依据。 Ends the case with a written notice.")
  public CaseView decline(@PathParam("id") @CaseId String id, @NotNull @Valid DeclineRequest body) {
    return act(id, (c, who) -> handling.decline(c, who, body.act()));
  }

  @POST
  @Path("/objection")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "提出异议 / Object: outside the unit's remit",
      description = "收到转送、交办之日起5个工作日内提出异议并详细说明理由（第二十三条第三款）。 Within 5 working days of receipt.")
  public CaseView object(
      @PathParam("id") @CaseId String id, @NotNull @Valid ObjectionRequest body) {
    return act(id, (c, who) -> handling.object(c, who, body.reason()));
  }

  @POST
  @Path("/objection-decision")
  @RolesAllowed({Roles.HANDLER, Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Transactional
  @Operation(
      summary = "处理异议 / Decide on an objection",
      description =
          "转送机关或上级机关核实：异议成立的改送其他单位，不成立的由原单位办理。 Upheld: sent to another unit; rejected: the unit must decide on acceptance.")
  public CaseView decideObjection(
      @PathParam("id") @CaseId String id, @NotNull @Valid ObjectionDecisionRequest body) {
    return act(id, (c, who) -> handling.decideObjection(c, who, body.act()));
  }

  @POST
  @Path("/routing-by-hand")
  @RolesAllowed({Roles.REGISTRAR, Roles.HANDLER, Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Transactional
  @Operation(
      summary = "人工转送、交办 / Forward or assign by hand",
      description =
          "规则无法确定办理单位，或确定有误且尚未受理的，由信访工作机构（登记机关，或辖区覆盖问题属地或现办理单位的信访部门）说明理由后人工转送或交办；"
              + "交办的可定报告期限。规则的原建议记入同一条办理记录。不得转送被检举控告的单位及其所在部门，主要领导被检举控告的须提级。"
              + " A 信访 office (the registering one, or one covering the matter's place or the unit"
              + " it is with) forwards or assigns the matter by hand, with its reason, when the rules"
              + " could not place it (REGISTERED) or placed it wrongly (FORWARDED/ASSIGNED, not yet"
              + " accepted); an assignment may set its own report deadline. The rules' proposal is"
              + " kept in the same history entry. Never to an accused unit or one inside its"
              + " department, nor under an accused principal leader.")
  public CaseView routeByHand(
      @PathParam("id") @CaseId String id, @NotNull @Valid RoutingByHandRequest body) {
    return act(id, (c, who) -> handling.routeByHand(c, who, body.act()));
  }

  @POST
  @Path("/matter-place")
  @RolesAllowed({Roles.REGISTRAR, Roles.HANDLER, Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Transactional
  @Operation(
      summary = "更正问题属地 / Correct the matter's place",
      description =
          "问题属地登记有误（街道分界处、村组调整）的，由信访工作机构说明理由后更正；尚未受理且现办理单位不辖新属地的，同时人工转送或交办至所填单位；已受理的只在办理单位辖区内更正。"
              + "更正记入办理记录，此后按新属地统计。 A 信访 office corrects a place recorded wrongly (a street"
              + " on a township boundary, a village moved between townships), with its reason; a"
              + " matter not yet accepted whose unit does not cover the new place goes by hand to"
              + " the unit named, in the same act; an accepted one only within its unit's region."
              + " Recorded in the history; counted in the new place from then on.")
  public CaseView correctPlace(
      @PathParam("id") @CaseId String id, @NotNull @Valid MatterPlaceRequest body) {
    return act(id, (c, who) -> handling.correctPlace(c, who, body.act()));
  }

  @POST
  @Path("/extension")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "延长办理期限 / Extend the handling period",
      description =
          "情况复杂的，经本机关负责人批准可适当延长，延长期限不得超过30日，并告知信访人延期理由（第三十四条）。 Once, before the period ends, at most 30 days.")
  public CaseView extend(
      @PathParam("id") @CaseId String id, @NotNull @Valid ExtensionRequest body) {
    return act(id, (c, who) -> handling.extend(c, who, body.act()));
  }

  @POST
  @Path("/assistance")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "商请协办 / Ask a unit to assist",
      description =
          "主办单位受理后可商请其他单位协办，写明协办事项和协办期限；协办期限须为工作日，且不得晚于主办单位的办理期限。协办单位在其待办中看到该件，可查看案情（不含信访人身份），按期书面反馈。"
              + "不得商请被检举控告的单位及其所在部门。 The lead unit (主办), once it has accepted the matter,"
              + " asks another unit of this node to assist, with its tasks and the day its written"
              + " contribution is due: a working day, not after the lead's own last day. The unit"
              + " finds the case in its queue and reads the matter (not who petitioned). Never an"
              + " accused unit or one inside its department.")
  public CaseView requestAssistance(
      @PathParam("id") @CaseId String id, @NotNull @Valid AssistanceRequest body) {
    return act(id, (c, who) -> handling.requestAssistance(c, who, body.act()));
  }

  @POST
  @Path("/contribution")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "协办反馈 / Give the assisting unit's contribution",
      description =
          "协办单位书面反馈协办意见，关闭本单位的协办环节（按期或超期）。主办单位在全部协办反馈或撤回前不能出具处理意见。"
              + " The assisting unit's written contribution closes its step, on time or late; the"
              + " lead's opinion waits until every contribution is in or withdrawn.")
  public CaseView contribute(
      @PathParam("id") @CaseId String id, @NotNull @Valid ContributionRequest body) {
    return act(id, (c, who) -> handling.contribute(c, who, body.contribution()));
  }

  @POST
  @Path("/assistance-withdrawal")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "撤回协办 / Withdraw a request for assistance",
      description =
          "主办单位说明理由撤回尚未反馈的协办：期限内撤回的不计按期与否，期满后撤回的计为协办超期。"
              + " The lead unit withdraws a request not answered yet, with its reason: by the"
              + " step's day it counts for nobody, after it as the unit's late contribution.")
  public CaseView withdrawAssistance(
      @PathParam("id") @CaseId String id, @NotNull @Valid AssistanceWithdrawalRequest body) {
    return act(id, (c, who) -> handling.withdrawAssistance(c, who, body.act()));
  }

  @POST
  @Path("/hearings")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "听证 / Record a hearing",
      description = "复核听证所需时间不计算在期限内（第三十六条）。 In a re-review the hearing days move its due date.")
  public CaseView hearing(@PathParam("id") @CaseId String id, @NotNull @Valid HearingRequest body) {
    return act(id, (c, who) -> handling.hearing(c, who, body.act()));
  }

  @POST
  @Path("/mediation")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "调解和解 / Record a mediation agreement",
      description = "制作调解协议书或和解协议书（第三十三条）。 Art 33.")
  public CaseView mediation(
      @PathParam("id") @CaseId String id, @NotNull @Valid MediationRequest body) {
    return act(id, (c, who) -> handling.mediation(c, who, body.act()));
  }

  @POST
  @Path("/opinion")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "出具处理意见书 / Issue the written opinion",
      description =
          "载明信访人请求、事实、理由、处理意见及其法律法规依据（第三十二条）；开始满意度评价和申请复查期限。 Starts the evaluation and review-request windows.")
  public CaseView opinion(@PathParam("id") @CaseId String id, @NotNull @Valid OpinionRequest body) {
    return act(id, (c, who) -> handling.opinion(c, who, body.act()));
  }

  @POST
  @Path("/staff")
  @RolesAllowed({Roles.HANDLER, Roles.REGISTRAR, Roles.LEADER})
  @Transactional
  @Operation(
      summary = "指定经办人 / Name the staff member who handles the case",
      description =
          "当前责任单位指定本单位经办人，人员变动时移交他人；记入办理记录（含原经办人），不对外发布。 The responsible unit"
              + " names who of its staff handles the case, or hands it over when staff change; kept in"
              + " the history with who had it before, not announced to other systems.")
  public CaseView staff(@PathParam("id") @CaseId String id, @NotNull @Valid StaffRequest body) {
    return act(id, (c, who) -> handling.assignStaff(c, who, body.act()));
  }

  @POST
  @Path("/closing-report")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "报送办结报告 / Submit the closing report of an assigned matter",
      description = "交办事项应报送办理结果和办结报告（第二十二条）。 Assigned (交办) matters only.")
  public CaseView closingReport(
      @PathParam("id") @CaseId String id, @NotNull @Valid ClosingReportRequest body) {
    return act(id, (c, who) -> handling.closingReport(c, who, body.summary()));
  }

  @POST
  @Path("/evaluation")
  @RolesAllowed({Roles.HANDLER, Roles.REGISTRAR})
  @Transactional
  @Operation(
      summary = "满意度评价 / Record the petitioner's evaluation",
      description =
          "由信访部门回访记录，须在评价期限内；逾期为超期未评价。 Recorded by an office covering the handling unit, within the window.")
  public CaseView evaluate(
      @PathParam("id") @CaseId String id, @NotNull @Valid EvaluationRequest body) {
    return act(id, (c, who) -> handling.evaluate(c, who, body.act()));
  }

  @POST
  @Path("/review-request")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "受理复查、复核申请 / Record a request for review or re-review",
      description =
          "信访人自收到书面答复之日起30日内向上一级机关请求复查；收到复查意见之日起30日内请求复核（第三十五条、第三十六条）。 Recorded by the body one level up, which answers in 30 days.")
  public CaseView requestReview(
      @PathParam("id") @CaseId String id, @NotNull @Valid ReviewRequest body) {
    return act(id, (c, who) -> handling.requestReview(c, who, body.act()));
  }

  @POST
  @Path("/review-opinion")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "出具复查或复核意见 / Issue the review or re-review opinion",
      description =
          "复核意见作出后，信访人以同一事实和理由提出的不再受理（第三十六条）。 After a re-review the same matter is not accepted again.")
  public CaseView reviewOpinion(
      @PathParam("id") @CaseId String id, @NotNull @Valid OpinionRequest body) {
    return act(id, (c, who) -> handling.reviewOpinion(c, who, body.act()));
  }

  @POST
  @Path("/closure")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "办结 / Close",
      description = "记录三到位一处理（第二十七条）；交办事项须先报送办结报告。 With the 三到位一处理 checklist.")
  public CaseView close(@PathParam("id") @CaseId String id, @NotNull @Valid ClosureRequest body) {
    return act(id, (c, who) -> handling.close(c, who, body.act()));
  }

  @POST
  @Path("/termination")
  @RolesAllowed(Roles.HANDLER)
  @Transactional
  @Operation(
      summary = "终结 / Terminate",
      description =
          "复核后，或申请复查、复核期限届满未申请的，信访事项终结。 After a re-review, or once the period to ask for a review has passed.")
  public CaseView terminate(
      @PathParam("id") @CaseId String id, @NotNull @Valid ClosureRequest body) {
    return act(id, (c, who) -> handling.terminate(c, who, body.act()));
  }

  private CaseView act(String id, BiConsumer<PetitionCaseEntity, Caller> step) {
    PetitionCaseEntity petitionCase = finder.forTransition(id, caller);
    step.accept(petitionCase, caller);
    return mapper.toView(petitionCase, caller);
  }
}
