package cn.gov.petition.gateway.api;

import cn.gov.petition.common.security.Caller;
import cn.gov.petition.gateway.events.LiveEvents;
import cn.gov.petition.gateway.store.AuditTrail;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * 实时变动: a server-sent event stream of the changes in the caller's subtree, for the pages to refresh
 * on ({@link LiveEvents}). It opens with a {@code connected} change and sends a {@code heartbeat}
 * every 20 s so that proxies keep it open. Opening it is recorded in the audit trail.
 */
@Path("/live")
@Authenticated
@Tag(
    name = "实时变动 / Live changes",
    description = "调用者辖区内案件与督办的实时变动 / Changes in the caller's subtree as they happen")
public class LiveResource {

  static final Duration HEARTBEAT = Duration.ofSeconds(20);

  private final LiveEvents events;
  private final JsonWebToken token;
  private final Caller caller;
  private final AuditTrail trail;
  private final Clock clock;

  public LiveResource(
      LiveEvents events, JsonWebToken token, Caller caller, AuditTrail trail, Clock clock) {
    this.events = events;
    this.token = token;
    this.caller = caller;
    this.trail = trail;
    this.clock = clock;
  }

  @GET
  @Blocking
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  @Operation(summary = "实时变动 / Changes in the caller's subtree as they happen (server-sent events)")
  public Multi<LiveEvents.Change> stream() {
    String region = caller.subtree(); // 403 when the token names no valid region
    AuditTrail.Who who = ProxyResource.who(token);
    trail.record(
        new AuditTrail.Call(
            clock.instant(), who, "GET", "gateway", "live", List.of(), false, null, 200));
    LiveEvents.Change connected = marker("connected", region);
    Multi<LiveEvents.Change> heartbeats =
        Multi.createFrom()
            .ticks()
            .startingAfter(HEARTBEAT)
            .every(HEARTBEAT)
            .map(tick -> marker("heartbeat", region));
    return Multi.createBy()
        .merging()
        .streams(Multi.createFrom().item(connected), events.of(region, caller), heartbeats);
  }

  private LiveEvents.Change marker(String type, String region) {
    return new LiveEvents.Change(
        type, null, Set.of(region), clock.instant().atOffset(ZoneOffset.UTC));
  }
}
