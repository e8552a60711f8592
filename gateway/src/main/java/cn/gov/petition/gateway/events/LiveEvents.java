package cn.gov.petition.gateway.events;

import cn.gov.petition.common.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * 实时变动: what the pages refresh on. The gateway reads the three broadcast topics (which carry no
 * personal data, docs/events.md) from the newest record on, in a consumer group of its own per
 * process that commits nothing, and passes each event on as a {@link Change} to the open streams
 * whose subtree it touches. A page that hears of a change asks the services again; the stream
 * itself carries no figures and no case content.
 */
@ApplicationScoped
public class LiveEvents {

  private static final Logger LOG = Logger.getLogger(LiveEvents.class);

  /** The fields of the broadcast events that name a region or a unit of one. */
  private static final List<String> REGION_FIELDS =
      List.of(
          "matterRegionCode",
          "unitRegionCode",
          "regionCode",
          "handlingRegion",
          "issuerRegion",
          "recipientRegion",
          "listingRegion",
          "targetRegion");

  private static final List<String> UNIT_FIELDS =
      List.of("unitCode", "registeringUnit", "handlingUnit", "issuerUnit", "recipientUnit");

  private static final String TYPE_PREFIX = "cn.gov.petition.";

  /**
   * One event as the pages hear of it.
   *
   * @param type the event type without {@code cn.gov.petition.}, such as {@code case.registered}
   * @param caseNumber the case the event is about (the CloudEvents subject), or null
   * @param regions the regions the event touches: a stream sees it when one lies in its subtree
   * @param time when it happened
   */
  public record Change(
      String type,
      String caseNumber,
      Set<String> regions,
      OffsetDateTime time,
      @com.fasterxml.jackson.annotation.JsonIgnore Set<String> accusationUnits,
      @com.fasterxml.jackson.annotation.JsonIgnore boolean imported) {

    public Change(String type, String caseNumber, Set<String> regions, OffsetDateTime time) {
      this(type, caseNumber, regions, time, null, false);
    }

    /** Whether a caller whose subtree is {@code region} may hear of this change. */
    public boolean touches(String region) {
      return !region.isEmpty() && regions.stream().anyMatch(r -> r.startsWith(region));
    }
  }

  /** The type of the one change that stands for the imported events of a few seconds. */
  static final String IMPORTED = "case.imported";

  private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
  private final ObjectMapper json;

  /**
   * The regions that imported events touched since the last {@link #flushImported}: an import
   * replays thousands of cases a minute, and each page would otherwise ask the services again for
   * each of them. Accusations are kept apart, heard of only by those who may.
   */
  private final Set<String> importedRegions = ConcurrentHashMap.newKeySet();

  private final Set<String> importedAccusationRegions = ConcurrentHashMap.newKeySet();
  private final Set<String> importedAccusationUnits = ConcurrentHashMap.newKeySet();

  public LiveEvents(ObjectMapper json) {
    this.json = json;
  }

  @Incoming("live")
  public void receive(CloudEvent event) {
    Change change = changeOf(event);
    if (change == null) {
      return;
    }
    if (!change.imported()) {
      changes.onNext(change);
    } else if (change.accusationUnits() == null) {
      importedRegions.addAll(change.regions());
    } else {
      importedAccusationUnits.addAll(change.accusationUnits());
      importedAccusationRegions.addAll(change.regions());
    }
  }

  /**
   * One {@code case.imported} change for the imported events of the last seconds, for the regions
   * they touched (and one for accusations, heard of as any accusation is).
   */
  @Scheduled(identity = "live-imported", every = "${petition.live.imported-every:5s}")
  void flushImported() {
    flush(importedRegions, null);
    if (!importedAccusationRegions.isEmpty()) {
      Set<String> units = Set.copyOf(importedAccusationUnits);
      importedAccusationUnits.removeAll(units);
      flush(importedAccusationRegions, units);
    }
  }

  private void flush(Set<String> regions, Set<String> accusationUnits) {
    if (regions.isEmpty()) {
      return;
    }
    Set<String> touched = Set.copyOf(regions);
    regions.removeAll(touched);
    changes.onNext(
        new Change(IMPORTED, null, touched, OffsetDateTime.now(), accusationUnits, false));
  }

  /**
   * The changes from now on that touch a subtree. A stream that falls more than {@link #BACKLOG}
   * changes behind fails (its page reconnects and asks everything again) rather than hold the
   * others back.
   */
  /**
   * The changes the caller may hear of: in its subtree, and for an accusation only if the caller is
   * a 信访 or discipline office or a unit the event names as handling it (Art 30(3)).
   */
  public Multi<Change> of(String region, Caller caller) {
    boolean follows = caller.followsAccusations();
    String unit = caller.unit();
    return changes
        .filter(
            change ->
                change.touches(region)
                    && (change.accusationUnits() == null
                        || follows
                        || change.accusationUnits().contains(unit)))
        .onOverflow()
        .buffer(BACKLOG);
  }

  static final int BACKLOG = 1000;

  Change changeOf(CloudEvent event) {
    Set<String> regions = new LinkedHashSet<>();
    Set<String> accusationUnits = null;
    boolean imported = false;
    if (event.getData() != null) {
      try {
        JsonNode data = json.readTree(event.getData().toBytes());
        imported = data.path("imported").asBoolean(false);
        if ("ACCUSATION".equals(data.path("petitionClass").asText(""))) {
          accusationUnits = new LinkedHashSet<>();
          for (String field : UNIT_FIELDS) {
            String value = data.path(field).asText("");
            if (!value.isEmpty()) {
              accusationUnits.add(value);
            }
          }
        }
        for (String field : REGION_FIELDS) {
          String value = data.path(field).asText("");
          if (!value.isEmpty()) {
            regions.add(value);
          }
        }
        for (String field : UNIT_FIELDS) {
          String value = data.path(field).asText("");
          int colon = value.indexOf(':');
          if (colon > 0) {
            regions.add(value.substring(0, colon));
          }
        }
      } catch (IOException e) {
        LOG.warnf("Event %s of type %s is not JSON; not passed on", event.getId(), event.getType());
        return null;
      }
    }
    if (regions.isEmpty()) {
      return null;
    }
    String type = event.getType();
    return new Change(
        type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type,
        event.getSubject(),
        Set.copyOf(regions),
        event.getTime(),
        accusationUnits == null ? null : Set.copyOf(accusationUnits),
        imported);
  }
}
