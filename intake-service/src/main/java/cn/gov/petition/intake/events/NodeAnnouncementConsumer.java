package cn.gov.petition.intake.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.NodeAnnounced;
import io.cloudevents.CloudEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns the nodes of the platform from their announcements (NodeRegistry), as routing and
 * supervision do.
 */
@ApplicationScoped
public class NodeAnnouncementConsumer {

  private final Inbox inbox;
  private final NodeRegistry nodes;
  private final Map<String, Object> kafkaConfig;

  public NodeAnnouncementConsumer(
      Inbox inbox,
      NodeRegistry nodes,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.inbox = inbox;
    this.nodes = nodes;
    this.kafkaConfig = kafkaConfig;
  }

  void onStart(@Observes StartupEvent event) {
    // whichever service of a node starts first creates the registry's topic compacted
    NodeRegistry.createTopic(kafkaConfig);
  }

  @Incoming("nodes")
  @Blocking
  public CompletionStage<Void> onAnnouncement(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "intake-nodes",
        batch,
        Inbox.on(EventType.NODE_ANNOUNCED, NodeAnnounced.class, nodes::record));
  }
}
