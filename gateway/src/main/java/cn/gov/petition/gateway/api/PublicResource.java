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
 * What a petitioner may do without logging in: follow a case with its query code. Only this path is
 * anonymous; everything else under /api needs a token.
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
    limits.takeStatusLookup(request.remoteAddress().hostAddress(), queryCodeOf(body));
    // a petitioner with a query code: recorded under the node's region, no unit, no roles
    AuditTrail.Who petitioner = new AuditTrail.Who("public", "", nodeRegion, List.of());
    return forwarder.forward(
        HttpMethod.POST, "intake", "public/case-status", uri, headers, body, petitioner);
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
