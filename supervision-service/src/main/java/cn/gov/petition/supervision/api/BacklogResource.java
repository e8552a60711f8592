package cn.gov.petition.supervision.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.supervision.Backlog;
import cn.gov.petition.supervision.BacklogChecks;
import cn.gov.petition.supervision.BacklogStatus;
import cn.gov.petition.supervision.Ground;
import cn.gov.petition.supervision.Resolution;
import cn.gov.petition.supervision.store.BacklogElsewhereEntity;
import cn.gov.petition.supervision.store.BacklogEntity;
import cn.gov.petition.supervision.store.CaseEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 积案化解: the backlog list with its owning leaders, and crossing cases off (销号). */
@Path("/backlog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "积案化解 / Backlog",
    description = "积案的列入、化解与销号 / Backlog cases: listed, resolved and crossed off")
@RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE, Roles.LEADER})
public class BacklogResource {

  private final Backlog backlog;
  private final Units units;
  private final Caller caller;

  public BacklogResource(Backlog backlog, Units units, Caller caller) {
    this.backlog = backlog;
    this.units = units;
    this.caller = caller;
  }

  /** 立为积案. */
  public record TakeRequest(
      @Schema(description = "信访件 / the case", example = "0b7f2a40-8f5e-4c3c-9d7a-1f2e3d4c5b6a")
          @NotNull
          @Uuid
          String caseId,
      @Schema(description = "包案领导 / the owning leader", example = "李明") @NotBlank @Size(max = 100)
          String leaderName,
      @Schema(description = "领导职务 / the leader's post", example = "麒麟区副区长")
          @NotBlank
          @Size(max = 200)
          String leaderPost,
      @Schema(description = "工作专班成员 / the work team", example = "[\"王芳，区人社局副局长\"]")
          @NotEmpty
          @Size(max = 30)
          List<@NotBlank @Size(max = 200) String> team,
      @Schema(description = "化解方案 / the plan", example = "一周内约见信访人，会同人社局核查工资拖欠情况")
          @NotBlank
          @Size(max = 8000)
          String plan,
      @Schema(description = "化解期限 / resolve by", example = "2027-03-31") @NotNull
          LocalDate resolveBy) {}

  /** 化解报告. */
  public record ReportRequest(
      @Schema(description = "化解报告 / how it was resolved", example = "已协调企业支付拖欠工资，信访人签字确认")
          @NotBlank
          @Size(max = 20000)
          String report) {}

  /** 销号. */
  public record CrossOffRequest(
      @Schema(
              description = "三到位一处理中达到的一项 / which of Art 27's four was reached",
              example = "PROBLEM_SOLVED")
          @NotNull
          Resolution resolution,
      @Schema(
              description = "信访人息诉罢访书面意见（无满意评价时）/ the petitioner's written statement",
              example = "本人诉求已解决，不再信访")
          @Size(max = 4000)
          String petitionerStatement) {}

  /** 一案双督 的一项检查. */
  public record CheckView(String name, String kind, boolean passed, String detail) {}

  /** 积案. */
  public record BacklogView(
      String id,
      String caseId,
      String caseNumber,
      String unitCode,
      String unitName,
      String caseStatus,
      List<String> grounds,
      List<String> groundLabels,
      String leaderName,
      String leaderPost,
      List<String> team,
      String plan,
      LocalDate listedOn,
      String listedBy,
      LocalDate resolveBy,
      boolean pastResolveBy,
      String report,
      LocalDate reportedOn,
      String status,
      String resolution,
      String resolutionLabel,
      LocalDate crossedOffOn,
      @Schema(
              description =
                  "持有此积案的节点（列入积案一级的节点），本节点为空；包案领导、方案与报告在该节点查阅、填报 / the node"
                      + " holding the entry (its listing level's); null for this node. Its leader,"
                      + " team, plan and report are read, and the report written, there: through"
                      + " this gateway, which relays the call",
              example = "53")
          String heldAt) {}

  /** 积案候选: an open case that qualifies and is not on the list yet. */
  public record CandidateView(
      String caseId,
      String caseNumber,
      String unitCode,
      String unitName,
      String caseStatus,
      int repeatPetitions,
      LocalDate firstSeenOn) {}

  private BacklogView view(BacklogEntity b) {
    List<String> grounds = Arrays.asList(b.grounds.split(","));
    return new BacklogView(
        b.id.toString(),
        b.standing.caseId.toString(),
        b.standing.caseNumber,
        b.standing.unitCode,
        unitName(b.standing.unitCode),
        b.standing.status,
        grounds,
        grounds.stream().map(g -> Ground.valueOf(g).label()).toList(),
        b.leaderName,
        b.leaderPost,
        List.copyOf(b.team),
        b.plan,
        b.listedOn,
        b.listedBy,
        b.resolveBy,
        b.status == BacklogStatus.OPEN && b.resolveBy.isBefore(backlog.today()),
        b.report,
        b.reportedOn,
        b.status.name(),
        b.resolution == null ? null : b.resolution.name(),
        b.resolution == null ? null : b.resolution.label(),
        b.crossedOffOn,
        null);
  }

