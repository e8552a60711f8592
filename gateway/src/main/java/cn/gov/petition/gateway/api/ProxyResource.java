package cn.gov.petition.gateway.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.gateway.config.GatewayConfig;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
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
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 统一端口: forwards {@code /api/<service>/<path>} to the service, with the caller's token. The
 * services check role and region again (defence in depth), so a call that bypasses the gateway gets
 * no more than one through it.
 */
@Path("/api/{service}")
@Authenticated
@Tag(name = "统一端口 / Single entry")
public class ProxyResource {

  private static final List<String> FORWARDED_REQUEST_HEADERS =
      List.of(
          HttpHeaders.AUTHORIZATION,
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.ACCEPT,
          HttpHeaders.ACCEPT_LANGUAGE,
          "Idempotency-Key");
  private static final List<String> FORWARDED_RESPONSE_HEADERS =
      List.of(HttpHeaders.CONTENT_TYPE, "Retry-After");

  private final GatewayConfig config;
  private final WebClient client;

  public ProxyResource(GatewayConfig config, Vertx vertx) {
    this.config = config;
    this.client = WebClient.create(vertx);
  }

  @PreDestroy
  void close() {
    client.close();
  }

  @GET
  @Path("{path: .*}")
  @Operation(summary = "转发 GET / Forward a read to a service")
  public Uni<Response> get(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return forward(HttpMethod.GET, service, path, uri, headers, null);
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
    return forward(HttpMethod.POST, service, path, uri, headers, body);
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
    return forward(HttpMethod.PUT, service, path, uri, headers, body);
  }

  @DELETE
  @Path("{path: .*}")
  @Operation(summary = "转发 DELETE / Forward a removal to a service")
  public Uni<Response> delete(
      @PathParam("service") String service,
      @PathParam("path") String path,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return forward(HttpMethod.DELETE, service, path, uri, headers, null);
  }

  private Uni<Response> forward(
      HttpMethod method,
      String service,
      String path,
      UriInfo uri,
      HttpHeaders headers,
      byte[] body) {
    String base = config.services().get(service);
    if (base == null) {
      throw ProblemException.notFound("service", service);
    }
    String query = uri.getRequestUri().getRawQuery();
    String target = base + "/" + path + (query == null ? "" : "?" + query);
    HttpRequest<Buffer> request =
        client.requestAbs(method, target).timeout(Duration.ofSeconds(30).toMillis());
    for (String name : FORWARDED_REQUEST_HEADERS) {
      String value = headers.getHeaderString(name);
      if (value != null) {
        request.putHeader(name, value);
      }
    }
    Uni<HttpResponse<Buffer>> sent =
        body == null || body.length == 0 ? request.send() : request.sendBuffer(Buffer.buffer(body));
    return sent.map(response -> toResponse(service, response))
        .onFailure()
        .recoverWithItem(
            failure ->
                Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .entity(
                        Problem.of(
                            503,
                            "Service Unavailable",
                            "The " + service + " service did not answer"))
                    .header("Retry-After", "5")
                    .build());
  }

  private static Response toResponse(String service, HttpResponse<Buffer> response) {
    Response.ResponseBuilder builder = Response.status(response.statusCode());
    for (String name : FORWARDED_RESPONSE_HEADERS) {
      String value = response.getHeader(name);
      if (value != null) {
        builder.header(name, value);
      }
    }
    String location = response.getHeader(HttpHeaders.LOCATION);
    if (location != null) {
      // the service's own address is internal: point the caller at the gateway's path instead
      String path = java.net.URI.create(location).getRawPath();
      builder.header(HttpHeaders.LOCATION, "/api/" + service + path);
    }
    Buffer body = response.body();
    if (body != null && body.length() > 0) {
      builder.entity(body.getBytes());
    }
    return builder.build();
  }
}
