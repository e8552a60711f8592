package cn.gov.petition.contracts;

import java.time.Instant;

/**
 * 移交回执: the node a case was handed to owns it now. Sent to the node that handed it off.
 *
 * @param handoffId the handoff this answers
 * @param caseId the case
 * @param caseNumber its number
 * @param fromNode the node that handed the case off (the addressee of this receipt)
 * @param toNode the node that owns the case now
 * @param acceptedAt when the receiving node recorded the case
 */
public record HandoffAccepted(
    String handoffId,
    String caseId,
    String caseNumber,
    String fromNode,
    String toNode,
    Instant acceptedAt) {}
