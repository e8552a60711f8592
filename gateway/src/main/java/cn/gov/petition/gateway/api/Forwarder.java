package cn.gov.petition.gateway.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;

/**
 * Forwards a call to a service with the caller's token, and the service's answer back. Kept apart
 * from the resources so that the authenticated proxy and the anonymous public path share it without
 * one inheriting the other's security.
 */
@ApplicationScoped
public class Forwarder {

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

  public Forwarder(GatewayConfig config, Vertx vertx) {
    this.config = config;
    this.client = WebClient.create(vertx);
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /** Sends the request on to the service and its answer back; 503 if the service is down. */
  public Uni<Response> forward(
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
