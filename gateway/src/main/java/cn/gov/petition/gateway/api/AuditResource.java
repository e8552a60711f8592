package cn.gov.petition.gateway.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.common.time.Clocks;
import cn.gov.petition.common.validation.Dates;
import cn.gov.petition.common.validation.Uuid;
import cn.gov.petition.gateway.AuditEntry;
import cn.gov.petition.gateway.store.AuditTrail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 审计查询: the auditor reads the audit trail of the callers in their subtree. Reading only: no method
 * of any API changes or removes an entry, and each reading is itself recorded.
 */
@Path("/audit/entries")
@Tag(
    name = "审计 / Audit trail",
    description = "经统一端口的每次调用的审计记录 / Who called what through the gateway, and with what result")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

  private final AuditTrail trail;
  private final Caller caller;
  private final JsonWebToken token;
  private final Clock clock;

  public AuditResource(AuditTrail trail, Caller caller, JsonWebToken token, Clock clock) {
    this.trail = trail;
    this.caller = caller;
    this.token = token;
    this.clock = clock;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "查询审计记录 / The audit trail of the callers in the auditor's subtree",
      description =
          "Newest first. Filters: user, unit, caseId, personalData (only the views of personal"
              + " data), from and to (days, Beijing time, both included); before=<id> pages on."
              + " The reading is recorded in the trail too.")
  @APIResponse(
      responseCode = "200",
      description = "审计记录 / the entries, newest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class)))
  @APIResponse(
      responseCode = "400",
      description = "参数有误 / a filter is malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public List<AuditEntry> entries(
      @QueryParam("user") @Size(min = 1, max = 64) String user,
      @QueryParam("unit") @Size(min = 1, max = 64) String unit,
      @QueryParam("caseId") @Uuid String caseId,
      @QueryParam("personalData") @Pattern(regexp = "true|false", message = "must be true or false")
          String personalData,
      @QueryParam("from") @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE) String from,
      @QueryParam("to") @Pattern(regexp = Dates.PATTERN, message = Dates.MESSAGE) String to,
      @QueryParam("before") @Min(1) Long before,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
      @Context UriInfo uri) {
    LocalDate fromDay = from == null ? null : Dates.parse("from", from);
    LocalDate toDay = to == null ? null : Dates.parse("to", to);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      throw ProblemException.invalid("to", "Order", "不能早于开始日期 / must not be before from");
    }
    String subtree = caller.subtree();
    List<AuditEntry> found =
        trail.find(
            new AuditTrail.Query(
                subtree,
                user,
                unit,
                caseId == null ? null : UUID.fromString(caseId),
                personalData == null ? null : Boolean.valueOf(personalData),
                fromDay == null ? null : startOf(fromDay),
                toDay == null ? null : startOf(toDay.plusDays(1)),
                before,
                limit));
    trail.record(
        new AuditTrail.Call(
            clock.instant(),
            ProxyResource.who(token),
            "GET",
            "gateway",
            "audit/entries",
            uri.getQueryParameters().keySet().stream().sorted().toList(),
            false,
            null,
            200));
    return found;
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(Clocks.CHINA).toInstant();
  }
}
