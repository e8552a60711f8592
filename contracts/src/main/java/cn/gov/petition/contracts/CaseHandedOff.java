package cn.gov.petition.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 案件移交: the case file, with its personal data, handed to the node that hosts the unit with
 * authority. Travels only on that node's handoff topic ({@link Topics#HANDOFFS}); never broadcast.
 *
 * @param handoffId this handoff; a redelivery carries the same id
 * @param caseId the case (its id stays the same on every node)
 * @param caseNumber its number
 * @param fromNode the node handing it off, which keeps a read-only copy
 * @param toNode the node taking it over
 * @param handedOffAt when it was handed off
 * @param file the case file in clear: only from senders before handoffs were sealed; null now
 * @param sealedFile the case file ({@link CaseFile} as JSON) sealed for the receiving node alone:
 *     HPKE to its announced handoff key, with {@code handoffId|toNode} as context info, Base64. No
 *     other node, nor the Kafka cluster's operators, can read it
 */
public record CaseHandedOff(
    String handoffId,
    String caseId,
    String caseNumber,
    String fromNode,
    String toNode,
    Instant handedOffAt,
    CaseFile file,
    String sealedFile) {

  /**
   * 案卷: everything the registering node recorded, to continue the case where it stands.
   *
   * @param queryCode the petitioner's query code (查询码)
   * @param status the case status when handed off
   * @param steps every deadline step, open or done, with its due date as computed by the handing
   *     node (deadlines are computed once, by the owner at the time)
   * @param history every transition so far (办理记录), with what each decided
   */
  public record CaseFile(
      String queryCode,
      String channel,
      String origin,
      String intermediaryName,
      String intermediaryPost,
      LocalDate receivedOn,
      Instant registeredAt,
      String registeringUnit,
      String registeredBy,
      String matterRegionCode,
      String petitionClass,
      String purpose,
      String category,
      String content,
      int personCount,
      Integer involvedCount,
      boolean anonymous,
      boolean confidential,
      boolean collective,
      boolean escalated,
      String newFacts,
      String repeatOf,
      String status,
      String handlingUnit,
      String handlingUnitName,
      String handlingRegion,
      String routingMode,
      String routingExplanation,
      LocalDate assignedOn,
      List<String> informedUnits,
      List<String> excludedUnits,
      List<Petitioner> petitioners,
      List<Accused> accused,
      List<StepRecord> steps,
      List<HistoryEntry> history) {}

  /**
   * 信访人.
   *
   * @param smsConsent agreed to be told of the case by SMS (absent from a file of an older node:
   *     false)
   */
  public record Petitioner(
      String kind,
      String name,
      String idType,
      String idNumber,
      String phone,
      String address,
      String addressRegionCode,
      boolean smsConsent) {}

  /** 被反映人（单位）. */
  public record Accused(
      String kind,
      String name,
      String unitCode,
      String unitName,
      String post,
      String rank,
      boolean leader) {}

  /** One deadline step; {@code doneOn} is null while it is open. */
  public record StepRecord(
      Step step,
      String unitCode,
      String unitRegionCode,
      LocalDate startedOn,
      LocalDate dueOn,
      LocalDate doneOn,
      Integer days,
      Integer extensionDays,
      Integer excludedDays,
      Integer calendarVersion,
      Boolean provisional,
      Boolean withdrawn) {}

  /** One transition of the case history. */
  public record HistoryEntry(
      String transition,
      String fromStatus,
      String toStatus,
      LocalDate occurredOn,
      Instant occurredAt,
      String unitCode,
      String userName,
      Map<String, Object> details) {}
}
