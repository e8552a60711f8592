package cn.gov.petition.common.outbox;

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
 * Creates a compacted topic (one record per key, the latest kept) before anything is written to it:
 * a consumer or producer that came first would create it with the default delete policy.
 */
public final class CompactedTopics {

  private static final Logger LOG = Logger.getLogger(CompactedTopics.class);

  /**
   * Creates {@code topic} with one partition and {@code cleanup.policy=compact} unless it exists. A
   * failure is logged, not thrown: what is to be written waits in the outbox, and an operator
   * creates the topic (docs/nodes.md).
   *
   * @param kafkaConfig the node's Kafka settings, security included (deploy/k8s: SASL)
   */
  public static void create(Map<String, Object> kafkaConfig, String topic) {
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
      NewTopic created =
          new NewTopic(topic, Optional.of(1), Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(created)).all().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        LOG.warnf("Could not create the compacted topic %s: %s", topic, e.getCause());
      }
    } catch (TimeoutException | RuntimeException e) {
      LOG.warnf("Could not create the compacted topic %s: %s", topic, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompactedTopics() {}
}
