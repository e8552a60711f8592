package cn.gov.petition.supervision;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.contracts.ListingChanged;
import cn.gov.petition.contracts.ListingChanged.Change;
import cn.gov.petition.supervision.store.ListingElsewhereEntity;
import cn.gov.petition.supervision.store.ListingElsewhereRepository;
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
 * until a close-out review (验收) passes, which takes it off the list (摘牌). The target's office
 * reports on its rectification (整改报告) meanwhile; reviews that do not pass are kept with their
 * findings.
 *
 * <p>A listing is held by the node of the level that listed it. A node whose subtree holds the
 * target, and which is not that node, keeps what the broadcast tells of it ({@link #heardOf}): its
 * offices see it in their list, and read it and report at the holding node through their own
 * gateway (docs/nodes.md, supervision acts across nodes).
 */
@ApplicationScoped
public class Listings {

  private final ListingRepository listings;
  private final ListingElsewhereRepository elsewhere;
  private final NodeRegistry nodes;
  private final Outbox outbox;
  private final Clock clock;
  private final DivisionTable divisions;
  private final Units units;

  public Listings(
      ListingRepository listings,
      ListingElsewhereRepository elsewhere,
      NodeRegistry nodes,
      Outbox outbox,
      Clock clock,
      DivisionTable divisions,
      Units units) {
    this.listings = listings;
    this.elsewhere = elsewhere;
    this.nodes = nodes;
    this.outbox = outbox;
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
    announce(listing, Change.LISTED, listing.listedOn);
    return listing;
  }

  @Transactional
  public List<ListingEntity> visibleTo(Caller caller, ListingStatus status) {
    List<ListingEntity> found = listings.inSubtree(caller.subtree(), status);
    found.forEach(l -> l.reviews.size()); // the view shows the reviews
    return found;
  }

  /** The listings held at other nodes that the caller may see, by the same rule. */
  @Transactional
  public List<ListingElsewhereEntity> elsewhereVisibleTo(Caller caller, ListingStatus status) {
    return elsewhere.inSubtree(caller.subtree(), status);
  }

  /**
   * The node holding a listing the caller may see: this one, or the listing level's; 404 for a
   * listing the caller may not see or nobody here has heard of.
   */
  @Transactional
  public NodeRegistry.Node holderOf(Caller caller, UUID id) {
    if (listings.findByIdOptional(id).isPresent()) {
      find(caller, id);
      return nodes.selfNode();
    }
    ListingElsewhereEntity heard =
        elsewhere
            .findByIdOptional(id)
            .filter(l -> caller.covers(l.targetRegion))
            .orElseThrow(() -> ProblemException.notFound("listing", id.toString()));
    return nodes.node(heard.heldAt);
  }

  /**
   * 外节点挂牌: keeps what the broadcast tells of a listing another node's level placed on a target of
   * this node's subtree, so that its offices follow it to its end here. A listing this node holds,
   * or one of a target outside its subtree, is not kept.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void heardOf(ListingChanged changed) {
    if (changed.node().equals(nodes.self()) || !changed.targetRegion().startsWith(nodes.self())) {
      return;
    }
    UUID id = UUID.fromString(changed.listingId());
    ListingElsewhereEntity listing = elsewhere.findById(id);
    boolean first = listing == null;
    if (first) {
      listing = new ListingElsewhereEntity();
      listing.id = id;
      listing.status = ListingStatus.LISTED;
    }
    listing.heldAt = changed.node();
    listing.target = changed.target();
    listing.targetRegion = changed.targetRegion();
    listing.listingRegion = changed.listingRegion();
    listing.listedOn = changed.listedOn();
    listing.rectifyBy = changed.rectifyBy();
    switch (changed.change()) {
      case LISTED -> {}
      case REPORTED -> listing.reportedOn = changed.on();
      case REVIEW_FAILED -> listing.lastFailedOn = changed.on();
      case CLOSED -> {
        listing.status = ListingStatus.CLOSED;
        listing.closedOn = changed.on();
      }
    }
    if (first) {
      elsewhere.persist(listing);
    }
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

  /**
   * 整改报告: by an office of the listed target's subtree below the level that listed it (that level
   * reviews, it does not report to itself), written again as the rectification goes on.
   */
  @Transactional
  public ListingEntity report(Caller caller, UUID id, String report) {
    ListingEntity listing = find(caller, id);
    if (caller.covers(listing.listingRegion)) {
      throw ProblemException.forbidden(
          "整改情况由被挂牌单位所在一级报送，挂牌的一级验收 / the listed target's office reports, the listing"
              + " level reviews");
    }
    if (listing.status != ListingStatus.LISTED) {
      throw ProblemException.conflict("已于 " + listing.closedOn + " 摘牌 / already closed");
    }
    listing.report = report;
    listing.reportedOn = LocalDate.now(clock);
    listing.reportedBy = caller.user();
    announce(listing, Change.REPORTED, listing.reportedOn);
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
    announce(listing, passed ? Change.CLOSED : Change.REVIEW_FAILED, review.reviewedOn);
    return listing;
  }

  /** Tells dashboards and the target's nodes; never the reason, the report or the findings. */
  private void announce(ListingEntity listing, Change change, LocalDate on) {
    outbox.publish(
        listing.id.toString(),
        listing.target,
        new ListingChanged(
            listing.id.toString(),
            listing.target,
            listing.targetRegion,
            listing.listingRegion,
            listing.listedOn,
            listing.rectifyBy,
            change,
            on,
            nodes.self()));
  }

  public String targetName(String target) {
    return target.contains(":")
        ? units.nameInWords(target)
        : divisions.find(target).map(Division::name).orElse(target);
  }
}
