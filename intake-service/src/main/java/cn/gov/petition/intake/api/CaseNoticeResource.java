package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.SmsNotices;
import cn.gov.petition.intake.SmsTemplates;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 短信告知记录: the SMS a case's petitioners were sent, with what the SMS center answered. */
@Path("/cases/{id}/notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "短信告知 / SMS notices", description = "告知信访人的短信模板 / The wording of SMS notices")
public class CaseNoticeResource {

  /** One SMS: never its text (the petitioner's query code is in a receipt). */
  @Schema(description = "短信告知 / One SMS notice and its delivery")
  public record NoticeView(
      @Schema(example = "ACCEPTED") String notice,
      @Schema(example = "受理告知") String label,
      @Schema(
              description = "手机号（无权查看者脱敏）/ the phone, masked for those who may not see it",
              example = "138****8000")
          String phone,
      @Schema(
              description = "QUEUED 待发送, SENT 已提交, DELIVERED 已送达, UNDELIVERED 未送达, FAILED 发送失败",
              example = "DELIVERED")
          String status,
      @Schema(description = "条数 / parts") int parts,
      @Schema(description = "尝试次数 / attempts") int attempts,
      Instant queuedAt,
      Instant sentAt,
      @Schema(description = "送达或失败的时间 / when delivered, or given up") Instant doneAt,
      @Schema(
              description =
                  "待发送的，下次发送时间（失败重试或每小时条数已满）/ when a queued one is sent next"
                      + " (after a failure, or when the phone had its hour's messages)")
          Instant nextAt) {}

  private final CaseFinder finder;
  private final SmsNotices notices;
  private final Caller caller;
  private final PersonalDataShown personalData;

  public CaseNoticeResource(
      CaseFinder finder, SmsNotices notices, Caller caller, PersonalDataShown personalData) {
    this.finder = finder;
    this.notices = notices;
    this.caller = caller;
    this.personalData = personalData;
  }

  @GET
  @RolesAllowed({
    Roles.REGISTRAR,
    Roles.HANDLER,
    Roles.SUPERVISOR,
    Roles.LEADER,
    Roles.JOINT_OFFICE
  })
  @Transactional
  @Operation(
      summary = "短信告知记录 / The case's SMS notices",
      description =
          "发给信访人的每条短信及送达回执；手机号按查看信访人的权限显示或脱敏，不含短信内容。"
              + " Each SMS sent to the petitioners and its delivery receipt; the phone shown or"
              + " masked as the petitioners are, never the text.")
  @APIResponse(
      responseCode = "200",
      description = "短信告知 / the notices, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = NoticeView.class)))
  @APIResponse(
      responseCode = "404",
      description = "不存在或无权查看 / no such case in the caller's authority",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<NoticeView> notices(@PathParam("id") @CaseId String id) {
    PetitionCaseEntity c = finder.visible(id, caller);
    boolean shown = c.showsPetitionersTo(caller.unit());
    List<NoticeView> all =
        notices.of(c.id).stream()
            .map(
                t ->
                    new NoticeView(
                        t.notice(),
                        SmsTemplates.Notice.valueOf(t.notice()).label(),
                        shown ? t.phone() : Masking.keepEnds(t.phone(), 3, 4),
                        t.status(),
                        t.parts(),
                        t.attempts(),
                        t.queuedAt(),
                        t.sentAt(),
                        t.doneAt(),
                        t.nextAt()))
            .toList();
    if (shown && !all.isEmpty()) {
      personalData.mark();
    }
    return all;
  }
}
