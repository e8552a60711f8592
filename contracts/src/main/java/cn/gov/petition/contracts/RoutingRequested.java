package cn.gov.petition.contracts;

import java.util.List;

/**
 * 待转送交办: a newly registered case that needs a unit with authority. Node-internal: it travels on
 * {@link Topics#ROUTING_REQUESTS}, read only by the node's routing-service, because it names the
 * units an accusation accuses (Art 30(3): routing must avoid them, and nobody else may learn of the
 * accusation from a broadcast). It names no person.
 *
 * @param caseId the case's stable id (the Kafka key)
 * @param caseNumber 信访件编号
 * @param channel 信访形式
 * @param petitionClass SUGGESTION, ACCUSATION or APPEAL
 * @param purpose 信访目的
 * @param matterRegionCode 问题属地, 6 or 9 digits
 * @param category 内容分类 code
 * @param registeringUnit 登记机构
 * @param personCount 信访人数
 * @param collective 集体访/联名信
 * @param repeatOf the earlier case this repeats (重复信访), or null
 * @param accused the units an accusation accuses, with whether the accused leads that level
 * @param petitionerRegions where the petitioners live or are registered (居住地 from the address, 户籍地
 *     from the first six digits of a resident ID), division codes only: routing informs those
 *     places of a 三跨 case; null from a sender that predates it
 */
public record RoutingRequested(
    String caseId,
    String caseNumber,
    String channel,
    String petitionClass,
    String purpose,
    String matterRegionCode,
    String category,
    String registeringUnit,
    int personCount,
    boolean collective,
    String repeatOf,
    List<AccusedUnit> accused,
    List<String> petitionerRegions) {

  /**
   * 被反映单位.
   *
   * @param unitCode {@code <region>:<department>} of the accused (or the accused's own unit), as
   *     the clerk chose it or as intake read it from the unit's name in words; null when the words
   *     name no unit (routing then cannot rule any unit out, issue 31 item 4)
   * @param leader whether the accused is a principal leader of that level (党政主要领导)
   */
  public record AccusedUnit(String unitCode, boolean leader) {}
}
