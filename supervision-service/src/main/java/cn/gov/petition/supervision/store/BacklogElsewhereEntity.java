package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.BacklogStatus;
import cn.gov.petition.supervision.Resolution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 外节点积案: a case of a unit of this node's subtree that another node's level put on its backlog list,
 * as the broadcast tells of it (no leader, team, plan or report: those stay with the entry at
 * {@link #heldAt}).
 */
@Entity
@Table(name = "backlog_elsewhere")
public class BacklogElsewhereEntity {
  @Id public UUID id;

  /** The node holding the entry (its listing level's). */
  @Column(name = "held_at", nullable = false)
  public String heldAt;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "case_number", nullable = false)
  public String caseNumber;

  /** The unit that has the case; null from a sender that did not say. */
  @Column(name = "unit_code")
  public String unitCode;

  @Column(name = "unit_region_code", nullable = false)
  public String unitRegionCode;

  /** The level that listed it, and alone crosses it off. */
  @Column(name = "listing_region", nullable = false)
  public String listingRegion;

  /** Why it is backlog, e.g. "OVERDUE,REPEATED". */
  @Column(nullable = false)
  public String grounds;

  /** About an accusation: seen only by those who may hear of one (Caller.mayHearOf). */
  @Column(nullable = false)
  public boolean accusation;

  @Column(name = "listed_on", nullable = false)
  public LocalDate listedOn;

  @Column(name = "resolve_by", nullable = false)
  public LocalDate resolveBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public BacklogStatus status;

  @Enumerated(EnumType.STRING)
  public Resolution resolution;

  @Column(name = "crossed_off_on")
  public LocalDate crossedOffOn;
}
