package cn.gov.petition.routing.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.NodeAnnounced;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns the nodes of the platform from their announcements (this node's own included). */
@ApplicationScoped
public class NodeAnnouncementConsumer {

  private final Inbox inbox;
  private final NodeRegistry registry;

  public NodeAnnouncementConsumer(Inbox inbox, NodeRegistry registry) {
    this.inbox = inbox;
    this.registry = registry;
  }

  @Incoming("nodes")
  @Blocking
  public CompletionStage<Void> onAnnouncement(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "routing",
        batch,
        Inbox.on(EventType.NODE_ANNOUNCED, NodeAnnounced.class, registry::record));
  }
}
