package cn.gov.petition.supervision.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 节点: a running copy of the platform, the region it serves and where its gateway is reached. */
@Entity
@Table(name = "node")
public class NodeEntity {

  @Id
  @Column(name = "region_code")
  public String regionCode;

  /** The node's gateway for other nodes; null if it serves no reads to them. */
  public String address;

  @Column(name = "announced_at", nullable = false)
  public Instant announcedAt;
}
