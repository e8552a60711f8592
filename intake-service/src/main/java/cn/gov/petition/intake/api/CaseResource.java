package cn.gov.petition.intake.api;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.Petition;
import cn.gov.petition.intake.Registration;
import cn.gov.petition.intake.RegistrationRules;
import cn.gov.petition.intake.RepeatDetector;
import cn.gov.petition.intake.store.CaseSearchRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.TransitionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "信访件 / Cases",
    description = "信访件的登记、查阅与重复件识别 / Registering and reading cases, and telling repeats")
public class CaseResource {

  private final RepeatDetector repeats;
  private final CaseFinder finder;
  private final CaseMapper mapper;
  private final TransitionRepository transitions;
  private final Caller caller;
  private final RegistrationAnswers answers;
  private final CaseSearchRepository search;
  private final PersonalDataShown personalData;
  private final Clock clock;
  private final SubtreeCases subtree;

  public CaseResource(
      RepeatDetector repeats,
      CaseFinder finder,
      CaseMapper mapper,
      TransitionRepository transitions,
      Caller caller,
      RegistrationAnswers answers,
      CaseSearchRepository search,
      Clock clock,
      PersonalDataShown personalData,
      SubtreeCases subtree) {
    this.subtree = subtree;
    this.personalData = personalData;
    this.search = search;
    this.clock = clock;
    this.answers = answers;
    this.repeats = repeats;
    this.transitions = transitions;
    this.finder = finder;
    this.mapper = mapper;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRAR)
  @Transactional
  @Operation(
      summary = "登记信访件 / Register a petition",
      description =
          "登记一次并转交路由；同一信访人就同一事项再次信访的，按重复信访处理。 Registers the petition once"
              + " and routes it. A repeat of a matter still in the procedure opens no case and is"
              + " recorded on the earlier one (200, LINKED_TO_OPEN_CASE); a repeat of a terminated"
              + " matter is registered and answered 不再受理 (201, NOT_ACCEPTED_AGAIN). A retry with"
              + " the same Idempotency-Key returns what the first request did (200); the same key with"
              + " a different petition is refused (422).")
  @APIResponse(
      responseCode = "201",
      description = "登记成功 / a case was opened",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RegistrationResult.class)))
  @APIResponse(
      responseCode = "200",
      description =
          "并入原件或重复提交 / linked to the open earlier case, or the earlier answer to this"
              + " Idempotency-Key",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RegistrationResult.class)))
  @APIResponse(
      responseCode = "400",
      description = "字段有误 / a field is malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "不符合登记规则 / the fields break a registration rule (channel, anonymity ...)",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response register(
      @Parameter(description = "幂等键 / makes retries safe")
          @HeaderParam("Idempotency-Key")
          @Size(min = 8, max = 128)
          @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only")
          String idempotencyKey,
      @NotNull @Valid RegisterPetitionRequest request) {
    String fingerprint = idempotencyKey == null ? null : answers.fingerprint(request);
    RegistrationAnswers.Answer answer =
        answers.register(request, caller, idempotencyKey, fingerprint);
    if (answer.status() != 201) {
      return Response.ok(answer.result()).build();
    }
    return Response.created(URI.create("/cases/" + answer.result().petitionCase().id()))
        .entity(answer.result())
        .build();
  }

  /** 重复信访核查: what registering this petition would do, before it is saved. */
  public record RepeatCheck(
      @Schema(
              description = "REGISTERED, NOT_ACCEPTED_AGAIN or LINKED_TO_OPEN_CASE",
              example = "LINKED_TO_OPEN_CASE")
          String wouldBe,
      @Schema(description = "同一信访人同一事项的原件 / earlier cases of the same petitioner and matter")
          List<CaseView.RepeatView> matches) {}

  @POST
  @Path("/repeat-check")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRAR)
  @Transactional
  @Operation(
      summary = "重复信访核查 / Check for a repeat before registering",
      description =
          "登记前提示：同一信访人（身份证号、电话或姓名加住址）就同一属地、内容相近的事项是否已有信访件。不保存任何内容。 What"
              + " registering this petition would do: earlier cases of the same petitioner (ID"
              + " number, phone, or name at the same address) about a matter in the same county"
              + " with similar content (character-bigram Dice coefficient at least the configured"
              + " threshold). Saves nothing.")
  @APIResponse(responseCode = "200", description = "核查结果 / the matches")
  @APIResponse(
      responseCode = "400",
      description = "字段有误 / a field is malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public RepeatCheck repeatCheck(@NotNull @Valid RegisterPetitionRequest request) {
    Petition petition = request.petition();
    RegistrationRules.check(petition);
    var matches = repeats.matches(petition);
    return new RepeatCheck(
        repeats
            .decide(petition, matches)
            .map(RepeatDetector.Decision::outcome)
            .orElse(Registration.Outcome.REGISTERED)
            .name(),
        matches.stream()
            .map(m -> CaseMapper.repeat(m.earlier(), m.similarity(), m.matchedOn()))
            .toList());
  }

  @GET
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Operation(
      summary = "查询信访件 / Find cases",
      description =
          "按编号、查询码、原系统编号、分类、属地、责任单位、状态、形式、标记、收到日期与到期情况查询，分页排序，附总数。"
              + "只列出调用者有权查看的案件（与查看单件同一规则），不含个人信息与内容。 Cases the caller may see"
              + " (the rule of reading one), by number, query code, former number, category, region,"
              + " responsible unit, status, channel, flags, dates received and due; paged, sorted,"
              + " counted. No person and no content in the list. 调用者辖区内有其他节点时，列表汇总自各节点，每件一次，"
              + "由持有节点列出；未应答的节点列于 unanswered；导出（csv）只含本节点。 Where the caller's"
              + " subtree holds other nodes, the list is gathered from them, each case once, as"
              + " its holder lists it (at most the first 1,000 cases can be paged through); a"
              + " node that did not answer is named in unanswered; an export (csv) is this"
              + " node's.")
  @APIResponse(
      responseCode = "403",
      description = "区域不在辖区内 / a region outside the caller's",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "条件不成立 / a criterion breaks a rule",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "一页案件，或（format=csv）导出文件 / a page of cases, or (format=csv) the export",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseListView.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))
      })
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public Response find(
      @BeanParam @Valid CaseQuery query, @Context UriInfo uri, @Context HttpHeaders headers) {
    CaseQuery.Checked q = query.check(caller, clock);
    // a subtree holding other nodes: its list gathered from them too (not an export: this node's)
    List<NodeRegistry.Node> below = q.csv() ? List.of() : subtree.below(caller, query);
    CaseListView page =
        below.isEmpty()
            ? found(q, q.criteria(), q.page(), q.size())
            : subtree.gather(
                below,
                uri.getQueryParameters(),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                q,
                asked -> found(q, q.criteria().leavingOut(asked), 0, (q.page() + 1) * q.size()));
    if (!q.csv()) {
      return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(CaseListCsv.of(page), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"cases-" + q.today() + ".csv\"")
        .header("Petition-Total", page.total())
        .build();
  }

  /** A page of this node's cases; its own transaction, never held while other nodes answer. */
  private CaseListView found(
      CaseQuery.Checked q, CaseSearchRepository.Criteria criteria, int page, int size) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                CaseListView.of(
                    search.search(q.viewer(), criteria, q.order(), page, size),
                    page,
                    size,
                    q.today()));
  }

  @POST
  @Path("/by-person")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Operation(
      summary = "按信访人查询 / Find a petitioner's cases",
      description =
          "按证件号码、电话或姓名与住址查找信访人的案件；须以 Access-Reason 请求头说明事由，审计记录事由与“查看了个人信息”，"
              + "不记录所查的号码。只查得调用者可见信访人身份的案件（经办单位；保密的仅登记单位）。 A petitioner's"
              + " cases by ID number, phone, or name with address, each compared by its keyed digest;"
              + " the Access-Reason header is required and the audit trail keeps it with the fact"
              + " that personal data was searched, never the values. Finds only the cases whose"
              + " petitioners the caller may see (the units involved; a confidential petitioner's,"
              + " the registering office alone).")
  @Parameter(
      name = "Access-Reason",
      in = ParameterIn.HEADER,
      required = true,
      description = "事由（百分号编码的 UTF-8）/ why, percent-encoded UTF-8",
      example = "%E5%8F%97%E7%90%86%E6%A0%B8%E6%9F%A5")
  @APIResponse(
      responseCode = "422",
      description = "未说明事由，或查询方式不止一种 / no reason, or not exactly one way",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "一页案件 / a page of cases",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaseListView.class)))
  @Transactional
  public CaseListView byPerson(
      @NotNull @Valid PersonQuery query, @HeaderParam("Access-Reason") String reason) {
    if (reason == null || reason.isBlank()) {
      throw ProblemException.invalid(
          "Access-Reason",
          "Required",
          "按信访人查询须说明事由 / a search by petitioner needs its reason in the Access-Reason header,"
              + " which the audit trail keeps");
    }
    CaseSearchRepository.Criteria criteria = CaseSearchRepository.Criteria.of(query.digests());
    personalData.mark(); // whether a person petitioned, and where, is personal data
    int page = query.page() == null ? 0 : query.page();
    int size = query.size() == null ? 20 : query.size();
    return CaseListView.of(
        search.search(
            CaseQuery.viewer(caller),
            criteria,
            CaseSearchRepository.Order.RECEIVED_NEWEST,
            page,
            size),
        page,
        size,
        LocalDate.now(clock));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Operation(
      summary = "查看信访件 / Read a case",
      description =
          "Only within the caller's region subtree or unit; personal data is masked for readers "
              + "outside the registering and handling units.")
  @APIResponse(
      responseCode = "404",
      description = "不存在或无权查看 / no such case in the caller's authority",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @Transactional
  @APIResponse(
      responseCode = "200",
      description = "信访件 / the case, personal data masked unless the caller may see it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CaseView.class)))
  public CaseView read(@PathParam("id") @CaseId String id) {
    return mapper.toView(finder.visible(id, caller), caller);
  }

  /** 办理记录: one transition as its reader sees it, with what it decided. */
  public record TransitionView(
      long id,
      @Schema(example = "ACCEPTED") String transition,
      @Schema(example = "受理") String label,
      String fromStatus,
      String toStatus,
      LocalDate occurredOn,
      Instant occurredAt,
      String unitCode,
      String user,
      @Schema(description = "决定内容 / what it decided (notice, reasons, opinion ...)")
          Map<String, Object> details) {}

  @GET
  @Path("/{id}/history")
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Operation(
      summary = "办理记录 / The case's history",
      description = "每一步办理动作、办理人和决定内容。 Every transition, who took it and what it decided.")
  @Transactional
  public List<TransitionView> history(@PathParam("id") @CaseId String id) {
    PetitionCaseEntity entity = finder.visible(id, caller);
    return transitions.ofCase(entity.id).stream()
        .map(
            t ->
                new TransitionView(
                    t.id,
                    t.transition.name(),
                    t.transition.label(),
                    Objects.toString(t.fromStatus, null),
                    t.toStatus.name(),
                    t.occurredOn,
                    t.occurredAt,
                    t.unitCode,
                    t.userName,
                    t.details))
        .toList();
  }
}
