package cn.gov.petition.gateway.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.gateway.RateLimits;
import cn.gov.petition.gateway.store.AuditTrail;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 统一端口: forwards {@code /api/<service>/<path>} to the service, with the caller's token. The
 * services check role and region again (defence in depth), so a call that bypasses the gateway gets
 * no more than one through it. The {@code path} parameters name the template in the API document;
 * what is forwarded is the path as sent, still encoded ({@link Forwarder#servicePath}).
 */
@Path("/api/{service}")
@Authenticated
@Tag(
    name = "统一端口 / Single entry",
    description = "各服务经统一端口访问 / Every service called through the gateway")
public class ProxyResource {

  private final Forwarder forwarder;
  private final JsonWebToken token;
  private final RateLimits limits;

  public ProxyResource(Forwarder forwarder, JsonWebToken token, RateLimits limits) {
    this.forwarder = forwarder;
    this.token = token;
    this.limits = limits;
  }

  private Uni<Response> forward(
      HttpMethod method, String service, UriInfo uri, HttpHeaders headers, byte[] body) {
    AuditTrail.Who who = who(token);
    limits.take(who.user(), who.unit());
    // the path as the caller sent it, still encoded, not the decoded parameter
    String sent = Forwarder.servicePath(uri.getRequestUri().getRawPath(), service);
    if (sent.startsWith("public/") || sent.startsWith("public%2")) {
      // the anonymous look-up has one entry, /public/case-status, and one limit per caller and
      // per code: a token does not open a second way round it
      throw ProblemException.notFound(
          "the path /api/" + service + "/", "public/… (use /public/case-status)");
    }
    return forwarder.forward(method, service, sent, uri, headers, body, who);
  }

  /** The caller named by a verified token. */
  static AuditTrail.Who who(JsonWebToken token) {
    String unit = token.getClaim(Caller.UNIT_CLAIM);
    String region = token.getClaim(Caller.REGION_CLAIM);
    return new AuditTrail.Who(
        token.getName(),
        unit == null ? "" : unit,
        region == null ? "" : region,
        token.getGroups() == null ? List.of() : token.getGroups().stream().sorted().toList());
  }

  @GET
  @Path("{path: .*}")
  @Operation(summary = "转发 GET / Forward a read to a service")
  public Uni<Response> get(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return forward(HttpMethod.GET, service, uri, headers, null);
  }

  @POST
  @Path("{path: .*}")
  @Operation(summary = "转发 POST / Forward a change to a service")
  public Uni<Response> post(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      byte[] body) {
    return forward(HttpMethod.POST, service, uri, headers, body);
  }

  @PUT
  @Path("{path: .*}")
  @Operation(summary = "转发 PUT / Forward a change to a service")
  public Uni<Response> put(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      byte[] body) {
    return forward(HttpMethod.PUT, service, uri, headers, body);
  }

  @DELETE
  @Path("{path: .*}")
  @Operation(summary = "转发 DELETE / Forward a removal to a service")
  public Uni<Response> delete(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return forward(HttpMethod.DELETE, service, uri, headers, null);
  }
}
