package cn.gov.petition.supervision.api;

import cn.gov.petition.common.nodes.NodeRegistry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 所在节点: which node holds a supervision act (a letter, a backlog entry, a listing), so that the
 * gateway reads it or acts on it there (docs/nodes.md, supervision acts across nodes).
 */
public record HeldAt(
    @Schema(description = "督办事项 / the act") String id,
    @Schema(description = "持有它的节点 / the node holding it", example = "53") String node,
    @Schema(
            description =
                "该节点统一端口地址，本节点为空 / that node's gateway for other nodes; null for this node")
        String address) {

  /**
   * The node holding {@code id}, as the gateway needs it: this node is named without an address
   * (holderOf gives it as {@link NodeRegistry#selfNode}), so the gateway answers it itself.
   */
  static HeldAt of(String id, NodeRegistry.Node node) {
    return new HeldAt(id, node.regionCode(), node.address());
  }
}
