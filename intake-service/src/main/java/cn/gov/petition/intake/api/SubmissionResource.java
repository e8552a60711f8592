package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.intake.Attachments;
import cn.gov.petition.intake.Submissions;
import cn.gov.petition.intake.store.OnlineSubmissionEntity;
import cn.gov.petition.intake.store.OnlineSubmissionEntity.Status;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 网上信访待登记: the registrars of a 信访 office read the petitions citizens submitted online about matters
 * in their region, and register each ({@code POST /cases} with its {@code submissionId}) or decline
 * it with the reason the citizen reads. Registrars see what the citizen wrote in full, as at the
 * counter; each reading is audited as personal data shown.
 */
@Path("/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "网上信访 / Online submission", description = "网上信访待登记 / Online submissions to register")
@RolesAllowed(Roles.REGISTRAR)
public class SubmissionResource {

  private final Submissions submissions;
  private final Attachments attachments;
  private final Caller caller;
  private final PersonalDataShown personalData;

  public SubmissionResource(
      Submissions submissions,
      Attachments attachments,
      Caller caller,
      PersonalDataShown personalData) {
    this.attachments = attachments;
    this.submissions = submissions;
    this.caller = caller;
    this.personalData = personalData;
  }

  @Schema(description = "网上信访 / A submission as its office reads it")
  public record SubmissionView(
      UUID id,
      @Schema(example = "PENDING") Status status,
      @Schema(example = "已提交，待登记") String statusLabel,
      Instant submittedAt,
      @Schema(example = "张三") String name,
      @Schema(example = "RESIDENT_ID") String idType,
      String idNumber,
      String phone,
      String address,
      @Schema(example = "530302001") String matterRegionCode,
      String content,
      boolean smsConsent,
      @Schema(example = "530302:xfj") String office,
      @Schema(example = "曲靖市麒麟区信访局") String officeName,
      @Schema(description = "登记后的信访件 / the case it became") UUID caseId,
      @Schema(description = "不予登记的理由 / why it was not registered") String reason,
      String handledBy,
      Instant handledAt,
      @Schema(description = "信访人上传的材料（登记后归入信访件）/ the files the citizen attached")
          List<AttachmentResource.AttachmentView> attachments) {}

  @Schema(description = "不予登记 / Declining a submission")
  public record Declination(
      @Schema(
              description = "理由（告知信访人）/ the reason, as the citizen reads it",
              example = "所提内容不属于信访事项。")
          @NotBlank
          @Size(max = 1000)
          String reason) {}

  @GET
  @Transactional
  @Operation(
      summary = "网上信访列表 / Submissions of the caller's region",
      description = "默认待登记，按提交时间排列。 Pending ones by default, oldest first.")
  @APIResponse(responseCode = "200", description = "网上信访 / the submissions")
  @APIResponse(
      responseCode = "400",
      description = "状态有误 / an unknown status",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<SubmissionView> list(
      @Parameter(description = "PENDING（默认）, REGISTERED, NOT_REGISTERED") @QueryParam("status")
          String status) {
    List<SubmissionView> all =
        submissions.queue(caller, status(status)).stream().map(this::view).toList();
    if (!all.isEmpty()) {
      personalData.mark();
    }
    return all;
  }

  @GET
  @Path("/{id}")
  @Transactional
  @Operation(summary = "网上信访 / One submission")
  @APIResponse(responseCode = "200", description = "网上信访 / the submission")
  @APIResponse(
      responseCode = "404",
      description = "不存在或不在本地区 / none in the caller's region",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public SubmissionView one(@PathParam("id") @Uuid String id) {
    SubmissionView view = view(submissions.visible(UUID.fromString(id), caller));
    personalData.mark();
    return view;
  }

  @POST
  @Path("/{id}/declination")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "不予登记 / Decline a submission",
      description =
          "不属于信访事项等情形，说明理由；信访人凭查询码可见。 Not a petition: the reason is what the citizen reads.")
  @APIResponse(responseCode = "200", description = "已处理 / declined")
  @APIResponse(
      responseCode = "404",
      description = "不存在或不在本地区 / none in the caller's region",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "已登记或已处理 / registered or declined already",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public SubmissionView decline(
      @PathParam("id") @Uuid String id, @NotNull @Valid Declination declination) {
    return view(submissions.decline(UUID.fromString(id), declination.reason(), caller));
  }

  private static Status status(String status) {
    if (status == null || status.isBlank()) {
      return Status.PENDING;
    }
    try {
      return Status.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw ProblemException.malformed(
          "status", "OneOf", "须为 PENDING、REGISTERED、NOT_REGISTERED 之一 / an unknown status");
    }
  }

  private SubmissionView view(OnlineSubmissionEntity s) {
    return new SubmissionView(
        s.id,
        s.status,
        s.status.label(),
        s.submittedAt,
        s.name,
        s.idType == null ? null : s.idType.name(),
        s.idNumber,
        s.phone,
        s.address,
        s.matterRegionCode,
        s.content,
        s.smsConsent,
        s.office,
        Submissions.officeName(s),
        s.caseId,
        s.reason,
        s.handledBy,
        s.handledAt,
        attachments.ofSubmission(s.id).stream()
            .map(a -> AttachmentResource.view(a, true))
            .toList());
  }
}
