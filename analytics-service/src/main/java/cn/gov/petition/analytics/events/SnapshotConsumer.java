package cn.gov.petition.analytics.events;

import cn.gov.petition.analytics.ExchangedSnapshots;
import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.StatisticsSnapshot;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the statistics snapshots of the nodes below this one (a node whose region lies inside this
 * node's, not this node itself); the warnings on the same topic are not this consumer's.
 */
@ApplicationScoped
public class SnapshotConsumer {

  private final Inbox inbox;
  private final ExchangedSnapshots snapshots;
  private final String node;

  public SnapshotConsumer(
      Inbox inbox,
      ExchangedSnapshots snapshots,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.inbox = inbox;
    this.snapshots = snapshots;
    this.node = node;
  }

  @Incoming("analytics-events")
  @Blocking
  public CompletionStage<Void> onAnalyticsEvent(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "analytics-snapshots",
        batch,
        Inbox.on(EventType.STATISTICS_SNAPSHOT, StatisticsSnapshot.class, this::received));
  }

  private void received(StatisticsSnapshot snapshot) {
    if (!snapshot.node().equals(node) && snapshot.node().startsWith(node)) {
      snapshots.received(snapshot);
    }
  }
}
