package cn.gov.petition.common.nodes;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which node hosts a region (docs/nodes.md): the deepest node whose region contains it. One rule
 * for routing (where a case goes), supervision (which node speaks for a step) and the gateway
 * (where a case file is read).
 */
public final class NodeHosts {

  /** The host of {@code regionCode} among the nodes serving {@code nodeRegions}, if any. */
  public static Optional<String> hostOf(Collection<String> nodeRegions, String regionCode) {
    return nodeRegions.stream()
        .filter(regionCode::startsWith)
        .max(Comparator.comparingInt(String::length));
  }

  private NodeHosts() {}
}
