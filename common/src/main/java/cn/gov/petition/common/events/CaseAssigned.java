package cn.gov.petition.common.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 已转送/交办: the case now lies with a handling unit, which must decide on acceptance by {@code
 * acceptDueOn} (15 days, 《信访工作条例》 Art 23(3)). The due date is computed once, by the owner of the
 * case; supervisors take it as it is.
 *
 * @param caseId the case
 * @param caseNumber its number
 * @param unitCode the handling unit
 * @param unitRegionCode the handling unit's region (for subtree scoping)
 * @param mode FORWARD (转送) or ASSIGN (交办)
 * @param assignedOn the date it was forwarded or assigned, Asia/Shanghai
 * @param acceptDueOn the last day for the acceptance decision (受理期限)
 * @param assignedAt when it was recorded
 */
public record CaseAssigned(
    String caseId,
    String caseNumber,
    String unitCode,
    String unitRegionCode,
    String mode,
    LocalDate assignedOn,
    LocalDate acceptDueOn,
    Instant assignedAt) {}
