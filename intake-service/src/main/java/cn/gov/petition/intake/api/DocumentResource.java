package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.Documents;
import cn.gov.petition.intake.Lifecycle;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.TransitionRepository;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 文书: the notices and opinions served on the petitioner, as printable HTML in Chinese (A4, print
 * styles). Printed by the units that serve them: those that registered, handle or review the case.
 */
@Path("/cases/{id}/documents")
@Tag(name = "文书 / Documents", description = "可打印的中文文书 / Printable documents in Chinese")
@RolesAllowed({Roles.REGISTRAR, Roles.HANDLER, Roles.SUPERVISOR, Roles.LEADER, Roles.JOINT_OFFICE})
public class DocumentResource {

  private final CaseFinder finder;
  private final TransitionRepository transitions;
  private final Lifecycle lifecycle;
  private final Template document;
  private final Caller caller;
  private final PersonalDataShown personalData;

  public DocumentResource(
      CaseFinder finder,
      TransitionRepository transitions,
      Lifecycle lifecycle,
      @Location("document.html") Template document,
      Caller caller,
      PersonalDataShown personalData) {
    this.finder = finder;
    this.transitions = transitions;
    this.lifecycle = lifecycle;
    this.document = document;
    this.caller = caller;
    this.personalData = personalData;
  }

  @Schema(description = "文书 / A document the case has served")
  public record DocumentRef(
      @Schema(description = "办理记录编号 / the history entry that served it", example = "42")
          long transitionId,
      @Schema(example = "OPINION") String kind,
      @Schema(example = "信访事项处理意见书") String title,
      @Schema(description = "出具日期 / issued on") LocalDate issuedOn) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "文书列表 / The case's documents",
      description = "受理告知书、不予受理告知书、处理意见书、复查复核意见书等。 The notices and opinions served so far.")
  @APIResponse(responseCode = "200", description = "文书 / the documents")
  @APIResponse(
      responseCode = "404",
      description = "不存在或无权查看 / no such case in the caller's authority",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<DocumentRef> list(@PathParam("id") @CaseId String id) {
    PetitionCaseEntity c = finder.visible(id, caller);
    return transitions.ofCase(c.id).stream()
        .flatMap(
            t ->
                Documents.Kind.of(t).stream()
                    .map(k -> new DocumentRef(t.id, k.name(), k.title(), t.occurredOn)))
        .toList();
  }

  @GET
  @Path("/{transitionId}")
  @Produces(MediaType.TEXT_HTML)
  @Transactional
  @Operation(
      summary = "打印文书 / Print a document",
      description =
          "可打印的中文文书（A4）。只有登记、承办和复查复核单位可以打印。 A printable HTML document in Chinese;"
              + " printed by the units that registered, handle or review the case.")
  @APIResponse(responseCode = "200", description = "文书 / the document, text/html")
  @APIResponse(
      responseCode = "403",
      description = "非承办单位 / the caller's unit does not serve this case's documents",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "无此文书 / no such document on this case",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public String print(
      @PathParam("id") @CaseId String id, @PathParam("transitionId") @Min(1) long transitionId) {
    PetitionCaseEntity c = finder.visible(id, caller);
    if (!c.involves(caller.unit())) {
      throw ProblemException.forbidden(
          "documents are printed by the units that registered, handle or review the case");
    }
    CaseTransitionEntity t = transitions.findById(transitionId);
    if (t == null || !t.caseId.equals(c.id)) {
      throw ProblemException.notFound("document", String.valueOf(transitionId));
    }
    boolean petitionersShown = c.showsPetitionersTo(caller.unit());
    Documents.Document served =
        lifecycle
            .document(c, t, petitionersShown)
            .orElseThrow(() -> ProblemException.notFound("document", String.valueOf(transitionId)));
    if (petitionersShown || c.isAccusation()) {
      personalData.mark();
    }
    return document.data("doc", served).render();
  }
}
