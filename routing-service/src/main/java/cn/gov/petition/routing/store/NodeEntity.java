package cn.gov.petition.routing.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 节点: a running copy of the platform and the region it serves, as it announced itself. */
@Entity
@Table(name = "node")
public class NodeEntity {

  @Id
  @Column(name = "region_code")
  public String regionCode;

  @Column(name = "region_name", nullable = false)
  public String regionName;

  @Column(name = "announced_at", nullable = false)
  public Instant announcedAt;

  /** The public key case files handed to the node are sealed with (Tink JSON); null if none. */
  @Column(name = "handoff_key")
  public String handoffKey;
}
