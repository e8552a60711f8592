package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.OfficeSmsTemplates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 短信告知模板: the wording of the SMS the caller's office sends its petitioners for each notice, which
 * its administrator may change within the rules of 政务短信 (issue 29).
 */
@Path("/sms-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "短信告知 / SMS notices", description = "告知信访人的短信模板 / The wording of SMS notices")
public class SmsTemplateResource {

  /** The new wording of a notice. */
  @Schema(description = "新的短信内容 / The new wording")
  public record Wording(
      @Schema(
              description = "以【单位名称】开头，不含网址，只用平台填充项且含该事项须有的填充项，填充后不超过4条短信",
              example = "【麒麟区信访局】您的信访件{caseNumber}已由{unit}受理，我们将依法办理。")
          String wording) {}

  private final OfficeSmsTemplates templates;
  private final Caller caller;

  public SmsTemplateResource(OfficeSmsTemplates templates, Caller caller) {
    this.templates = templates;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.ADMINISTRATOR, Roles.REGISTRAR})
  @Operation(
      summary = "本单位的短信告知模板 / The office's SMS notices",
      description =
          "每个告知事项的短信内容：本单位自定义的，或平台默认的（以本单位名称签名）。"
              + " Each notice's wording as the caller's office sends it: its own, or the"
              + " platform's signed with the office's name.")
  @APIResponse(
      responseCode = "200",
      description = "模板 / the wordings",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SmsTemplateView.class)))
  public List<SmsTemplateView> templates() {
    return templates.of(caller.unit()).stream().map(SmsTemplateView::of).toList();
  }

  @PUT
  @Path("/{notice}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "修改短信告知模板 / Reword an SMS notice",
      description =
          "本单位该事项的短信内容，此后发出的短信按此填充。"
              + " The office's own wording of the notice, used for every SMS sent after.")
  @APIResponse(
      responseCode = "200",
      description = "修改后的模板 / the notice as now worded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SmsTemplateView.class)))
  @APIResponse(
      responseCode = "404",
      description = "无此告知事项 / no such notice",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "不符合规则：wording 及每条规则 / the rules the wording breaks, each named",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public SmsTemplateView reword(@PathParam("notice") String notice, Wording body) {
    if (body == null) {
      throw ProblemException.malformed("body", "NotNull", "give {\"wording\": \"...\"}");
    }
    return SmsTemplateView.of(templates.reword(notice, body.wording(), caller));
  }

  @DELETE
  @Path("/{notice}")
  @RolesAllowed(Roles.ADMINISTRATOR)
  @Operation(
      summary = "恢复平台默认模板 / Back to the platform's wording",
      description = "删除本单位该事项的自定义内容。 Removes the office's own wording of the notice.")
  @APIResponse(
      responseCode = "200",
      description = "平台默认模板 / the platform's wording",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SmsTemplateView.class)))
  @APIResponse(
      responseCode = "404",
      description = "无此告知事项 / no such notice",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public SmsTemplateView restore(@PathParam("notice") String notice) {
    return SmsTemplateView.of(templates.restore(notice, caller));
  }
}