  private BacklogView view(BacklogElsewhereEntity b) {
    List<String> grounds = Arrays.asList(b.grounds.split(","));
    return new BacklogView(
        b.id.toString(),
        b.caseId.toString(),
        b.caseNumber,
        b.unitCode,
        b.unitCode == null ? null : unitName(b.unitCode),
        null,
        grounds,
        grounds.stream().map(g -> Ground.valueOf(g).label()).toList(),
        null,
        null,
        List.of(),
        null,
        b.listedOn,
        null,
        b.resolveBy,
        b.status == BacklogStatus.OPEN && b.resolveBy.isBefore(backlog.today()),
        null,
        null,
        b.status.name(),
        b.resolution == null ? null : b.resolution.name(),
        b.resolution == null ? null : b.resolution.label(),
        b.crossedOffOn,
        b.heldAt);
  }

  private String unitName(String unitCode) {
    return units.nameInWords(unitCode);
  }

  @GET
  @Path("/candidates")
  @Operation(summary = "积案候选 / Open cases overdue or petitioned again, not yet on the list")
  public List<CandidateView> candidates(
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return backlog.candidates(caller, limit).stream()
        .map(
            (CaseEntity c) ->
                new CandidateView(
                    c.caseId.toString(),
                    c.caseNumber,
                    c.unitCode,
                    unitName(c.unitCode),
                    c.status,
                    c.repeatCount,
                    c.firstSeenOn))
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(summary = "立为积案、领导包案 / Put a case on the backlog list with its leader, team and plan")
  @APIResponse(responseCode = "201", description = "已列为积案 / on the list")
  @APIResponse(
      responseCode = "409",
      description = "已列为积案 / already on the list",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "不属积案或已结束 / not backlog, or ended",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response take(@NotNull @Valid TakeRequest request) {
    BacklogEntity entry =
        backlog.take(
            caller,
            UUID.fromString(request.caseId()),
            request.leaderName(),
            request.leaderPost(),
            request.team(),
            request.plan(),
            request.resolveBy());
    return Response.status(201).entity(view(entry)).build();
  }

  @GET
  @Operation(
      summary = "积案清单 / The backlog of the caller's subtree with owning leaders, oldest first",
      description =
          "An entry another node's level listed names that node (heldAt) and carries no leader,"
              + " team, plan or report.")
  public List<BacklogView> all(
      @QueryParam("status")
          @Pattern(regexp = "OPEN|CROSSED_OFF", message = "must be OPEN or CROSSED_OFF")
          String status,
      @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
    BacklogStatus wanted = status == null ? null : BacklogStatus.valueOf(status);
    return Stream.concat(
            backlog.visibleTo(caller, wanted, limit).stream().map(this::view),
            backlog.elsewhereVisibleTo(caller, wanted, limit).stream().map(this::view))
        .sorted(Comparator.comparing(BacklogView::listedOn).thenComparing(BacklogView::id))
        .limit(limit)
        .toList();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "积案 / One backlog case")
  public BacklogView one(@PathParam("id") @Uuid String id) {
    return view(backlog.find(caller, UUID.fromString(id)));
  }

  @GET
  @Path("/{id}/holder")
  @Operation(
      summary = "积案所在节点 / Which node holds a backlog entry",
      description =
          "列入积案一级的节点；网关据此把查阅与化解报告转到该节点。 The listing level's node: the gateway"
              + " relays a read or a report of the entry there.")
  @APIResponse(
      responseCode = "404",
      description = "无此积案或无权查看 / no such entry for the caller",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "所在节点 / the node",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HeldAt.class)))
  public HeldAt holder(@PathParam("id") @Uuid String id) {
    return HeldAt.of(id, backlog.holderOf(caller, UUID.fromString(id)));
  }

  @POST
  @Path("/{id}/report")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "化解报告 / The written report of how the case was resolved")
  public BacklogView report(
      @PathParam("id") @Uuid String id, @NotNull @Valid ReportRequest request) {
    return view(backlog.report(caller, UUID.fromString(id), request.report()));
  }

  @GET
  @Path("/{id}/checks")
  @Operation(summary = "一案双督 / The substance and procedure checks as they stand")
  public List<CheckView> checks(@PathParam("id") @Uuid String id) {
    return backlog.checks(caller, UUID.fromString(id), null).stream()
        .map((BacklogChecks.Check c) -> new CheckView(c.name(), c.kind(), c.passed(), c.detail()))
        .toList();
  }

  @POST
  @Path("/{id}/cross-off")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SUPERVISOR, Roles.JOINT_OFFICE})
  @Operation(summary = "销号 / Cross the case off once every 一案双督 check passes")
  @APIResponse(
      responseCode = "422",
      description = "检查未通过，逐项列明 / the failing checks, each named",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "200",
      description = "已销号 / crossed off",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BacklogView.class)))
  public BacklogView crossOff(
      @PathParam("id") @Uuid String id, @NotNull @Valid CrossOffRequest request) {
    return view(
        backlog.crossOff(
            caller, UUID.fromString(id), request.resolution(), request.petitionerStatement()));
  }
}
