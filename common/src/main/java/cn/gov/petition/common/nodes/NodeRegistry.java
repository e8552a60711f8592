package cn.gov.petition.common.nodes;

import cn.gov.petition.common.outbox.CompactedTopics;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.tx.AfterCommit;
import cn.gov.petition.contracts.NodeAnnounced;
import cn.gov.petition.contracts.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * 节点登记: the nodes of the platform, learned from their announcements on the compacted topic {@link
 * Topics#NODES} and kept in the service's own {@code node} table (db/common R__node_registry.sql).
 * One registry for every service that asks which node hosts a unit: routing (where a decision sends
 * the case), intake (where an act hands it on), supervision (which node speaks for a step, where a
 * case file is read). A unit is hosted by the deepest node whose region contains the unit's region
 * ({@link NodeHosts}); this node is always known.
 *
 * <p>Each service feeds it from its own consumer of the topic ({@link #record}, under the
 * consumer's inbox), so that a node that was down catches up from the topic like any other
 * consumer.
 */
@ApplicationScoped
public class NodeRegistry {

  /**
   * A node: the region it serves and that region's name, the public key a case file handed to it is
   * sealed with, and where its gateway is reached (each null if it announced none).
   */
  public record Node(String regionCode, String regionName, String handoffKey, String address) {}

  private final EntityManager entityManager;
  private final TransactionSynchronizationRegistry transactions;
  private final String self;
  private final Map<String, Node> known = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  public NodeRegistry(
      EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
    this.entityManager = entityManager;
    this.transactions = transactions;
    // read here, not injected: a service that never asks (the gateway) builds no registry
    this.self = ConfigProvider.getConfig().getValue("petition.node.region", String.class);
  }

  /**
   * Creates the registry's topic compacted (one record per region, the latest kept), if it is not
   * there yet: whichever service of a node starts first, so that no consumer waits for it.
   */
  public static void createTopic(Map<String, Object> kafkaConfig) {
    CompactedTopics.create(kafkaConfig, Topics.NODES);
  }

  /** This node's region code. */
  public String self() {
    return self;
  }

  /** This node as the division table names it (its announcement adds the key and address). */
  public Node selfNode() {
    return new Node(self, nameOf(self), null, null);
  }

  /** Every node known, shallowest region first. */
  public List<Node> all() {
    loadOnce();
    return known.values().stream()
        .sorted(
            Comparator.comparingInt((Node n) -> n.regionCode().length())
                .thenComparing(Node::regionCode))
        .toList();
  }

  /**
   * The node serving exactly {@code regionCode}, as it announced itself; without key or address
   * while it has not (yet) announced itself here.
   */
  public Node node(String regionCode) {
    loadOnce();
    Node announced = known.get(regionCode);
    return announced != null ? announced : new Node(regionCode, nameOf(regionCode), null, null);
  }

  /**
   * Records a node's announcement; one older than what is kept changes nothing. An announcement for
   * a region the division table does not have is refused (the inbox parks it).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(NodeAnnounced announced) {
    if (!DivisionTable.national().exists(announced.regionCode())) {
      throw new IllegalArgumentException(
          "node announcement for unknown region " + announced.regionCode());
    }
    Node node =
        new Node(
            announced.regionCode(),
            announced.regionName() == null
                ? nameOf(announced.regionCode())
                : announced.regionName(),
            announced.handoffKey(),
            announced.address());
    int newer =
        entityManager
            .createNativeQuery(
                "INSERT INTO node (region_code, region_name, handoff_key, address, announced_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (region_code) DO UPDATE SET"
                    + " region_name = EXCLUDED.region_name, handoff_key = EXCLUDED.handoff_key,"
                    + " address = EXCLUDED.address, announced_at = EXCLUDED.announced_at"
                    + " WHERE node.announced_at <= EXCLUDED.announced_at")
            .setParameter(1, node.regionCode())
            .setParameter(2, node.regionName())
            .setParameter(3, node.handoffKey())
            .setParameter(4, node.address())
            .setParameter(5, announced.announcedAt())
            .executeUpdate();
    if (newer > 0) {
      // once committed (a poll rolled back leaves the map as the table is), whether or not the
      // table was loaded yet: a load never replaces a newer entry
      AfterCommit.run(transactions, () -> known.put(node.regionCode(), node));
    }
  }

  /**
   * The node hosting {@code regionCode}: the deepest known node whose region contains it; empty
   * when none does (a region outside this node's and every known node's).
   */
  public Optional<Node> hostOf(String regionCode) {
    loadOnce();
    return NodeHosts.hostOf(known.keySet(), regionCode).map(known::get);
  }

  /** Whether this node hosts {@code regionCode}, and so acts and speaks for its units. */
  public boolean hostsHere(String regionCode) {
    return hostOf(regionCode).map(Node::regionCode).orElse(self).equals(self);
  }

  /**
   * The node a case of a unit in {@code regionCode} is to be handed to: its host, when that is
   * another node with a key to seal the file for; empty when the case stays here (hosted here, by
   * no node, or by a node that announced no key: a case file is never handed unsealed).
   */
  public Optional<Node> handoffTarget(String regionCode) {
    return hostOf(regionCode)
        .filter(host -> !host.regionCode().equals(self) && host.handoffKey() != null);
  }

  private static String nameOf(String regionCode) {
    return DivisionTable.national().find(regionCode).map(Division::name).orElse(regionCode);
  }

  private void loadOnce() {
    if (!loaded) {
      synchronized (this) {
        if (!loaded) {
          List<?> rows =
              QuarkusTransaction.joiningExisting()
                  .call(
                      () ->
                          entityManager
                              .createNativeQuery(
                                  "SELECT region_code, region_name, handoff_key, address FROM node")
                              .getResultList());
          for (Object row : rows) {
            Object[] columns = (Object[]) row;
            String region = (String) columns[0];
            known.putIfAbsent(
                region,
                new Node(
                    region,
                    columns[1] == null ? nameOf(region) : (String) columns[1],
                    (String) columns[2],
                    (String) columns[3]));
          }
          known.putIfAbsent(self, selfNode());
          loaded = true;
        }
      }
    }
  }
}
