package cn.gov.petition.gateway.api;

import cn.gov.petition.gateway.store.AuditTrail;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Calls refused before they are forwarded are in the audit trail too: a missing, expired or forged
 * token (401), a body too large (413) or not UTF-8 JSON (415). Their caller is unknown (the token
 * was not believed), so they are recorded as {@code (unauthenticated)} with the path, the method
 * and the answer; nothing of the body.
 */
@ApplicationScoped
public class RefusedCalls {

  private static final Logger LOG = Logger.getLogger(RefusedCalls.class);

  /** The refusals no forwarded call records. */
  static final Set<Integer> REFUSALS = Set.of(401, 413, 415);

  /** Who a refused call is recorded as: nobody known, under the node's region for its auditors. */
  static final String UNKNOWN_USER = "(unauthenticated)";

  private final AuditTrail trail;
  private final Clock clock;
  private final Vertx vertx;
  private final AuditTrail.Who unknown;

  public RefusedCalls(
      AuditTrail trail,
      Clock clock,
      Vertx vertx,
      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "petition.node.region")
          String nodeRegion) {
    this.trail = trail;
    this.clock = clock;
    this.vertx = vertx;
    this.unknown = new AuditTrail.Who(UNKNOWN_USER, "", nodeRegion, List.of());
  }

  void onRouter(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 1).handler(this::watch);
  }

  private void watch(RoutingContext context) {
    String path = context.request().path();
    if (path != null
        && (path.startsWith("/api/") || path.startsWith("/public/") || path.startsWith("/audit"))) {
      String method = context.request().method().name();
      context.addEndHandler(
          ended -> {
            int status = context.response().getStatusCode();
            if (REFUSALS.contains(status)) {
              record(method, path, status);
            }
          });
    }
    context.next();
  }

  private void record(String method, String path, int status) {
    String service = "gateway";
    String servicePath = path;
    if (path.startsWith("/api/")) {
      String rest = path.substring("/api/".length());
      int slash = rest.indexOf('/');
      service = slash < 0 ? rest : rest.substring(0, slash);
      servicePath = slash < 0 ? "" : rest.substring(slash + 1);
    }
    AuditTrail.Call call =
        new AuditTrail.Call(
            clock.instant(),
            unknown,
            method,
            service.length() > 32 ? service.substring(0, 32) : service,
            servicePath.length() > 500 ? servicePath.substring(0, 500) : servicePath,
            List.of(),
            false,
            null,
            status);
    vertx.executeBlocking(
        () -> {
          try {
            trail.record(call);
          } catch (RuntimeException e) {
            LOG.errorf(e, "The audit trail refused a refused %s call (%d)", method, status);
          }
          return null;
        },
        false);
  }
}
