package cn.gov.petition.supervision;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.supervision.store.ListingEntity;
import cn.gov.petition.supervision.store.ListingRepository;
import cn.gov.petition.supervision.store.ListingReviewEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 挂牌督办 (Art 39(3)): the joint-meeting office or a supervisor places a unit or a township of its
 * subtree under listed supervision with a reason and a rectification deadline; it stays listed
 * until a close-out review (验收) passes, which takes it off the list (摘牌). Reviews that do not pass
 * are kept with their findings.
 */
@ApplicationScoped
public class Listings {

  private final ListingRepository listings;
  private final Clock clock;
  private final DivisionTable divisions;
  private final Units units;

  public Listings(ListingRepository listings, Clock clock, DivisionTable divisions, Units units) {
    this.listings = listings;
    this.clock = clock;
    this.divisions = divisions;
    this.units = units;
  }

  @Transactional
  public ListingEntity list(Caller caller, String target, String reason, LocalDate rectifyBy) {
    String region = target.contains(":") ? target.substring(0, target.indexOf(':')) : target;
    if (!caller.covers(region) || region.equals(caller.subtree())) {
      throw ProblemException.forbidden(
          target + " 不在您的下辖范围内 / only units and townships below you can be listed");
    }
    boolean known =
        target.contains(":")
            ? units.find(target).isPresent()
            : divisions.find(target).map(d -> d.level() == Division.Level.TOWNSHIP).orElse(false);
    if (!known) {
      throw ProblemException.invalid(
          "target", "KnownUnitOrTownship", "须为单位代码或乡镇（街道）代码 / not a unit or a township");
    }
    if (!rectifyBy.isAfter(LocalDate.now(clock))) {
      throw ProblemException.invalid(
          "rectifyBy", "Future", "整改期限须晚于今天 / the deadline must be after today");
    }
    if (listings.isListed(target)) {
      throw ProblemException.conflict(target + " 已在挂牌督办中 / already listed");
    }
    ListingEntity listing = new ListingEntity();
    listing.id = UUID.randomUUID();
    listing.target = target;
    listing.targetRegion = region;
    listing.listedBy = caller.user();
    listing.listingRegion = caller.subtree();
    listing.reason = reason;
    listing.listedOn = LocalDate.now(clock);
    listing.rectifyBy = rectifyBy;
    listing.status = ListingStatus.LISTED;
    listings.persist(listing);
    return listing;
  }

  @Transactional
  public List<ListingEntity> visibleTo(Caller caller, ListingStatus status) {
    List<ListingEntity> found = listings.inSubtree(caller.subtree(), status);
    found.forEach(l -> l.reviews.size()); // the view shows the reviews
    return found;
  }

  @Transactional
  public ListingEntity find(Caller caller, UUID id) {
    ListingEntity listing =
        listings
            .findByIdOptional(id)
            .filter(l -> caller.covers(l.targetRegion))
            .orElseThrow(() -> ProblemException.notFound("listing", id.toString()));
    listing.reviews.size();
    return listing;
  }

  /** 验收: a review by the level that listed the target (or above); passed takes it off the list. */
  @Transactional
  public ListingEntity review(Caller caller, UUID id, boolean passed, String findings) {
    ListingEntity listing = find(caller, id);
    if (!caller.covers(listing.listingRegion)) {
      throw ProblemException.forbidden("只有挂牌的一级可以验收 / only the listing level reviews");
    }
    if (listing.status != ListingStatus.LISTED) {
      throw ProblemException.conflict("已于 " + listing.closedOn + " 摘牌 / already closed");
    }
    ListingReviewEntity review = new ListingReviewEntity();
    review.listing = listing;
    review.reviewedOn = LocalDate.now(clock);
    review.reviewedBy = caller.user();
    review.passed = passed;
    review.findings = findings;
    listing.reviews.add(review);
    if (passed) {
      listing.status = ListingStatus.CLOSED;
      listing.closedOn = review.reviewedOn;
    }
    return listing;
  }

  public String targetName(String target) {
    return target.contains(":")
        ? units.nameOr(target, target)
        : divisions.find(target).map(Division::name).orElse(target);
  }
}
