package cn.gov.petition.gateway.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.validation.Regions;
import cn.gov.petition.gateway.RateLimits;
import cn.gov.petition.gateway.store.AuditTrail;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a petitioner may do without logging in: follow a case with its query code, evaluate its
 * answer with a one-time code sent to their phone, and submit a petition online (网上信访) with a code
 * sent the same way, choosing the matter's place among the province's divisions. Only these paths
 * are anonymous; everything else under /api needs a token.
 */
@Path("/public")
@PermitAll
@Tag(
    name = "信访人查询 / Petitioner's query",
    description =
        "信访人凭查询码查询办理进度，无需登录 / A petitioner follows a case with its query code, without logging in")
public class PublicResource {

  private final Forwarder forwarder;
  private final RateLimits limits;
  private final String nodeRegion;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  public PublicResource(
      Forwarder forwarder,
      RateLimits limits,
      @ConfigProperty(name = "petition.node.region") String nodeRegion,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    this.json = json;
    this.forwarder = forwarder;
    this.limits = limits;
    this.nodeRegion = nodeRegion;
  }

  @POST
  @Path("case-status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "凭查询码查询办理进度 / Follow a case with its query code",
      description = "无需登录。 Forwarded to intake-service /public/case-status; no token is passed on.")
  @APIResponse(
      responseCode = "200",
      description = "办理进度 / the case's status and deadlines (intake-service's answer)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(
      responseCode = "400",
      description = "查询码格式有误 / the query code is malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "查询码不存在 / no case has that query code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "查询过于频繁 / too many lookups from this address or for this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Uni<Response> caseStatus(
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request,
      byte[] body) {
    return forward("public/case-status", uri, headers, request, body);
  }

