package cn.gov.petition.supervision.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.supervision.LetterKind;
import cn.gov.petition.supervision.LetterStatus;
import cn.gov.petition.supervision.Letters;
import cn.gov.petition.supervision.store.LetterElsewhereEntity;
import cn.gov.petition.supervision.store.LetterEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 三函: supervision letters, their answers and their printable documents. */
@Path("/letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "督办函件 / Supervision letters",
    description = "三函：风险提醒函、督办函、问责建议函及其回复 / Supervision letters and their written answers")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER, Roles.HANDLER})
public class LetterResource {

  private final Letters letters;
  private final Caller caller;

  public LetterResource(Letters letters, Caller caller) {
    this.letters = letters;
    this.caller = caller;
  }

  /** 发函: what a supervisor sends. */
  public record IssueRequest(
      @Schema(
              description =
                  "风险提醒函 RISK_REMINDER / 督办函 SUPERVISION_ORDER / 问责建议函 ACCOUNTABILITY（督办部门）;"
                      + " 领导批示 LEADER_INSTRUCTION（领导，针对一件信访件）",
              example = "SUPERVISION_ORDER")
          @NotNull
          LetterKind kind,
      @Schema(
              description = "收函单位 / the recipient unit (GET /api/routing/units)",
              example = "530302:rsj")
          @NotNull
          @Pattern(
              regexp = "(\\d{2}|\\d{4}|\\d{6}|\\d{9}):[a-z]+",
              message = "must be a unit code: division code, colon, department")
          String recipientUnit,
      @NotEmpty @Size(max = 50) List<@NotNull @Uuid String> caseIds,
      @Schema(description = "督办事由 / what is wrong", example = "受理告知逾期未发")
          @NotBlank
          @Size(max = 2000)
          String reason,
      @Schema(description = "回复期限 / reply by", example = "2026-12-20") @NotNull
          LocalDate replyDueOn) {}

  /** 书面回复. */
  public record AnswerRequest(
      @Schema(description = "办理情况 / what the unit has done", example = "已补发受理告知书")
          @NotBlank
          @Size(max = 4000)
          String answer) {}

  /** 督办函件: a letter as its issuer and its recipient see it. */
  public record LetterView(
      String id,
      String number,
      LetterKind kind,
      String title,
      String issuerUnit,
      String issuedBy,
      String recipientUnit,
      String recipientName,
      List<String> caseIds,
      List<String> caseNumbers,
      String reason,
      LocalDate issuedOn,
      LocalDate replyDueOn,
      String status,
      LocalDate escalatedOn,
      String answer,
      LocalDate answeredOn,
      boolean answeredLate,
      @Schema(
              description =
                  "持有此函的节点（发函节点），本节点为空；其事由与回复在该节点查阅、办理 / the node holding the"
                      + " letter (its issuer's); null for this node. Its reason and answer are read,"
                      + " and it is answered, there: through this gateway, which relays the call",
              example = "53")
          String heldAt) {}

  private LetterView view(LetterEntity l) {
    return new LetterView(
        l.id.toString(),
        letters.number(l),
        l.kind,
        l.kind.title(),
        l.issuerUnit,
        l.issuedBy,
        l.recipientUnit,
        letters.unitName(l.recipientUnit),
        l.caseIds,
        l.caseNumbers,
        l.reason,
        l.issuedOn,
        l.replyDueOn,
        l.status.name(),
        l.escalatedOn,
        l.answer,
        l.answeredOn,
        l.answeredOn != null && l.answeredOn.isAfter(l.replyDueOn),
        null);
  }

