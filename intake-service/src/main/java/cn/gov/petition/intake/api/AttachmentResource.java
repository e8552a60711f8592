package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.AttachmentKind;
import cn.gov.petition.intake.Attachments;
import cn.gov.petition.intake.store.AttachmentRepository.Stored;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 附件: the scanned letters, photos, recordings and signed documents of a case. The units that
 * registered, handle or review the case attach them; those who may see the case's petitioners read
 * them (an attachment is personal data as a whole: it cannot be masked), each reading recorded; the
 * others see that there is one, of what kind and size, not its name or content.
 */
@Path("/cases/{id}/attachments")
@Tag(name = "附件 / Attachments", description = "来信扫描件、照片、录音、签收文书 / Scans, photos, recordings")
public class AttachmentResource {

  @Schema(description = "附件 / An attachment of the case")
  public record AttachmentView(
      UUID id,
      @Schema(example = "LETTER_SCAN") String kind,
      @Schema(example = "来信扫描件") String label,
      @Schema(description = "文件名（无权查看信访人者不显示）/ the file's name, for those who may see it")
          String fileName,
      @Schema(description = "按内容识别的类型 / the type its content is", example = "application/pdf")
          String contentType,
      long size,
      @Schema(description = "内容的 SHA-256 / the content's digest") String sha256,
      @Schema(description = "所属办理记录 / the step it belongs to, if any") Long transitionId,
      String unitCode,
      Instant uploadedAt,
      @Schema(description = "被查阅次数 / how often it was read") long reads) {}

  private final CaseFinder finder;
  private final Attachments attachments;
  private final Caller caller;
  private final PersonalDataShown personalData;