  @POST
  @Path("case-status/one-time-code")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "获取评价验证码 / Send the one-time code to evaluate the answer",
      description =
          "无需登录。 Forwarded to intake-service /public/case-status/one-time-code; no token is"
              + " passed on.")
  @APIResponse(
      responseCode = "200",
      description = "已发送 / the masked phones the code was sent to (intake-service's answer)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(
      responseCode = "409",
      description = "不在评价期内 / no evaluation is open",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "未登记手机号码 / no mobile number on file",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "过于频繁 / too many requests from this address, for this code or case",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Uni<Response> oneTimeCode(
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request,
      byte[] body) {
    return forward("public/case-status/one-time-code", uri, headers, request, body);
  }

  @POST
  @Path("case-status/evaluation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "网上评价 / The petitioner evaluates the answer",
      description =
          "无需登录，凭查询码和短信验证码。 Forwarded to intake-service /public/case-status/evaluation;"
              + " no token is passed on.")
  @APIResponse(
      responseCode = "200",
      description = "已评价 / the status with the evaluation (intake-service's answer)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(
      responseCode = "409",
      description = "不在评价期内或没有可用的验证码 / no evaluation open, or no code to use",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "验证码不正确 / the one-time code is wrong",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "过于频繁 / too many requests from this address or for this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Uni<Response> evaluation(
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request,
      byte[] body) {
    return forward("public/case-status/evaluation", uri, headers, request, body);
  }

  @POST
  @Path("submissions/one-time-code")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "获取网上信访验证码 / Send the one-time code to submit a petition online",
      description =
          "无需登录。 Forwarded to intake-service /public/submissions/one-time-code; no token is"
              + " passed on.")
  @APIResponse(
      responseCode = "200",
      description = "已发送 / the masked phone the code was sent to (intake-service's answer)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(
      responseCode = "400",
      description = "手机号码有误 / not a mobile number",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "过于频繁 / too many requests from this address or for this phone",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Uni<Response> submissionCode(
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request,
      byte[] body) {
    return forwardSubmission("public/submissions/one-time-code", uri, headers, request, body);
  }

  @POST
  @Path("submissions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "提交网上信访 / Submit a petition online",
      description =
          "无需登录，凭短信验证码。 Forwarded to intake-service /public/submissions; no token is passed"
              + " on.")
  @APIResponse(
      responseCode = "201",
      description = "已提交 / submitted: the query code (intake-service's answer)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(
      responseCode = "400",
      description = "字段有误 / a field is malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "409",
      description = "没有可用的验证码 / no code to use",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "422",
      description = "验证码不正确或问题属地不在本省 / a wrong code, or a matter outside the province",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "过于频繁 / too many requests from this address or for this phone",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Uni<Response> submit(
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request,
      byte[] body) {
    return forwardSubmission("public/submissions", uri, headers, request, body);
  }

  @POST
  @Path("submissions/attachments")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "为网上信访上传材料 / Attach a file to an online submission",
      description =
          "无需登录，凭查询码（X-Query-Code）。 Forwarded to intake-service"
              + " /public/submissions/attachments with the file, its name and the query code; no"
              + " token is passed on.")
  @APIResponse(
      responseCode = "201",
      description = "已上传 / kept (intake-service's answer)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
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
      description = "空文件、超过大小或类型不允许 / empty, too large or of a type not allowed",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "过于频繁 / too many requests from this address or for this code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Uni<Response> attach(
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @Context HttpServerRequest request,
      byte[] body) {
    String code = headers.getHeaderString("X-Query-Code");
    limits.takeStatusLookup(
        request.remoteAddress().hostAddress(),
        code == null ? null : code.toUpperCase(java.util.Locale.ROOT));
    AuditTrail.Who citizen = new AuditTrail.Who("public", "", nodeRegion, List.of());
    return forwarder.forward(
        HttpMethod.POST, "intake", "public/submissions/attachments", uri, headers, body, citizen);
  }

  /** A division of the node's province with its path and children, for the submission form. */
  public record DivisionView(Division division, List<Division> path, List<Division> children) {}

  @GET
  @Path("divisions")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "本节点的行政区划 / The node's own division, where the submission form starts",
      description = "无需登录。 No login.")
  @APIResponse(
      responseCode = "200",
      description = "本节点区划及其下级 / the node's division, its path and its children",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(
      responseCode = "429",
      description = "过于频繁 / too many requests from this address",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public DivisionView nodeDivision(@Context HttpServerRequest request) {
    return division(nodeRegion, request);
  }

  @GET
  @Path("divisions/{code}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "本省行政区划 / A division of the node's province, for the online submission",
      description = "无需登录；只含本省。 No login; the node's province only.")
  @APIResponse(
      responseCode = "200",
      description = "区划及其上级、下级 / the division, its path and its children",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  @APIResponse(
      responseCode = "400",
      description = "区划代码有误 / not a division code",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "404",
      description = "本省无此区划 / no such division in the province",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "429",
      description = "过于频繁 / too many requests from this address",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public DivisionView division(
      @PathParam("code") @Pattern(regexp = Regions.PATTERN, message = Regions.MESSAGE) String code,
      @Context HttpServerRequest request) {
    limits.takeAnonymous(request.remoteAddress().hostAddress());
    DivisionTable table = DivisionTable.national();
    Division found =
        table
            .find(code)
            .filter(d -> code.startsWith(nodeRegion.substring(0, 2)))
            .orElseThrow(() -> ProblemException.notFound("division", code));
    return new DivisionView(found, table.path(code), table.children(code));
  }

  /**
   * Forwards a citizen's submission to intake after taking it from the address's and the phone's
   * buckets; recorded under the node's region, no unit, no roles, and no token passed on.
   */
  private Uni<Response> forwardSubmission(
      String path, UriInfo uri, HttpHeaders headers, HttpServerRequest request, byte[] body) {
    limits.takeSubmission(request.remoteAddress().hostAddress(), fieldOf(body, "phone"));
    AuditTrail.Who citizen = new AuditTrail.Who("public", "", nodeRegion, List.of());
    return forwarder.forward(HttpMethod.POST, "intake", path, uri, headers, body, citizen);
  }

  /**
   * Forwards a petitioner's request to intake after taking it from the address's and the query
   * code's buckets; recorded under the node's region, no unit, no roles, and no token passed on. A
   * case this node handed on is answered by the node that holds it (Forwarder#forwardPetitioner).
   */
  private Uni<Response> forward(
      String path, UriInfo uri, HttpHeaders headers, HttpServerRequest request, byte[] body) {
    // the petitioner's address, also when another node's gateway relays for them (a trusted proxy,
    // quarkus.http.proxy.trusted-proxies: docs/nodes.md)
    String address = request.remoteAddress().hostAddress();
    limits.takeStatusLookup(address, queryCodeOf(body));
    AuditTrail.Who petitioner = new AuditTrail.Who("public", "", nodeRegion, List.of());
    return forwarder.forwardPetitioner(path, uri, headers, body, petitioner, address);
  }

  /** The query code a body asks about, if it is readable; intake answers the rest. */
  private String queryCodeOf(byte[] body) {
    String code = fieldOf(body, "queryCode");
    return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
  }

  /** A text field of a JSON body, if it is readable; intake answers the rest. */
  private String fieldOf(byte[] body, String field) {
    try {
      var value = json.readTree(body).get(field);
      return value != null && value.isTextual() ? value.asText() : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
