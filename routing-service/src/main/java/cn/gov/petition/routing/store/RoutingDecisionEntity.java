package cn.gov.petition.routing.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** 路由决定: the unit chosen for a case, the rule version used, and why. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecisionEntity {
  @Id
  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "case_number", nullable = false)
  public String caseNumber;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(name = "unit_name", nullable = false)
  public String unitName;

  @Column(name = "region_code", nullable = false)
  public String regionCode;

  @Column(nullable = false)
  public String mode;

  @Column(name = "rule_version", nullable = false)
  public String ruleVersion;

  /** The authority rule applied (null for the accusation rule, which is not a row). */
  @Column(name = "rule_id")
  public Long ruleId;

  @Column(nullable = false)
  public String explanation;

  @Column(name = "decided_at", nullable = false)
  public Instant decidedAt;

  /** The node hosting the unit (节点); the case is handed off to it when it is not this node. */
  @Column(name = "node_region")
  public String nodeRegion;
}
