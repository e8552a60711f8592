package cn.gov.petition.gateway.api;

import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.gateway.config.GatewayConfig;
import cn.gov.petition.gateway.store.AuditTrail;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Forwards a call to a service with the caller's token, and the service's answer back, once the
 * call is in the audit trail. Kept apart from the resources so that the authenticated proxy and the
 * anonymous public path share it without one inheriting the other's security.
 */
@ApplicationScoped
public class Forwarder {

  private static final Logger LOG = Logger.getLogger(Forwarder.class);

  /** Request header with why the caller makes this call (事由), percent-encoded UTF-8. */
  public static final String REASON_HEADER = "Access-Reason";

  static final int REASON_MAX = 200;

  private static final List<String> FORWARDED_REQUEST_HEADERS =
      List.of(
          HttpHeaders.AUTHORIZATION,
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.ACCEPT,
          HttpHeaders.ACCEPT_LANGUAGE,
          "Idempotency-Key",
          // an attachment's file name (intake's /cases/{id}/attachments)
          "Content-Disposition",
          // the query code a citizen attaches a file to their online submission with
          "X-Query-Code",
          REASON_HEADER);
  // an attachment is served as a download, never shown inline: its headers pass on as intake set
  // them
  private static final List<String> FORWARDED_RESPONSE_HEADERS =
      List.of(
          HttpHeaders.CONTENT_TYPE,
          "Retry-After",
          "Content-Disposition",
          "X-Content-Type-Options",
          "Content-Security-Policy",
          HttpHeaders.CACHE_CONTROL);

  private final GatewayConfig config;
  private final WebClient client;
  private final AuditTrail trail;
  private final Clock clock;

  public Forwarder(GatewayConfig config, Vertx vertx, AuditTrail trail, Clock clock) {
    this.config = config;
    this.client = WebClient.create(vertx);
    this.trail = trail;
    this.clock = clock;
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /** A path segment that would climb out of the service's API once decoded. */
  private static final Pattern CLIMBING = Pattern.compile("(?i)^(\\.|%2e){1,2}$|%2f|%5c|\\\\");

  /**
   * The service's part of the path as the caller sent it, still percent-encoded, so that what the
   * caller encoded stays encoded; refused (400) when a segment is {@code .} or {@code ..} or hides
   * a slash or backslash, which would reach past the service's API (its health or metrics).
   */
  static String servicePath(String rawPath, String service) {
    String prefix = "/api/" + service + "/";
    String path = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : "";
    for (String segment : path.split("/", -1)) {
      if (CLIMBING.matcher(segment).find()) {
        throw ProblemException.malformed(
            "path", "segments", "a path segment may not be . or .. nor hide a slash");
      }
    }
    return path;
  }

  /**
   * Sends the request on to the service (at {@code path}, percent-encoded as sent, below the
   * service's base URL) and, once the call is recorded in the audit trail, its answer back; 503 if
   * the service is down or the trail cannot be written (then nothing the service answered is
   * shown).
   */
  public Uni<Response> forward(
      HttpMethod method,
      String service,
      String path,
      UriInfo uri,
      HttpHeaders headers,
      byte[] body,
      AuditTrail.Who who) {
    String base = config.services().get(service);
    if (base == null) {
      throw ProblemException.notFound("service", service);
    }
    String reason = reason(headers.getHeaderString(REASON_HEADER));
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
    List<String> queryNames = uri.getQueryParameters().keySet().stream().sorted().toList();
    return sent.map(
            response ->
                new Answered(
                    toResponse(service, response),
                    PersonalDataShown.SHOWN.equals(response.getHeader(PersonalDataShown.HEADER))))
        .onFailure()
        .recoverWithItem(
            failure ->
                new Answered(unavailable("The " + service + " service did not answer"), false))
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .map(
            answered -> {
              AuditTrail.Call call =
                  new AuditTrail.Call(
                      clock.instant(),
                      who,
                      method.name(),
                      service,
                      path,
                      queryNames,
                      answered.personalData(),
                      reason,
                      answered.response().getStatus());
              try {
                trail.record(call);
              } catch (RuntimeException e) {
                LOG.errorf(
                    e,
                    "The audit trail refused the %s call of %s to %s; its answer is withheld",
                    method.name(),
                    who.user(),
                    service);
                return unavailable("The audit trail could not be written; nothing was shown");
              }
              return answered.response();
            });
  }

  private record Answered(Response response, boolean personalData) {}

  private static Response unavailable(String detail) {
    return Response.status(503)
        .type(Problem.MEDIA_TYPE)
        .entity(Problem.of(503, "Service Unavailable", detail))
        .header("Retry-After", "5")
        .build();
  }

  /** The caller's reason, decoded, or null; 400 when it is too long or not decodable. */
  static String reason(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
    } catch (IllegalArgumentException e) {
      throw badReason("must be text, percent-encoded as UTF-8");
    }
    if (decoded.length() > REASON_MAX) {
      throw badReason("must be at most " + REASON_MAX + " characters");
    }
    return decoded;
  }

  private static ProblemException badReason(String message) {
    return new ProblemException(
        400,
        "Bad Request",
        REASON_HEADER + " " + message,
        List.of(new Problem.FieldError(REASON_HEADER, "Size", message)));
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
