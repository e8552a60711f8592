package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.intake.AttachmentKind;
import cn.gov.petition.intake.Attachments;
import cn.gov.petition.intake.OneTimeCodes;
import cn.gov.petition.intake.Submissions;
import cn.gov.petition.intake.store.AttachmentRepository;
import cn.gov.petition.intake.store.OnlineSubmissionEntity;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 网上信访: a citizen submits a petition without an account, under real name, with a one-time code sent
 * to their mobile. The submission waits for a registrar of the matter's county 信访 office ({@code
 * /submissions}); the query code it is given at once follows it into the case. The phone and the
 * code travel in the body, never in a URL that access logs keep.
 */
@Path("/public/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "网上信访 / Online submission",
    description =
        "公民凭手机验证码在网上提出信访事项，无需登录 / A citizen submits a petition online, without logging in")
@PermitAll
public class PublicSubmissionResource {

  static final String MOBILE = "1[3-9][0-9]{9}";
  static final String MOBILE_MESSAGE = "须为11位手机号码 / must be a mainland mobile number";

  private final Submissions submissions;

  public PublicSubmissionResource(Submissions submissions) {
    this.submissions = submissions;
  }

  @Schema(description = "获取验证码 / Where to send the one-time code")
  public record CodeRequest(
      @Schema(description = "手机号码 / the mobile number", example = "13800138000")
          @NotNull
          @Pattern(regexp = MOBILE, message = MOBILE_MESSAGE)
          String phone) {}

  @Schema(description = "验证码已发送 / The code is on its way")
  public record CodeSent(
      @Schema(description = "接收手机（脱敏）/ the phone, masked", example = "138****8000") String sentTo,
      @Schema(description = "有效分钟数 / minutes the code may be used") long validMinutes) {}

  @Schema(description = "网上信访 / A petition submitted online, under real name")
  public record SubmissionRequest(
      @Schema(description = "手机号码 / the mobile the code was sent to", example = "13800138000")
          @NotNull
          @Pattern(regexp = MOBILE, message = MOBILE_MESSAGE)
          String phone,
      @Schema(description = "短信验证码 / the one-time code", example = "482913")
          @NotNull
          @Pattern(
              regexp = "[0-9]{6}",
              message = "须为短信中的6位验证码 / must be the 6-digit code sent by SMS")
          String oneTimeCode,
      @Schema(description = "姓名 / name", example = "张三") @NotBlank @Size(max = 50) String name,
      @Schema(description = "居民身份证号码 / resident ID number (实名制)", example = "53030219800101002X")
          @NotNull
          @ResidentId
          String idNumber,
      @Schema(description = "住址 / address", example = "云南省曲靖市麒麟区南宁街道一号") @NotBlank @Size(max = 200)
          String address,
      @Schema(
              description = "问题属地 / the county (6) or township (9 digits) of the matter",
              example = "530302001")
          @NotNull
          @DivisionCode(lengths = {6, 9})
          String matterRegionCode,
      @Schema(description = "信访内容 / what the petition says", example = "小区供暖长期不达标。")
          @NotBlank
          @Size(max = 5000)
          String content,
      @Schema(description = "同意短信告知办理进度 / agrees to be told of the case by SMS", example = "true")
          boolean smsConsent) {}

  @Schema(description = "已提交 / The submission, waiting for registration")
  public record SubmissionReceipt(
      @Schema(description = "查询码：凭此查询办理进度，请妥善保管 / the query code", example = "7KQ2M9XH4P")
          String queryCode,
      @Schema(description = "受理的信访部门 / the office whose queue it is in", example = "曲靖市麒麟区信访局")
          String office,
      @Schema(example = "已提交，待登记") String status,
      Instant submittedAt) {}

  @Schema(description = "已上传的材料 / A file attached to the submission")
  public record AttachedFile(
      @Schema(example = "PHOTO") String kind,
      @Schema(example = "照片") String label,
      String fileName,
      @Schema(example = "image/jpeg") String contentType,
      long size) {}