  private LetterView view(LetterElsewhereEntity l) {
    return new LetterView(
        l.id.toString(),
        l.number,
        l.kind,
        l.kind.title(),
        l.issuerUnit,
        null,
        l.recipientUnit,
        letters.unitName(l.recipientUnit),
        l.caseIds,
        l.caseNumbers,
        null,
        l.issuedOn,
        l.replyDueOn,
        l.status.name(),
        l.escalatedOn,
        null,
        l.answeredOn,
        l.answeredLate,
        l.heldAt);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
  @Operation(
      summary = "发函或批示 / Issue a supervision letter, or record a leader's instruction",
      description =
          "督办部门发三函，领导作批示（LEADER_INSTRUCTION）。 A supervisor issues a letter about one case or"
              + " a group, a leader records an instruction (领导批示) on one case; each to a unit in"
              + " the caller's subtree that owes a step of the case, which reports back in writing"
              + " by the date. A letter by a leader, or an instruction by anyone else: 403.")
  @APIResponse(responseCode = "201", description = "已发函 / issued")
  @APIResponse(
      responseCode = "403",
      description = "不在辖区内，或无权发此种函件 / outside the caller's subtree, or not the caller's kind",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "单位不存在、案件与该单位无关或回复期限已过 / a rule is broken",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response issue(@NotNull @Valid IssueRequest request) {
    LetterEntity letter =
        letters.issue(
            caller,
            request.kind(),
            request.recipientUnit(),
            request.caseIds(),
            request.reason(),
            request.replyDueOn());
    return Response.status(201).entity(view(letter)).build();
  }

  @GET
  @Operation(
      summary = "函件列表 / Letters the caller may see, newest first",
      description =
          "Supervisors and leaders: letters and instructions to units in their subtree; a unit's"
              + " handlers: those to their unit. status: OUTSTANDING, ESCALATED (reply overdue) or"
              + " ANSWERED; caseId: those about one case (its page shows them). A letter another"
              + " node issued names that node (heldAt) and carries no reason or answer.")
  public List<LetterView> list(
      @QueryParam("status")
          @Pattern(
              regexp = "OUTSTANDING|ESCALATED|ANSWERED",
              message = "must be OUTSTANDING, ESCALATED or ANSWERED")
          String status,
      @Parameter(description = "只列此信访件的函件与批示 / only those about this case")
          @QueryParam("caseId")
          @Uuid
          String caseId) {
    LetterStatus wanted = status == null ? null : LetterStatus.valueOf(status);
    return Stream.concat(
            letters.visibleTo(caller, wanted).stream().map(this::view),
            letters.elsewhereVisibleTo(caller, wanted).stream().map(this::view))
        .filter(l -> caseId == null || l.caseIds().contains(caseId))
        .sorted(Comparator.comparing(LetterView::issuedOn).reversed().thenComparing(LetterView::id))
        .toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "函件 / One letter")
  public LetterView one(@PathParam("id") @Uuid String id) {
    return view(letters.find(caller, UUID.fromString(id)));
  }

  @GET
  @Path("/{id}/holder")
  @Operation(
      summary = "函件所在节点 / Which node holds a letter",
      description =
          "发函节点；网关据此把查阅与回复转到该节点。 The issuing node: the gateway relays a read or an"
              + " answer of the letter there.")
  @APIResponse(
      responseCode = "404",
      description = "无此函件或无权查看 / no such letter for the caller",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "所在节点 / the node",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HeldAt.class)))
  public HeldAt holder(@PathParam("id") @Uuid String id) {
    return HeldAt.of(id, letters.holderOf(caller, UUID.fromString(id)));
  }

  @POST
  @Path("/{id}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "书面回复 / The recipient unit's written answer")
  @APIResponse(
      responseCode = "409",
      description = "已回复 / already answered",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "已回复 / answered",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LetterView.class)))
  public LetterView answer(
      @PathParam("id") @Uuid String id, @NotNull @Valid AnswerRequest request) {
    return view(letters.answer(caller, UUID.fromString(id), request.answer()));
  }

  @GET
  @Path("/{id}/document")
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  @Operation(summary = "函件文书 / The letter as a printable document in Chinese (HTML)")
  public String document(@PathParam("id") @Uuid String id) {
    LetterEntity l = letters.find(caller, UUID.fromString(id));
    return LetterDocument.render(
        l, letters.number(l), letters.unitName(l.recipientUnit), letters.unitName(l.issuerUnit));
  }
}
