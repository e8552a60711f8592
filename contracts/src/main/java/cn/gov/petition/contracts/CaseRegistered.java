package cn.gov.petition.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 信访件已登记: a petition was registered. Broadcast, so it names no petitioner: only where the matter
 * lies, what it is about and how it arrived.
 *
 * @param caseId the case's stable id (the Kafka key)
 * @param caseNumber the human-readable case number (信访件编号)
 * @param channel how it arrived (信访形式), e.g. LETTER, VISIT, ONLINE
 * @param petitionClass 建议意见 / 检举控告 / 申诉求决: SUGGESTION, ACCUSATION, APPEAL
 * @param matterRegionCode division code of the matter's location (问题属地), 6 or 9 digits
 * @param category content category code (内容分类)
 * @param registeringUnit the unit that registered it (登记机构)
 * @param receivedOn the date the petition was received, Asia/Shanghai
 * @param registeredAt when it was registered
 * @param personCount how many people petitioned together (信访人数)
 * @param purpose what the petitioner wants (信访目的), e.g. SEEK_SOLUTION
 * @param origin how it was taken in: DIRECT, AGENT (信访代办), LEADER_RECEPTION (领导接访) or
 *     NATIONAL_TRANSFER (国家信访局转送: a visit of this channel is a visit to Beijing, 进京访)
 * @param collective 集体访/联名信: five or more people petitioned together
 * @param repeatOf the earlier case of the same petitioner about the same matter (重复信访), or null for
 *     a first petition
 * @param imported 历史导入: the case came from an office's former system (docs/migration.md),
 *     registered on the day it was received; null from senders before this field
 */
public record CaseRegistered(
    String caseId,
    String caseNumber,
    String channel,
    String petitionClass,
    String matterRegionCode,
    String category,
    String registeringUnit,
    LocalDate receivedOn,
    Instant registeredAt,
    int personCount,
    String purpose,
    String origin,
    boolean collective,
    String repeatOf,
    Boolean imported) {

  /** A case registered on the platform (not imported). */
  public CaseRegistered(
      String caseId,
      String caseNumber,
      String channel,
      String petitionClass,
      String matterRegionCode,
      String category,
      String registeringUnit,
      LocalDate receivedOn,
      Instant registeredAt,
      int personCount,
      String purpose,
      String origin,
      boolean collective,
      String repeatOf) {
    this(
        caseId,
        caseNumber,
        channel,
        petitionClass,
        matterRegionCode,
        category,
        registeringUnit,
        receivedOn,
        registeredAt,
        personCount,
        purpose,
        origin,
        collective,
        repeatOf,
        null);
  }

  /** Whether the case came from a former system. */
  public boolean wasImported() {
    return Boolean.TRUE.equals(imported);
  }
}
