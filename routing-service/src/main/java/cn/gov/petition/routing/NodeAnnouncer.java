package cn.gov.petition.routing;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.contracts.NodeAnnounced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Announces this node on the node registry when it starts. The registry topic is compacted (one
 * record per region, the latest kept), so it is created here with that policy before anything is
 * written to it.
 */
@ApplicationScoped
public class NodeAnnouncer {

  private static final Logger LOG = Logger.getLogger(NodeAnnouncer.class);

  private final Outbox outbox;
  private final NodeRegistry registry;
  private final Map<String, Object> kafkaConfig;
  private final Clock clock;

  /**
   * The public half of intake's handoff key, which other nodes seal case files for this one with.
   */
  private final Optional<String> handoffKey;

  /** Where other nodes reach this node's gateway (docs/nodes.md, reading across nodes). */
  private final Optional<String> address;

  public NodeAnnouncer(
      Outbox outbox,
      NodeRegistry registry,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      Clock clock,
      @ConfigProperty(name = "petition.crypto.handoff-public-key") Optional<String> handoffKey,
      @ConfigProperty(name = "petition.node.address") Optional<String> address) {
    this.handoffKey = handoffKey;
    this.address = address;
    this.outbox = outbox;
    this.registry = registry;
    this.kafkaConfig = kafkaConfig;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    NodeRegistry.createTopic(kafkaConfig);
    NodeRegistry.Node self = registry.selfNode();
    NodeAnnounced announced =
        new NodeAnnounced(
            self.regionCode(),
            self.regionName(),
            clock.instant(),
            handoffKey.orElse(null),
            address.orElse(null));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              registry.record(announced);
              outbox.publish(self.regionCode(), self.regionCode(), announced);
            });
    LOG.infof("Node %s (%s) announced", self.regionCode(), self.regionName());
  }
}
