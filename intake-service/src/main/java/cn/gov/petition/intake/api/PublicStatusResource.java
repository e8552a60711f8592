package cn.gov.petition.intake.api;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.Acts;
import cn.gov.petition.intake.Documents;
import cn.gov.petition.intake.EvaluationChannel;
import cn.gov.petition.intake.Handling;
import cn.gov.petition.intake.Lifecycle;
import cn.gov.petition.intake.OneTimeCodes;
import cn.gov.petition.intake.Satisfaction;
import cn.gov.petition.intake.SmsNotices;
import cn.gov.petition.intake.SmsTemplates;
import cn.gov.petition.intake.Submissions;
import cn.gov.petition.intake.Transition;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.OnlineSubmissionEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 查询码查询: a petitioner follows their case without logging in, with the code they were given at
 * registration. They see the status, the deadlines, the SMS they were sent and, while it is open,
 * the evaluation they may give with a one-time code sent to their phone (网上评价); nothing else: no
 * content, no names, no handling notes. The codes travel in the body, never in a URL that access
 * logs keep.
 *
 * <p>A case this node handed to another node is answered from its read-only copy, marked as held
 * there ({@link HeldElsewhereMark}): the gateway asks that node instead, so the petitioner sees the
 * case as it stands wherever it is handled (docs/nodes.md). Nothing is done on a copy: a one-time
 * code or an evaluation asked of it is refused (409), and done at the node that holds the case.
 */
@Path("/public/case-status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "信访人查询 / Petitioner's query",
    description =
        "信访人凭查询码查询办理进度，无需登录 / A petitioner follows a case with its query code, without logging in")
@PermitAll
public class PublicStatusResource {

  private final CaseRepository cases;
  private final Lifecycle lifecycle;
  private final Handling handling;
  private final OneTimeCodes codes;
  private final SmsNotices sms;
  private final Submissions submissions;
  private final NodeRegistry nodes;
  private final HeldElsewhereMark heldElsewhere;

  public PublicStatusResource(
      CaseRepository cases,
      Lifecycle lifecycle,
      Handling handling,
      OneTimeCodes codes,
      SmsNotices sms,
      Submissions submissions,
      NodeRegistry nodes,
      HeldElsewhereMark heldElsewhere) {
    this.submissions = submissions;
    this.nodes = nodes;
    this.heldElsewhere = heldElsewhere;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.handling = handling;
    this.codes = codes;
    this.sms = sms;
  }

  @Schema(description = "查询请求 / A status query")
  public record StatusQuery(
      @Schema(description = "查询码 / the query code", example = "7KQ2M9XH4P")
          @NotNull
          @Pattern(regexp = QUERY_CODE, message = QUERY_CODE_MESSAGE)
          String queryCode) {}

  @Schema(description = "办理进度 / What a petitioner may see of their case")
  public record PublicStatus(
      @Schema(description = "信访件编号") String caseNumber,
      @Schema(description = "收到日期") LocalDate receivedOn,
      @Schema(description = "状态", example = "已受理") String status,
      @Schema(description = "办理单位") String handlingUnit,
      @Schema(description = "各环节期限 / deadlines") List<PublicStep> steps,
      @Schema(description = "短信告知 / the SMS sent about the case, without number or text")
          List<PublicNotice> notices,
      @Schema(description = "满意度评价 / the evaluation, open or given") PublicEvaluation evaluation,
      @Schema(
              description =
                  "已送达的文书：回执、受理或不予受理告知书、延期告知书、处理（复查、复核）意见书 / the notices and"
                      + " opinions served, as they print, addressed to 信访人")
          List<PublicDocument> documents) {}

  @Schema(description = "文书 / A notice or opinion served on the petitioner")
  public record PublicDocument(
      @Schema(example = "OPINION") String kind,
      @Schema(example = "信访事项处理意见书") String title,
      @Schema(description = "出具机关 / the office that issued it", example = "曲靖市麒麟区住房和城乡建设局")
          String issuer,
      @Schema(example = "2026年12月20日") String issuedOn,
      List<Documents.Section> sections) {}

  public record PublicStep(String step, LocalDate dueOn, LocalDate doneOn) {}

  public record PublicNotice(
      @Schema(example = "受理告知") String notice,
      @Schema(example = "DELIVERED") String status,
      Instant queuedAt) {}

  @Schema(description = "满意度评价 / The petitioner's evaluation of the answer")
  public record PublicEvaluation(
      @Schema(description = "可以评价 / whether it may be given now") boolean open,
      @Schema(description = "评价截止日期 / the last day to give it") LocalDate dueOn,
      @Schema(description = "对答复的评价 / the rating of the answer, once given")
          Satisfaction satisfaction,
      @Schema(description = "对信访部门的评价 / the rating of the 信访 office, once given")
          Satisfaction officeSatisfaction,
      @Schema(description = "评价渠道 / how it was given", example = "网上评价") String channel) {}

