package cn.gov.petition.routing.store;

import cn.gov.petition.routing.Alternative;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 路由决定: the unit chosen for a case, the rule version used, and why; or, when no rule could place
 * the case, no unit and why not (the case waits for a person's hand).
 */
@Entity
@Table(name = "routing_decision")
public class RoutingDecisionEntity {
  @Id
  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "case_number", nullable = false)
  public String caseNumber;

  @Column(name = "unit_code")
  public String unitCode;

  @Column(name = "unit_name")
  public String unitName;

  @Column(name = "region_code")
  public String regionCode;

  /** FORWARD (转送) or ASSIGN (交办); null when the case could not be placed. */
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

  /** The registering office, which may read the decision. */
  @Column(name = "registering_unit")
  public String registeringUnit;

  /** The matter's place (问题属地). */
  @Column(name = "matter_region")
  public String matterRegion;

  /** SUGGESTION, ACCUSATION or APPEAL: an accusation's decision is read as the case is. */
  @Column(name = "petition_class")
  public String petitionClass;

  /** What the decision passed over, and why. */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<Alternative> alternatives;

  /** The units an accusation may never go to: they never read the decision either. */
  @JdbcTypeCode(SqlTypes.JSON)
  public List<String> excluded;

  public boolean placed() {
    return unitCode != null;
  }
}
