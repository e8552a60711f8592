package cn.gov.petition.gateway.api;

import cn.gov.petition.common.nodes.HeldElsewhere;
import cn.gov.petition.common.problem.Problem;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.gateway.config.GatewayConfig;
import cn.gov.petition.gateway.store.AuditTrail;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

  /**
   * Request header naming the node whose gateway relayed an office's read to this one
   * (docs/nodes.md, reading across nodes). A call carrying it is answered from this node only,
   * never relayed on.
   */
  public static final String RELAYED_FROM_HEADER = "Petition-Relayed-From";

  /**
   * Request header counting the gateways a petitioner's query has been relayed through (1 for the
   * first relay): each node asks the node it handed the case to, at most {@value #PUBLIC_HOPS}
   * times, so that a case in flight between two nodes (each naming the other) ends the chain.
   */
  public static final String RELAY_HOPS_HEADER = "Petition-Relay-Hops";

  static final int PUBLIC_HOPS = 4;

  private static final Pattern NODE = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\d{3})?)?)?");

  private static final String ONE =
      "/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/.*)?$";

  /**
   * What one node holds and an office of another may read, or act on, there (docs/nodes.md): a
   * service's path to one thing, and where this node's supervision says which node holds it.
   */
  private record Held(String service, Pattern path, String holder) {

    static Held of(String service, String collection) {
      return new Held(
          service, Pattern.compile("^" + collection + ONE), "/" + collection + "/%s/holder");
    }
  }

  /**
   * A case file or a part of it at intake; a supervision letter (三函) at its issuer's node; a
   * backlog entry (积案) or a listing (挂牌督办) at its listing level's node.
   */
  private static final List<Held> HELD =
      List.of(
          Held.of("intake", "cases"),
          Held.of("supervision", "letters"),
          Held.of("supervision", "backlog"),
          Held.of("supervision", "listings"));

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
          REASON_HEADER,
          RELAYED_FROM_HEADER);
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
  private final String self;

  public Forwarder(
      GatewayConfig config,
      Vertx vertx,
      AuditTrail trail,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String self) {
    this.config = config;
    this.self = self;
    this.client =
        WebClient.create(
            vertx, new WebClientOptions().setMaxPoolSize(config.connectionsPerService()));
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
   * shown). A read of a case file this node does not hold is relayed to the node that holds it
   * ({@link #relay}).
   */
  public Uni<Response> forward(
      HttpMethod method,
      String service,
      String path,
      UriInfo uri,
      HttpHeaders headers,
      byte[] body,
      AuditTrail.Who who) {
    return forward(method, service, path, uri, headers, body, who, null);
  }

  /**
   * A petitioner's call about their case (查询码查询, 网上评价), forwarded like any other; answered by the
   * node that holds the case when this node's intake answers from a copy of a case it handed on
   * ({@link HeldElsewhere}): that node's gateway is asked the same, as a proxy for the petitioner
   * at {@code petitionerAddress} ({@code X-Forwarded-For}), so that its rate limits count the
   * petitioner, not this node.
   */
  public Uni<Response> forwardPetitioner(
      String path,
      UriInfo uri,
      HttpHeaders headers,
      byte[] body,
      AuditTrail.Who who,
      String petitionerAddress) {
    return forward(HttpMethod.POST, "intake", path, uri, headers, body, who, petitionerAddress);
  }

  private Uni<Response> forward(
      HttpMethod method,
      String service,
      String path,
      UriInfo uri,
      HttpHeaders headers,
      byte[] body,
      AuditTrail.Who who,
      String petitionerAddress) {
    String base = config.services().get(service);
    if (base == null) {
      throw ProblemException.notFound("service", service);
    }
    String reason = reason(headers.getHeaderString(REASON_HEADER));
    String query = uri.getRequestUri().getRawQuery();
    String relayedFrom = headers.getHeaderString(RELAYED_FROM_HEADER);
    if (relayedFrom != null && !NODE.matcher(relayedFrom).matches()) {
      throw ProblemException.malformed(
          RELAYED_FROM_HEADER, "Pattern", "must be the region code of a node, e.g. 5303");
    }
    String target = base + "/" + path + (query == null ? "" : "?" + query);
    Uni<Answered> sent = send(method, service, target, headers, body, null, Map.of());
    if (petitionerAddress != null) {
      int hops = hops(headers.getHeaderString(RELAY_HOPS_HEADER));
      if (hops < PUBLIC_HOPS) {
        Map<String, String> proxied =
            Map.of("X-Forwarded-For", petitionerAddress, RELAY_HOPS_HEADER, hops + 1 + "");
        sent =
            sent.flatMap(
                local ->
                    local.heldAt() == null
                        ? Uni.createFrom().item(local)
                        : send(
                            method,
                            service,
                            local.heldAt().address() + "/" + path,
                            headers,
                            body,
                            local.heldAt().node(),
                            proxied));
      }
    }
    if (relayedFrom != null) {
      // the relaying gateway audits whether its caller saw personal data: it hears it from here
      sent = sent.map(Answered::withPersonalDataHeader);
    }
    if ((method == HttpMethod.GET || method == HttpMethod.POST) && relayedFrom == null) {
      for (Held held : HELD) {
        Matcher one = held.path().matcher(path);
        if (held.service().equals(service) && one.matches()) {
          // not found here, so nothing was done here: the node holding it answers instead
          String holder = held.holder().formatted(one.group(1));
          String relayed = "/api/" + service + "/" + path + (query == null ? "" : "?" + query);
          sent =
              sent.flatMap(
                  local ->
                      local.response().getStatus() == 404
                          ? relay(service, holder, method, relayed, headers, body)
                              .map(r -> r.orElse(local))
                          : Uni.createFrom().item(local));
        }
      }
    }
    List<String> queryNames = uri.getQueryParameters().keySet().stream().sorted().toList();
    return sent.emitOn(Infrastructure.getDefaultWorkerPool())
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
                      answered.response().getStatus(),
                      relayedFrom != null ? relayedFrom : answered.node());
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

  /**
   * Sends one request with the caller's headers (and {@code extra} ones); a service or node that
   * does not answer is 503.
   */
  private Uni<Answered> send(
      HttpMethod method,
      String service,
      String target,
      HttpHeaders headers,
      byte[] body,
      String node,
      Map<String, String> extra) {
    HttpRequest<Buffer> request =
        client.requestAbs(method, target).timeout(Duration.ofSeconds(30).toMillis());
    for (String name : FORWARDED_REQUEST_HEADERS) {
      String value = headers.getHeaderString(name);
      if (value != null) {
        request.putHeader(name, value);
      }
    }
    if (node != null) {
      request.putHeader(RELAYED_FROM_HEADER, self);
    }
    extra.forEach(request::putHeader);
    Uni<HttpResponse<Buffer>> sent =
        body == null || body.length == 0 ? request.send() : request.sendBuffer(Buffer.buffer(body));
    String who = node == null ? "The " + service + " service" : "Node " + node;
    return sent.map(
            response ->
                new Answered(
                    toResponse(service, response),
                    PersonalDataShown.SHOWN.equals(response.getHeader(PersonalDataShown.HEADER)),
                    node,
                    HeldAt.of(response)))
        .onFailure()
        .recoverWithItem(
            failure -> new Answered(unavailable(who + " did not answer"), false, node, null));
  }

  /**
   * 跨节点查阅与办理: a case file (or a letter) this node does not hold, read or acted on (an objection
   * decided, a review requested by the office above, a letter answered by its recipient) at the
   * node that does. This node's supervision knows the cases and letters of its subtree and which
   * node holds each ({@code holder}, asked with the caller's token: what is outside the caller's
   * subtree is not found there either); that node's gateway is asked with the caller's own token,
   * so its services apply their role, region and masking rules and its audit trail records the
   * call, as for a local caller. Empty when it is not known here or is held here.
   */
  private Uni<Optional<Answered>> relay(
      String service,
      String holder,
      HttpMethod method,
      String path,
      HttpHeaders headers,
      byte[] body) {
    String supervision = config.services().get("supervision");
    if (supervision == null) {
      return Uni.createFrom().item(Optional.empty());
    }
    HttpRequest<Buffer> locate =
        client
            .requestAbs(HttpMethod.GET, supervision + holder)
            .timeout(Duration.ofSeconds(10).toMillis());
    String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      locate.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    return locate
        .send()
        .onFailure()
        .recoverWithNull()
        .flatMap(
            found -> {
              if (found == null || found.statusCode() != 200) {
                return Uni.createFrom().item(Optional.<Answered>empty());
              }
              JsonObject where = found.bodyAsJsonObject();
              String node = where.getString("node");
              String address = where.getString("address");
              if (node == null || node.equals(self) || address == null || address.isBlank()) {
                return Uni.createFrom().item(Optional.<Answered>empty());
              }
              return send(method, service, base(address) + path, headers, body, node, Map.of())
                  .map(Optional::of);
            });
  }

  /**
   * A service's or another node's answer; {@code node} names the node when it was another, {@code
   * heldAt} the node holding what a copy answered for (null when the answer is not from a copy).
   */
  private record Answered(Response response, boolean personalData, String node, HeldAt heldAt) {

    Answered withPersonalDataHeader() {
      return personalData
          ? new Answered(
              Response.fromResponse(response)
                  .header(PersonalDataShown.HEADER, PersonalDataShown.SHOWN)
                  .build(),
              true,
              node,
              heldAt)
          : this;
    }
  }

  /** The node a service's copy says holds the case now, and its gateway ({@link HeldElsewhere}). */
  private record HeldAt(String node, String address) {

    static HeldAt of(HttpResponse<Buffer> response) {
      String node = response.getHeader(HeldElsewhere.NODE_HEADER);
      String address = response.getHeader(HeldElsewhere.ADDRESS_HEADER);
      if (node == null || !NODE.matcher(node).matches() || address == null || address.isBlank()) {
        return null;
      }
      return new HeldAt(node, base(address));
    }
  }

  /** A node's gateway address as a base for paths: without a trailing slash. */
  private static String base(String address) {
    return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
  }

  /** The relays a petitioner's call has come through; 400 unless a small count. */
  static int hops(String header) {
    if (header == null) {
      return 0;
    }
    if (!header.matches("[1-9]") || Integer.parseInt(header) > PUBLIC_HOPS) {
      throw ProblemException.malformed(
          RELAY_HOPS_HEADER, "Range", "must be the number of relays so far, 1 to " + PUBLIC_HOPS);
    }
    return Integer.parseInt(header);
  }

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
