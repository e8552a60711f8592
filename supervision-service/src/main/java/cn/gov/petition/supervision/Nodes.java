package cn.gov.petition.supervision;

import cn.gov.petition.common.outbox.CompactedTopics;
import cn.gov.petition.common.reference.NodeHosts;
import cn.gov.petition.contracts.NodeAnnounced;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.supervision.store.NodeEntity;
import cn.gov.petition.supervision.store.NodeRepository;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 节点登记 as supervision needs it (docs/nodes.md): which node hosts a unit, by the one rule of {@link
 * NodeHosts}. Only the host of a step's unit publishes the step's deadline alerts, so an outside
 * subscriber hears each once, not once per level; and an office above learns here which node holds
 * a case file and where that node's gateway is.
 */
@ApplicationScoped
public class Nodes {

  /** A node and where its gateway is reached (null: it serves no reads to other nodes). */
  public record Node(String regionCode, String address) {}

  private final NodeRepository repository;
  private final Map<String, Object> kafkaConfig;
  private final String self;
  private final Map<String, Node> known = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  public Nodes(
      NodeRepository repository,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "petition.node.region") String self) {
    this.repository = repository;
    this.kafkaConfig = kafkaConfig;
    this.self = self;
  }

  void onStart(@Observes StartupEvent event) {
    // the registry is compacted; whoever comes first creates it so (routing does the same)
    CompactedTopics.create(kafkaConfig, Topics.NODES);
  }

  /** Records a node's announcement; an older one than what is kept changes nothing. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(NodeAnnounced announced) {
    NodeEntity entity = repository.findById(announced.regionCode());
    if (entity == null) {
      entity = new NodeEntity();
      entity.regionCode = announced.regionCode();
      entity.address = announced.address();
      entity.announcedAt = announced.announcedAt();
      repository.persist(entity);
    } else if (!announced.announcedAt().isBefore(entity.announcedAt)) {
      entity.address = announced.address();
      entity.announcedAt = announced.announcedAt();
    }
    if (loaded) {
      known.put(entity.regionCode, new Node(entity.regionCode, entity.address));
    }
  }

  /**
   * The node hosting {@code regionCode}: the deepest known node containing it (this one at least).
   */
  @Transactional
  public Node hostOf(String regionCode) {
    loadOnce();
    return NodeHosts.hostOf(known.keySet(), regionCode)
        .map(known::get)
        .orElse(new Node(self, null));
  }

  /** Whether this node hosts {@code regionCode}, and so speaks for the steps of its units. */
  public boolean hostsHere(String regionCode) {
    return hostOf(regionCode).regionCode().equals(self);
  }

  /** This node's region code. */
  public String self() {
    return self;
  }

  private void loadOnce() {
    if (!loaded) {
      synchronized (this) {
        if (!loaded) {
          known.putIfAbsent(self, new Node(self, null));
          for (NodeEntity entity : repository.listAll()) {
            known.put(entity.regionCode, new Node(entity.regionCode, entity.address));
          }
          loaded = true;
        }
      }
    }
  }
}
