package cn.gov.petition.routing;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.NodeHosts;
import cn.gov.petition.contracts.NodeAnnounced;
import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.routing.store.NodeEntity;
import cn.gov.petition.routing.store.NodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 节点登记: which nodes exist and which region each serves, learned from their announcements and kept
 * in this node's database. A unit is hosted by the deepest node whose region contains the unit's
 * region (architecture: "routing picks the unit; the node registry picks the node").
 */
@ApplicationScoped
public class NodeRegistry {

  private final NodeRepository nodes;
  private final DivisionTable divisions;
  private final String self;
  private final Map<String, Node> known = new ConcurrentHashMap<>();
  private final Map<String, String> handoffKeys = new ConcurrentHashMap<>();

  public NodeRegistry(
      NodeRepository nodes,
      DivisionTable divisions,
      @ConfigProperty(name = "petition.node.region") String self) {
    this.nodes = nodes;
    this.divisions = divisions;
    this.self = self;
  }

  /** A node: the region it serves and that region's name. */
  public record Node(String regionCode, String regionName) {}

  /** This node's region code. */
  public String self() {
    return self;
  }

  /** This node, as it announces itself. */
  public Node selfNode() {
    return new Node(self, divisions.find(self).map(Division::name).orElse(self));
  }

  /** Every node known, shallowest region first. */
  @Transactional
  public List<Node> all() {
    loadOnce();
    return known.values().stream()
        .sorted(
            Comparator.comparingInt((Node n) -> n.regionCode().length())
                .thenComparing(Node::regionCode))
        .toList();
  }

  /** Records a node's announcement (a later one replaces an earlier one). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(NodeAnnounced announced) {
    if (!divisions.exists(announced.regionCode())) {
      throw new IllegalArgumentException(
          "node announcement for unknown region " + announced.regionCode());
    }
    NodeEntity entity = nodes.findById(announced.regionCode());
    if (entity == null) {
      entity = new NodeEntity();
      entity.regionCode = announced.regionCode();
      entity.regionName = announced.regionName();
      entity.announcedAt = announced.announcedAt();
      entity.handoffKey = announced.handoffKey();
      nodes.persist(entity);
    } else if (!announced.announcedAt().isBefore(entity.announcedAt)) {
      entity.regionName = announced.regionName();
      entity.announcedAt = announced.announcedAt();
      entity.handoffKey = announced.handoffKey();
    }
    known.put(announced.regionCode(), new Node(announced.regionCode(), announced.regionName()));
    remember(entity);
  }

  /**
   * The node hosting a region: the deepest known node whose region contains it; empty when no known
   * node does.
   */
  @Transactional
  public Optional<Node> hostOf(String regionCode) {
    loadOnce();
    return NodeHosts.hostOf(known.keySet(), regionCode).map(known::get);
  }

  /**
   * The decision addressed to the node that hosts its unit, with a sentence on the handoff when
   * that is another node.
   */
  public RoutingDecided address(RoutingDecided decision) {
    Optional<Node> host = hostOf(decision.regionCode());
    String hostCode = host.map(Node::regionCode).orElse(self);
    // a case file is handed only sealed for its node: a host without a key keeps it here
    boolean sealable = hostCode.equals(self) || handoffKeys.containsKey(hostCode);
    String node = sealable ? hostCode : self;
    String explanation = decision.explanation();
    if (host.isEmpty()) {
      explanation += "；尚无节点承载" + decision.regionCode() + "，案件留在本节点（" + self + "）";
    } else if (!sealable) {
      explanation +=
          "；"
              + decision.unitName()
              + "由"
              + host.get().regionName()
              + "节点（"
              + hostCode
              + "）承载，但该节点未公布移交密钥，案卷不以明文移交，案件留在本节点（"
              + self
              + "）";
    } else if (!node.equals(self)) {
      explanation +=
          "；" + decision.unitName() + "由" + host.get().regionName() + "节点（" + node + "）承载，案卷移交该节点";
    }
    return new RoutingDecided(
        decision.caseId(),
        decision.caseNumber(),
        decision.unitCode(),
        decision.unitName(),
        decision.regionCode(),
        decision.mode(),
        decision.ruleVersion(),
        explanation,
        decision.decidedAt(),
        decision.escalated(),
        node,
        decision.informed(),
        decision.excluded(),
        node.equals(self) ? null : handoffKeys.get(node));
  }

  private void remember(NodeEntity entity) {
    if (entity.handoffKey == null) {
      handoffKeys.remove(entity.regionCode);
    } else {
      handoffKeys.put(entity.regionCode, entity.handoffKey);
    }
  }

  private volatile boolean loaded;

  private void loadOnce() {
    if (!loaded) {
      synchronized (this) {
        if (!loaded) {
          known.putIfAbsent(self, selfNode());
          for (NodeEntity entity : nodes.listAll()) {
            known.put(entity.regionCode, new Node(entity.regionCode, entity.regionName));
            remember(entity);
          }
          loaded = true;
        }
      }
    }
  }
}
