package cn.gov.petition.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * 督办函件动态: a supervision letter (三函) was issued, answered in writing, or escalated because its reply
 * date passed without an answer (逾期未复). Broadcast for dashboards and the level above the issuer; it
 * carries the letter's number, parties, cases and dates, never its reason or the answer (free text
 * a supervisor or unit may fill with personal data).
 *
 * @param letterId the letter
 * @param number its 文号, e.g. 保山市信访督〔2026〕1号
 * @param kind RISK_REMINDER (风险提醒函), SUPERVISION_ORDER (督办函), ACCOUNTABILITY (问责建议函) or
 *     LEADER_INSTRUCTION (领导批示)
 * @param issuerUnit the issuing unit
 * @param issuerRegion the issuer's region (its subtree)
 * @param recipientUnit the unit that must answer
 * @param recipientRegion that unit's region
 * @param caseIds the cases the letter is about
 * @param caseNumbers their numbers, in the same order
 * @param issuedOn the day it was issued
 * @param replyDueOn the last day to answer
 * @param change ISSUED, ANSWERED or ESCALATED
 * @param answeredLate for ANSWERED: whether the answer came after the reply date
 * @param escalatedTo for ESCALATED: the region one level above the issuer (the issuer's own at the
 *     top), whose supervisors now follow the letter
 * @param on the day of the change (Asia/Shanghai)
 * @param accusation whether a case of the letter is an accusation (检举控告): a node showing the letter
 *     shows it only to those who may hear of one; null from a sender before this field
 * @param node the node holding the letter, its issuer's (docs/nodes.md): where it is read and
 *     answered; null from a sender before this field
 */
public record LetterChanged(
    String letterId,
    String number,
    String kind,
    String issuerUnit,
    String issuerRegion,
    String recipientUnit,
    String recipientRegion,
    List<String> caseIds,
    List<String> caseNumbers,
    LocalDate issuedOn,
    LocalDate replyDueOn,
    Change change,
    Boolean answeredLate,
    String escalatedTo,
    LocalDate on,
    Boolean accusation,
    String node) {

  public LetterChanged {
    caseIds = List.copyOf(caseIds);
    caseNumbers = List.copyOf(caseNumbers);
  }

  /** What happened to the letter. */
  public enum Change {
    /** 发函. */
    ISSUED,
    /** 书面回复. */
    ANSWERED,
    /** 逾期未复，提级督办. */
    ESCALATED
  }
}
