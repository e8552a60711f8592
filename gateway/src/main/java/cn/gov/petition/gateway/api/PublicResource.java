package cn.gov.petition.gateway.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.gateway.RateLimits;
import cn.gov.petition.gateway.store.AuditTrail;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
 * What a petitioner may do without logging in: follow a case with its query code, and evaluate its
 * answer with a one-time code sent to their phone. Only these paths are anonymous; everything else
 * under /api needs a token.
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

  /**
   * Forwards a petitioner's request to intake after taking it from the address's and the query
   * code's buckets; recorded under the node's region, no unit, no roles, and no token passed on.
   */
  private Uni<Response> forward(
      String path, UriInfo uri, HttpHeaders headers, HttpServerRequest request, byte[] body) {
    limits.takeStatusLookup(request.remoteAddress().hostAddress(), queryCodeOf(body));
    AuditTrail.Who petitioner = new AuditTrail.Who("public", "", nodeRegion, List.of());
    return forwarder.forward(HttpMethod.POST, "intake", path, uri, headers, body, petitioner);
  }

  /** The query code a body asks about, if it is readable; intake answers the rest. */
  private String queryCodeOf(byte[] body) {
    try {
      var code = json.readTree(body).get("queryCode");
      return code != null && code.isTextual()
          ? code.asText().toUpperCase(java.util.Locale.ROOT)
          : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
