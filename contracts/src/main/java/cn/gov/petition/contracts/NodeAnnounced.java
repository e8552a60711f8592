package cn.gov.petition.contracts;

import java.time.Instant;

/**
 * 节点登记: a node of the platform says which region it serves. Kept on the compacted topic {@link
 * Topics#NODES} under the region code, so a node starting later learns every node there is.
 *
 * @param regionCode the region the node serves (2, 4, 6 or 9 digits)
 * @param regionName its Chinese name, e.g. 麒麟区
 * @param announcedAt when the node last started
 * @param handoffKey the node's public key for case files handed to it: a Tink public keyset (JSON,
 *     HPKE with X25519, HKDF-SHA256 and AES-256-GCM); a node hands a case file only sealed with the
 *     receiving node's key. Null from a node that takes no handoffs (older versions)
 * @param address where other nodes reach this node's gateway (e.g. {@code
 *     https://xfj.qilin.example.gov.cn}): an office above reads a case file held here through it,
 *     with the caller's own token. Null from a node that serves no reads to other nodes (older
 *     versions)
 */
public record NodeAnnounced(
    String regionCode, String regionName, Instant announcedAt, String handoffKey, String address) {

  /** An announcement without an address (a node that serves no reads to other nodes). */
  public NodeAnnounced(
      String regionCode, String regionName, Instant announcedAt, String handoffKey) {
    this(regionCode, regionName, announcedAt, handoffKey, null);
  }
}
