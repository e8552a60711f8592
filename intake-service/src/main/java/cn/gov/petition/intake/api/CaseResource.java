package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.Registrar;
import cn.gov.petition.intake.Transition;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.TransitionRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "信访件 / Cases")
public class CaseResource {

  private final Registrar registrar;
  private final CaseFinder finder;
  private final CaseMapper mapper;
  private final TransitionRepository transitions;
  private final Caller caller;

  public CaseResource(
      Registrar registrar,
      CaseFinder finder,
      CaseMapper mapper,
      TransitionRepository transitions,
      Caller caller) {
    this.registrar = registrar;
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
          "Registers the petition once and routes it. A retry with the same Idempotency-Key "
              + "returns the case registered the first time (200) instead of a second case (201).")
  @APIResponse(responseCode = "201", description = "登记成功 / registered")
  @APIResponse(
      responseCode = "200",
      description = "重复提交 / the earlier registration with this Idempotency-Key")
  @APIResponse(responseCode = "400", description = "输入有误 / invalid input")
  public Response register(
      @Parameter(description = "幂等键 / makes retries safe")
          @HeaderParam("Idempotency-Key")
          @Size(min = 8, max = 128)
          @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only")
          String idempotencyKey,
      @NotNull @Valid RegisterPetitionRequest request) {
    var earlier = registrar.earlier(caller, idempotencyKey);
    if (earlier.isPresent()) {
      return Response.ok(result(earlier.get())).build();
    }
    PetitionCaseEntity entity = registrar.register(request, caller, idempotencyKey);
    return Response.created(URI.create("/cases/" + entity.id)).entity(result(entity)).build();
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
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = Problem.MEDIA_TYPE))
  @Transactional
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
                    t.transition,
                    Transition.valueOf(t.transition).label(),
                    t.fromStatus,
                    t.toStatus,
                    t.occurredOn,
                    t.occurredAt,
                    t.unitCode,
                    t.userName,
                    t.details))
        .toList();
  }

  private RegistrationResult result(PetitionCaseEntity entity) {
    return new RegistrationResult(entity.queryCode, mapper.toView(entity, caller));
  }
}
