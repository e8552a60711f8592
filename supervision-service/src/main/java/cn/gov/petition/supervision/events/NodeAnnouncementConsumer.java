package cn.gov.petition.supervision.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.NodeAnnounced;
import cn.gov.petition.supervision.Nodes;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns the nodes of the platform from their announcements, as routing does. */
@ApplicationScoped
public class NodeAnnouncementConsumer {

  private final Inbox inbox;
  private final Nodes nodes;

  public NodeAnnouncementConsumer(Inbox inbox, Nodes nodes) {
    this.inbox = inbox;
    this.nodes = nodes;
  }

  @Incoming("nodes")
  @Blocking
  public CompletionStage<Void> onAnnouncement(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "supervision-nodes",
        batch,
        Inbox.on(EventType.NODE_ANNOUNCED, NodeAnnounced.class, nodes::record));
  }
}
