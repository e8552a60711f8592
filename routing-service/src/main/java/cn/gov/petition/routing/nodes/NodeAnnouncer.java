package cn.gov.petition.routing.nodes;

import cn.gov.petition.common.events.NodeAnnounced;
import cn.gov.petition.common.events.Topics;
import cn.gov.petition.common.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
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

  public NodeAnnouncer(
      Outbox outbox,
      NodeRegistry registry,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      Clock clock) {
    this.outbox = outbox;
    this.registry = registry;
    this.kafkaConfig = kafkaConfig;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    createCompactedTopic();
    NodeRegistry.Node self = registry.selfNode();
    NodeAnnounced announced =
        new NodeAnnounced(self.regionCode(), self.regionName(), clock.instant());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              registry.record(announced);
              outbox.publish(self.regionCode(), self.regionCode(), announced);
            });
    LOG.infof("Node %s (%s) announced", self.regionCode(), self.regionName());
  }

  private void createCompactedTopic() {
    // the node's own Kafka settings, security included (deploy/k8s: SASL against a real cluster)
    Map<String, Object> config = new HashMap<>();
    kafkaConfig.forEach(
        (key, value) -> {
          if (AdminClientConfig.configNames().contains(key)) {
            config.put(key, value);
          }
        });
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    try (Admin admin = Admin.create(config)) {
      NewTopic topic =
          new NewTopic(Topics.NODES, Optional.of(1), Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        LOG.warnf("Could not create the compacted topic %s: %s", Topics.NODES, e.getCause());
      }
    } catch (TimeoutException | RuntimeException e) {
      // the announcement waits in the outbox; an operator creates the topic (docs/nodes.md)
      LOG.warnf("Could not create the compacted topic %s: %s", Topics.NODES, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