  public AttachmentResource(
      CaseFinder finder, Attachments attachments, Caller caller, PersonalDataShown personalData) {
    this.finder = finder;
    this.attachments = attachments;
    this.caller = caller;
    this.personalData = personalData;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.REGISTRAR, Roles.HANDLER})
  @Transactional
  @Operation(
      summary = "上传附件 / Attach a file",
      description =
          "请求体为文件内容，Content-Type 为其类型，文件名放在 Content-Disposition（filename*=UTF-8''…）；"
              + "kind：LETTER_SCAN 来信扫描件、PHOTO 照片、AUDIO 通话录音、SIGNED_DOCUMENT 签收文书。类型按文件内容识别；"
              + "HTML、SVG、脚本一律拒收。 The body is the file, its Content-Type its type, its name in"
              + " Content-Disposition (never in the URL, which access logs keep). The type is what the"
              + " content is; HTML, SVG and scripts are refused whatever their name. Sealed before it"
              + " is stored.")
  @APIResponse(
      responseCode = "201",
      description = "已保存 / kept",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachmentView.class)))
  @APIResponse(
      responseCode = "400",
      description = "缺少或无法识别的参数 / a parameter missing or malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "403",
      description = "非登记、承办或复查复核单位 / not a unit of this case",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "不存在或无权查看 / no such case in the caller's authority",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "空文件、超过大小或类型不允许 / empty, too large, or of a type its kind does not allow",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response upload(
      @PathParam("id") @CaseId String id,
      @Parameter(description = "附件类型 / LETTER_SCAN, PHOTO, AUDIO, SIGNED_DOCUMENT") @RestQuery
          String kind,
      @Parameter(description = "所属办理记录 / the id of the step it belongs to") @RestQuery
          String transitionId,
      @RestHeader("Content-Type") String contentType,
      @RestHeader("Content-Disposition") String disposition,
      byte[] content) {
    AttachmentKind k = kind(kind);
    Long step = step(transitionId);
    PetitionCaseEntity c = finder.visible(id, caller);
    if (!c.involves(caller.unit())) {
      throw ProblemException.forbidden(
          "attachments are added by the units that registered, handle or review the case");
    }
    Stored kept =
        attachments.keep(
            c,
            caller.unit(),
            caller.user(),
            new Attachments.Upload(k, fileName(disposition), contentType, content, step));
    return Response.status(201).entity(view(kept, true)).build();
  }

  /** The file's name a Content-Disposition header gives (filename*=UTF-8'' first), or null. */
  static String fileName(String disposition) {
    if (disposition == null) {
      return null;
    }
    Matcher extended =
        Pattern.compile("filename\\*\\s*=\\s*(?i:utf-8)''([^;]+)").matcher(disposition);
    if (extended.find()) {
      try {
        return URLDecoder.decode(
            extended.group(1).strip().replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        throw ProblemException.malformed(
            "Content-Disposition", "FileName", "文件名编码有误 / filename* is not percent-encoded UTF-8");
      }
    }
    Matcher plain = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?").matcher(disposition);
    return plain.find() ? plain.group(1).strip() : null;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Transactional
  @Operation(
      summary = "附件列表 / The case's attachments",
      description = "文件名只向可查看信访人的单位显示。 The file's name only to those who may see the petitioners.")
  @APIResponse(
      responseCode = "200",
      description = "附件 / the attachments, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttachmentView.class)))
  @APIResponse(
      responseCode = "404",
      description = "不存在或无权查看 / no such case in the caller's authority",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<AttachmentView> list(@PathParam("id") @CaseId String id) {
    PetitionCaseEntity c = finder.visible(id, caller);
    boolean shown = c.showsPetitionersTo(caller.unit());
    List<AttachmentView> all = attachments.of(c.id).stream().map(a -> view(a, shown)).toList();
    if (shown && !all.isEmpty()) {
      personalData.mark();
    }
    return all;
  }

  @GET
  @Path("/{attachmentId}")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Transactional
  @Operation(
      summary = "查阅附件 / Read an attachment",
      description =
          "只向可查看信访人的单位提供，每次查阅均记录；总是作为下载（不在浏览器中打开）。"
              + " Only to those who may see the petitioners, each reading recorded; always a"
              + " download, never shown inline.")
  @APIResponse(responseCode = "200", description = "附件内容 / the content, as its type")
  @APIResponse(
      responseCode = "403",
      description = "无权查阅附件内容 / the caller may not see this case's personal data",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "无此附件 / no such attachment on a case in the caller's authority",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response read(
      @PathParam("id") @CaseId String id, @PathParam("attachmentId") @CaseId String attachmentId) {
    PetitionCaseEntity c = finder.visible(id, caller);
    Stored a = attachments.find(c.id, UUID.fromString(attachmentId));
    if (!c.showsPetitionersTo(caller.unit())) {
      throw ProblemException.forbidden(
          "an attachment is read by the units that may see the case's petitioners");
    }
    byte[] content = attachments.open(a, caller.unit(), caller.user());
    personalData.mark();
    String name = URLEncoder.encode(a.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(content, a.contentType())
        .header(
            "Content-Disposition", "attachment; filename=\"attachment\"; filename*=UTF-8''" + name)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Cache-Control", "no-store")
        .build();
  }

  static AttachmentKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      throw ProblemException.malformed("kind", "NotNull", "须填写附件类型 / the kind is required");
    }
    try {
      return AttachmentKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw ProblemException.malformed(
          "kind", "OneOf", "附件类型须为 LETTER_SCAN、PHOTO、AUDIO、SIGNED_DOCUMENT 之一");
    }
  }

  private static Long step(String transitionId) {
    if (transitionId == null || transitionId.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(transitionId.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.malformed(
          "transitionId", "type", "须为办理记录编号 / must be the id of a step of the case");
    }
  }

  static AttachmentView view(Stored a, boolean shown) {
    return new AttachmentView(
        a.id(),
        a.kind(),
        AttachmentKind.valueOf(a.kind()).label(),
        shown ? a.fileName() : null,
        a.contentType(),
        a.size(),
        a.sha256(),
        a.transitionId(),
        a.unitCode(),
        a.uploadedAt(),
        a.reads());
  }
}
