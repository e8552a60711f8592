package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.ListingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 外节点挂牌: a unit or township of this node's subtree that another node's level placed under listed
 * supervision, as the broadcast tells of it (no reason, report or findings: those stay with the
 * listing at {@link #heldAt}).
 */
@Entity
@Table(name = "listing_elsewhere")
public class ListingElsewhereEntity {
  @Id public UUID id;

  /** The node holding the listing (its listing level's). */
  @Column(name = "held_at", nullable = false)
  public String heldAt;

  /** A unit code (530302:rsj) or a township's division code (530302001). */
  @Column(nullable = false)
  public String target;

  @Column(name = "target_region", nullable = false)
  public String targetRegion;

  @Column(name = "listing_region", nullable = false)
  public String listingRegion;

  @Column(name = "listed_on", nullable = false)
  public LocalDate listedOn;

  @Column(name = "rectify_by", nullable = false)
  public LocalDate rectifyBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ListingStatus status;

  /** The last 整改报告's day. */
  @Column(name = "reported_on")
  public LocalDate reportedOn;

  /** The last close-out review that did not pass. */
  @Column(name = "last_failed_on")
  public LocalDate lastFailedOn;

  @Column(name = "closed_on")
  public LocalDate closedOn;
}
