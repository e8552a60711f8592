package cn.gov.petition.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * 积案动态: a case was put on the backlog list (立为积案, with its owning leader) or crossed off it (销号)
 * after the 一案双督 checks passed. Broadcast for dashboards and statistics (积案化解率); it names the case
 * and regions only, never the petitioner, the leader or the plan.
 *
 * @param backlogId the backlog entry
 * @param caseId the case
 * @param caseNumber its number
 * @param unitRegionCode the region of the unit that has the case
 * @param listingRegion the region of the level that listed it (and alone crosses it off)
 * @param grounds why it is backlog: OVERDUE, REPEATED
 * @param listedOn the day it was listed
 * @param resolveBy the day it is to be resolved by
 * @param change LISTED or CROSSED_OFF
 * @param resolution for CROSSED_OFF: how it was resolved (三到位一处理)
 * @param on the day of the change (Asia/Shanghai)
 * @param unitCode the unit that has the case; null from a sender before this field
 * @param accusation whether the case is an accusation (检举控告): a node showing the entry shows it
 *     only to those who may hear of one; null from a sender before this field
 * @param node the node holding the entry, its listing level's (docs/nodes.md): where it is read,
 *     reported on and crossed off; null from a sender before this field
 */
public record BacklogChanged(
    String backlogId,
    String caseId,
    String caseNumber,
    String unitRegionCode,
    String listingRegion,
    List<String> grounds,
    LocalDate listedOn,
    LocalDate resolveBy,
    Change change,
    String resolution,
    LocalDate on,
    String unitCode,
    Boolean accusation,
    String node) {

  public BacklogChanged {
    grounds = List.copyOf(grounds);
  }

  /** What happened to the entry. */
  public enum Change {
    /** 立为积案. */
    LISTED,
    /** 销号. */
    CROSSED_OFF
  }
}
