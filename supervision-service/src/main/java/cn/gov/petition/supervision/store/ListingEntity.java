package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.ListingStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 挂牌督办: a unit or a township under listed supervision, and its close-out reviews. */
@Entity
@Table(name = "listing")
public class ListingEntity {
  @Id public UUID id;

  /** A unit code (530302:rsj) or a township's division code (530302001). */
  @Column(nullable = false)
  public String target;

  @Column(name = "target_region", nullable = false)
  public String targetRegion;

  @Column(name = "listed_by", nullable = false)
  public String listedBy;

  /** The root of the lister's subtree: who listed it. */
  @Column(name = "listing_region", nullable = false)
  public String listingRegion;

  @Column(nullable = false)
  public String reason;

  @Column(name = "listed_on", nullable = false)
  public LocalDate listedOn;

  /** 整改期限. */
  @Column(name = "rectify_by", nullable = false)
  public LocalDate rectifyBy;

  /** LISTED, then CLOSED (摘牌) when a close-out review passes. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ListingStatus status;

  @Column(name = "closed_on")
  public LocalDate closedOn;

  /**
   * 整改报告: the listed target's office's report on its rectification, written (again) while listed.
   */
  public String report;

  @Column(name = "reported_on")
  public LocalDate reportedOn;

  @Column(name = "reported_by")
  public String reportedBy;

  /** In no particular order: sorted by id where shown. */
  @OneToMany(mappedBy = "listing", cascade = CascadeType.ALL)
  public List<ListingReviewEntity> reviews = new ArrayList<>();
}
