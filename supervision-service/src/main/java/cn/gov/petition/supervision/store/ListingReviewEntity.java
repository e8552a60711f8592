package cn.gov.petition.supervision.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** 验收: one close-out review of a listing; passed closes it (摘牌). */
@Entity
@Table(name = "listing_review")
public class ListingReviewEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "listing_id")
  public ListingEntity listing;

  @Column(name = "reviewed_on", nullable = false)
  public LocalDate reviewedOn;

  @Column(name = "reviewed_by", nullable = false)
  public String reviewedBy;

  @Column(nullable = false)
  public boolean passed;

  @Column(nullable = false)
  public String findings;
}
