package cn.gov.petition.routing;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.contracts.RoutingDecided;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which node a routing decision goes to (architecture: "routing picks the unit; the node registry
 * picks the node"): the node hosting the chosen unit, when the case file can be sealed for it; the
 * decision's explanation says so in a sentence.
 */
@ApplicationScoped
public class Destinations {

  private final NodeRegistry nodes;

  public Destinations(NodeRegistry nodes) {
    this.nodes = nodes;
  }

  /**
   * The decision addressed to the node that hosts its unit, with a sentence on the handoff when
   * that is another node.
   */
  public RoutingDecided address(RoutingDecided decision) {
    String self = nodes.self();
    Optional<NodeRegistry.Node> host = nodes.hostOf(decision.regionCode());
    Optional<NodeRegistry.Node> target = nodes.handoffTarget(decision.regionCode());
    String node = target.map(NodeRegistry.Node::regionCode).orElse(self);
    String explanation = decision.explanation();
    if (host.isEmpty()) {
      explanation += "；尚无节点承载" + decision.regionCode() + "，案件留在本节点（" + self + "）";
    } else if (target.isPresent()) {
      explanation +=
          "；" + decision.unitName() + "由" + host.get().regionName() + "节点（" + node + "）承载，案卷移交该节点";
    } else if (!host.get().regionCode().equals(self)) {
      // a case file is handed only sealed for its node: a host without a key keeps it here
      explanation +=
          "；"
              + decision.unitName()
              + "由"
              + host.get().regionName()
              + "节点（"
              + host.get().regionCode()
              + "）承载，但该节点未公布移交密钥，案卷不以明文移交，案件留在本节点（"
              + self
              + "）";
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
        target.map(NodeRegistry.Node::handoffKey).orElse(null));
  }
}
