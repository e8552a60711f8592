package cn.gov.petition.contracts;

import java.time.LocalDate;

/**
 * 挂牌督办动态: a unit or a township was placed under listed supervision (挂牌), its office reported on its
 * rectification (整改报告), a close-out review did not pass (验收未通过), or one passed and took it off the
 * list (摘牌). Broadcast for dashboards and the nodes of the listed target; it carries the target,
 * regions and dates, never the reason, the report or the findings (free text).
 *
 * @param listingId the listing
 * @param target the listed unit code (530302:rsj) or township division code (530302001)
 * @param targetRegion the target's region
 * @param listingRegion the region of the level that listed it (and alone reviews it)
 * @param listedOn the day it was listed
 * @param rectifyBy the day it is to be rectified by
 * @param change LISTED, REPORTED, REVIEW_FAILED or CLOSED
 * @param on the day of the change (Asia/Shanghai)
 * @param node the node holding the listing, its listing level's (docs/nodes.md): where it is read,
 *     reported on and reviewed
 */
public record ListingChanged(
    String listingId,
    String target,
    String targetRegion,
    String listingRegion,
    LocalDate listedOn,
    LocalDate rectifyBy,
    Change change,
    LocalDate on,
    String node) {

  /** What happened to the listing. */
  public enum Change {
    /** 挂牌. */
    LISTED,
    /** 整改报告: the listed target's office reported on its rectification. */
    REPORTED,
    /** 验收未通过: it stays listed. */
    REVIEW_FAILED,
    /** 摘牌: a close-out review passed. */
    CLOSED
  }
}