  @Schema(description = "验证码已发送 / Where the one-time code was sent")
  public record CodeSent(
      @Schema(description = "接收手机（脱敏）/ the phones, masked", example = "[\"138****8000\"]")
          List<String> sentTo,
      @Schema(description = "有效分钟数 / minutes the code may be used") long validMinutes) {}

  @Schema(description = "网上评价 / The petitioner's own evaluation")
  public record OnlineEvaluation(
      @Schema(description = "查询码 / the query code", example = "7KQ2M9XH4P")
          @NotNull
          @Pattern(regexp = QUERY_CODE, message = QUERY_CODE_MESSAGE)
          String queryCode,
      @Schema(description = "短信验证码 / the one-time code sent by SMS", example = "482913")
          @NotNull
          @Pattern(regexp = "[0-9]{6}", message = "must be the 6-digit code sent by SMS")
          String oneTimeCode,
      @Schema(description = "对有权处理机关答复的评价 / the rating of the answer", example = "SATISFIED")
          @NotNull
          Satisfaction satisfaction,
      @Schema(description = "对信访部门的评价 / the rating of the 信访 office", example = "SATISFIED")
          @NotNull
          Satisfaction officeSatisfaction,
      @Schema(description = "意见 / remarks", example = "问题已解决，感谢。") @Size(max = 500)
          String remarks) {}

  private static final String QUERY_CODE = "[2-9A-HJ-NP-Za-hj-np-z]{10}";
  private static final String QUERY_CODE_MESSAGE = "must be the 10-character query code";

  @POST
  @Transactional
  @Operation(
      summary = "凭查询码查询办理进度 / Follow a case with its query code",
      description = "无需登录；只显示状态、期限、短信告知和满意度评价。 No login; status, deadlines, notices, evaluation.")
  @APIResponse(responseCode = "200", description = "办理进度 / the status")
  @APIResponse(
      responseCode = "404",
      description = "查询码不正确 / no case has this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public PublicStatus query(@NotNull @Valid StatusQuery query) {
    String code = query.queryCode().toUpperCase(Locale.ROOT);
    Optional<PetitionCaseEntity> c =
        cases.findByQueryCodeDigest(FieldCipher.instance().digests(code));
    if (c.isPresent()) {
      return status(c.get());
    }
    // 网上信访: waiting for a registrar, declined, or joined to an open case it repeats
    OnlineSubmissionEntity s =
        submissions
            .byQueryCode(code)
            .orElseThrow(() -> ProblemException.notFound("case with this query code", "(查询码)"));
    return s.caseId != null ? status(cases.findById(s.caseId)) : submitted(s);
  }

  /** A submission not registered (yet), as its citizen sees it. */
  private static PublicStatus submitted(OnlineSubmissionEntity s) {
    String office = Submissions.officeName(s);
    LocalDate on = s.submittedAt.atZone(Clocks.CHINA).toLocalDate();
    List<PublicDocument> told =
        s.status == OnlineSubmissionEntity.Status.NOT_REGISTERED
            ? List.of(
                new PublicDocument(
                    "SUBMISSION_NOT_REGISTERED",
                    "网上信访不予登记告知",
                    office,
                    Documents.date(s.handledAt.atZone(Clocks.CHINA).toLocalDate()),
                    List.of(new Documents.Section("理由", s.reason))))
            : List.of();
    return new PublicStatus(null, on, s.status.label(), office, List.of(), List.of(), null, told);
  }

  @POST
  @Path("/one-time-code")
  @Transactional
  @Operation(
      summary = "获取评价验证码 / Send the one-time code to evaluate the answer",
      description =
          "评价期内，向登记的手机号码发送6位验证码，10分钟内有效；每分钟至多1次，每日至多5次。"
              + " While the evaluation is open, sends a 6-digit code to the mobile numbers on file.")
  @APIResponse(responseCode = "200", description = "已发送 / sent (queued to the SMS center)")
  @APIResponse(
      responseCode = "404",
      description = "查询码不正确 / no case has this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "不在评价期内或已评价 / no evaluation is open",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "未登记手机号码 / no mobile number on file: evaluate at the counter",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "获取过于频繁 / a code was sent a moment ago, or the day's codes",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public CodeSent oneTimeCode(@NotNull @Valid StatusQuery query) {
    PetitionCaseEntity c = locked(handledHere(byQueryCode(query.queryCode())));
    handling.evaluationWindow(c);
    if (SmsNotices.mobiles(c).isEmpty()) {
      throw ProblemException.invalid(
          "queryCode", "MobileOnFile", "登记时未留手机号码，无法发送验证码；请到信访接待场所现场评价 / no mobile number on file");
    }
    String code = codes.issue(OneTimeCodes.Purpose.EVALUATION, c.id.toString());
    return new CodeSent(
        sms.sendCode(c, code).stream().map(p -> Masking.keepEnds(p, 3, 4)).toList(),
        OneTimeCodes.VALID.toMinutes());
  }