  @POST
  @Path("/attachments")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "为网上信访上传材料 / Attach a file to the submission",
      description =
          "提交后一天内、登记前，凭查询码（请求头 X-Query-Code）上传来信扫描件、照片或录音，每件至多5个；请求体为文件，"
              + "文件名放在 Content-Disposition。类型按内容识别，HTML、SVG、脚本一律拒收。 Within a day of"
              + " submitting and before registration, with the query code in X-Query-Code: the body"
              + " is the file, its name in Content-Disposition; at most five.")
  @APIResponse(
      responseCode = "201",
      description = "已上传 / kept",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachedFile.class)))
  @APIResponse(
      responseCode = "400",
      description = "缺少查询码或类型 / the query code or the kind missing or malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "查询码不正确 / no submission has this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "已登记、已超过一天或已满5个 / registered, a day past, or five already",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "空文件、超过大小或类型不允许 / empty, too large, or of a type its kind does not allow",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response attach(
      @Parameter(description = "查询码 / the query code given at submission")
          @RestHeader("X-Query-Code")
          @NotNull
          @Pattern(
              regexp = "[2-9A-HJ-NP-Za-hj-np-z]{10}",
              message = "须为10位查询码 / must be the query code")
          String queryCode,
      @Parameter(description = "LETTER_SCAN 来信扫描件, PHOTO 照片, AUDIO 录音") @RestQuery String kind,
      @RestHeader("Content-Type") String contentType,
      @RestHeader("Content-Disposition") String disposition,
      byte[] content) {
    AttachmentKind k = AttachmentResource.kind(kind);
    AttachmentRepository.Stored kept =
        submissions.attach(
            queryCode.toUpperCase(Locale.ROOT),
            new Attachments.Upload(
                k, AttachmentResource.fileName(disposition), contentType, content, null));
    return Response.status(201)
        .entity(
            new AttachedFile(
                kept.kind(), k.label(), kept.fileName(), kept.contentType(), kept.size()))
        .build();
  }

  @POST
  @Path("/one-time-code")
  @Operation(
      summary = "获取网上信访验证码 / Send the one-time code to submit a petition",
      description =
          "向该手机号码发送6位验证码，10分钟内有效；每分钟至多1次，每日至多5次；每个号码每日至多提交3件。"
              + " Sends a 6-digit code to the mobile, valid 10 minutes; once a minute, five times a"
              + " day; three submissions a day per phone.")
  @APIResponse(responseCode = "200", description = "已发送 / sent (queued to the SMS center)")
  @APIResponse(
      responseCode = "400",
      description = "手机号码有误 / not a mobile number",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "获取过于频繁 / a code a moment ago, or the day's codes or submissions",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public CodeSent code(@NotNull @Valid CodeRequest request) {
    submissions.sendCode(request.phone());
    return new CodeSent(Masking.keepEnds(request.phone(), 3, 4), OneTimeCodes.VALID.toMinutes());
  }

  @POST
  @Operation(
      summary = "提交网上信访 / Submit a petition online",
      description =
          "实名提交，凭短信验证码；进入问题属地县级信访部门的待登记队列，由工作人员登记后转送办理，立即返回查询码。"
              + " Under real name, with the code sent by SMS; it waits in the queue of the matter's"
              + " county 信访 office until a registrar registers it, and its query code is"
              + " returned at once.")
  @APIResponse(
      responseCode = "201",
      description = "已提交 / submitted",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SubmissionReceipt.class)))
  @APIResponse(
      responseCode = "400",
      description = "字段有误 / a field is malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "没有可用的验证码 / no code to use: request one",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "验证码不正确，或问题属地不在本省 / a wrong code, or a matter in another province",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "该号码今日提交已达上限 / the phone's submissions of the day",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response submit(@NotNull @Valid SubmissionRequest request) {
    OnlineSubmissionEntity s =
        submissions.submit(
            new Submissions.Submission(
                request.phone(),
                request.oneTimeCode(),
                request.name(),
                request.idNumber(),
                request.address(),
                request.matterRegionCode(),
                request.content(),
                request.smsConsent()));
    return Response.status(201)
        .entity(
            new SubmissionReceipt(
                s.queryCode, Submissions.officeName(s), s.status.label(), s.submittedAt))
        .build();
  }
}