  @POST
  @Path("/evaluation")
  @Transactional
  @Operation(
      summary = "网上评价 / The petitioner evaluates the answer",
      description =
          "凭查询码和短信验证码，对答复（有权处理机关）和信访部门分别评价：满意、基本满意、不满意。"
              + " With the query code and the one-time code, the petitioner rates the answer and"
              + " the 信访 office; the handling unit never records its own rating.")
  @APIResponse(responseCode = "200", description = "已评价 / the status, with the evaluation")
  @APIResponse(
      responseCode = "404",
      description = "查询码不正确 / no case has this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "不在评价期内、已评价或没有可用的验证码 / no evaluation open, or no code to use",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "验证码不正确 / the one-time code is wrong (tries are counted)",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public PublicStatus evaluate(@NotNull @Valid OnlineEvaluation body) {
    PetitionCaseEntity c = locked(handledHere(byQueryCode(body.queryCode())));
    handling.evaluationWindow(c);
    String subject = c.id.toString();
    codes.spend(
        codes.check(OneTimeCodes.Purpose.EVALUATION, subject, body.oneTimeCode(), "oneTimeCode"));
    handling.evaluateOnline(
        c,
        new Acts.Evaluation(
            body.satisfaction(),
            body.officeSatisfaction(),
            EvaluationChannel.ONLINE,
            body.remarks()));
    return status(c);
  }

  private PetitionCaseEntity byQueryCode(String queryCode) {
    return cases
        .findByQueryCodeDigest(FieldCipher.instance().digests(queryCode.toUpperCase()))
        .orElseThrow(() -> ProblemException.notFound("case with this query code", "(查询码)"));
  }

  /**
   * The case, if this node handles it; else 409, marked as held at the node it was handed to, and
   * nothing done here (no code sent from a copy, no evaluation recorded on one).
   */
  private PetitionCaseEntity handledHere(PetitionCaseEntity c) {
    if (!c.isOwnedHere()) {
      heldElsewhere.mark(nodes.node(c.handedToNode));
      lifecycle.requireAllowed(c, Transition.EVALUATED);
    }
    return c;
  }

  /** The case locked for an act on it, as every act locks it. */
  private PetitionCaseEntity locked(PetitionCaseEntity c) {
    return cases.lockFresh(c);
  }

  private PublicStatus status(PetitionCaseEntity entity) {
    if (!entity.isOwnedHere()) {
      // as this node last held it; the gateway asks the node that holds it now
      heldElsewhere.mark(nodes.node(entity.handedToNode));
    }
    return new PublicStatus(
        entity.caseNumber,
        entity.receivedOn,
        entity.status.label(),
        entity.handlingUnitName,
        lifecycle.stepsOf(entity).stream()
            .map(s -> Map.entry(s.step, s))
            // the unit's internal steps (objection window, report to the assigner) are not theirs
            .filter(e -> e.getKey() != Step.OBJECT && e.getKey() != Step.REPORT)
            .map(e -> new PublicStep(e.getKey().label(), e.getValue().dueOn, e.getValue().doneOn))
            .toList(),
        sms.of(entity.id).stream()
            .map(
                t ->
                    new PublicNotice(
                        SmsTemplates.Notice.valueOf(t.notice()).label(), t.status(), t.queuedAt()))
            .toList(),
        evaluation(entity),
        lifecycle.historyOf(entity).stream()
            .map(t -> lifecycle.document(entity, t, false).map(d -> publicDocument(t, d)))
            .flatMap(Optional::stream)
            .toList());
  }

  /**
   * A served document as the petitioner reads it online: addressed to 信访人, never by name. An answer
   * the handling unit found unsuitable for disclosure (不宜公开) is named, not shown.
   */
  private static PublicDocument publicDocument(CaseTransitionEntity t, Documents.Document d) {
    boolean withheld = "NOT_FOR_DISCLOSURE".equals(t.details.get("outsideEvaluation"));
    return new PublicDocument(
        d.kind().name(),
        d.title(),
        d.issuer(),
        d.issuedOn(),
        withheld ? List.of(new Documents.Section(null, "本文书不宜在网上公开，请以送达您的书面文书为准。")) : d.sections());
  }

  /** The evaluation as the petitioner sees it: open with its last day, or given; else null. */
  private PublicEvaluation evaluation(PetitionCaseEntity c) {
    var window = lifecycle.latestStep(c, Step.EVALUATE);
    if (window.isEmpty()) {
      return null;
    }
    LocalDate dueOn = window.get().dueOn;
    boolean open = window.get().doneOn == null && !lifecycle.today().isAfter(dueOn);
    String channel =
        c.satisfaction == null
            ? null
            : lifecycle.historyOf(c).stream()
                .filter(t -> t.transition == Transition.EVALUATED)
                .map(t -> t.details.get("channel"))
                .filter(Objects::nonNull)
                .map(ch -> EvaluationChannel.valueOf(ch.toString()).label())
                .reduce((a, b) -> b)
                .orElse(null);
    return new PublicEvaluation(open, dueOn, c.satisfaction, c.officeSatisfaction, channel);
  }
}
