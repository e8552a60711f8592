package cn.gov.petition.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 信访件办理进展: one step of the case lifecycle was taken. Every transition after registration is one of
 * these, with the deadline steps it closed (and whether on time) and those it opened (with their
 * due dates), so that supervision and statistics never recompute a deadline. Broadcast, so it names
 * no petitioner, no accused person and carries no text of the petition.
 *
 * @param caseId the case
 * @param caseNumber its number
 * @param transition what happened, e.g. FORWARDED, ACCEPTED, OPINION_ISSUED (docs/lifecycle.md)
 * @param status the case's status afterwards
 * @param petitionClass 建议意见 / 检举控告 / 申诉求决: SUGGESTION, ACCUSATION, APPEAL
 * @param channel how the petition arrived (信访形式)
 * @param category content category (内容分类)
 * @param matterRegionCode division code of the matter's place (问题属地)
 * @param unitCode the unit responsible after the transition
 * @param unitRegionCode that unit's region (for subtree scoping)
 * @param mode FORWARD (转送) or ASSIGN (交办), once routed
 * @param outcome the decision the transition recorded, if any: the opinion (SUPPORTED, EXPLAINED,
 *     NOT_SUPPORTED), the evaluation (SATISFIED, BASICALLY_SATISFIED, UNSATISFIED), the Art 31
 *     route of a referral, or UPHELD / REJECTED for an objection
 * @param occurredOn the Asia/Shanghai date of the transition, which closes and opens the steps
 * @param occurredAt when it was recorded
 * @param closedSteps steps this transition completed
 * @param openedSteps steps this transition started, with their due dates
 * @param escalated 越级: the case was registered at a visit more than one level above the level with
 *     authority (routing's decision, Art 20); null from a sender before this field
 * @param correctedSteps steps already done whose due date a new calendar version moved so far that
 *     their verdict (on time or late) changed: the step with its new due date and verdict (only in
 *     a {@code DEADLINES_RECOMPUTED} transition; empty otherwise, and absent from older senders)
 * @param imported 历史导入: a step of a case from an office's former system, replayed on the day it was
 *     taken (docs/migration.md); null from senders before this field and for live steps
 */
public record CaseProgressed(
    String caseId,
    String caseNumber,
    String transition,
    String status,
    String petitionClass,
    String channel,
    String category,
    String matterRegionCode,
    String unitCode,
    String unitRegionCode,
    String mode,
    String outcome,
    LocalDate occurredOn,
    Instant occurredAt,
    List<ClosedStep> closedSteps,
    List<OpenedStep> openedSteps,
    Boolean escalated,
    List<ClosedStep> correctedSteps,
    Boolean imported) {

  public CaseProgressed {
    closedSteps = List.copyOf(closedSteps);
    openedSteps = List.copyOf(openedSteps);
    correctedSteps = correctedSteps == null ? List.of() : List.copyOf(correctedSteps);
  }

  /** A live transition (not imported). */
  public CaseProgressed(
      String caseId,
      String caseNumber,
      String transition,
      String status,
      String petitionClass,
      String channel,
      String category,
      String matterRegionCode,
      String unitCode,
      String unitRegionCode,
      String mode,
      String outcome,
      LocalDate occurredOn,
      Instant occurredAt,
      List<ClosedStep> closedSteps,
      List<OpenedStep> openedSteps,
      Boolean escalated,
      List<ClosedStep> correctedSteps) {
    this(
        caseId,
        caseNumber,
        transition,
        status,
        petitionClass,
        channel,
        category,
        matterRegionCode,
        unitCode,
        unitRegionCode,
        mode,
        outcome,
        occurredOn,
        occurredAt,
        closedSteps,
        openedSteps,
        escalated,
        correctedSteps,
        null);
  }

  /** Whether the step was imported from a former system. */
  public boolean wasImported() {
    return Boolean.TRUE.equals(imported);
  }

  /** A transition that corrects no verdict (every transition but a recomputation). */
  public CaseProgressed(
      String caseId,
      String caseNumber,
      String transition,
      String status,
      String petitionClass,
      String channel,
      String category,
      String matterRegionCode,
      String unitCode,
      String unitRegionCode,
      String mode,
      String outcome,
      LocalDate occurredOn,
      Instant occurredAt,
      List<ClosedStep> closedSteps,
      List<OpenedStep> openedSteps,
      Boolean escalated) {
    this(
        caseId,
        caseNumber,
        transition,
        status,
        petitionClass,
        channel,
        category,
        matterRegionCode,
        unitCode,
        unitRegionCode,
        mode,
        outcome,
        occurredOn,
        occurredAt,
        closedSteps,
        openedSteps,
        escalated,
        List.of());
  }

  /** A transition of a case not known to be 越级 (for the senders and tests that do not say). */
  public CaseProgressed(
      String caseId,
      String caseNumber,
      String transition,
      String status,
      String petitionClass,
      String channel,
      String category,
      String matterRegionCode,
      String unitCode,
      String unitRegionCode,
      String mode,
      String outcome,
      LocalDate occurredOn,
      Instant occurredAt,
      List<ClosedStep> closedSteps,
      List<OpenedStep> openedSteps) {
    this(
        caseId,
        caseNumber,
        transition,
        status,
        petitionClass,
        channel,
        category,
        matterRegionCode,
        unitCode,
        unitRegionCode,
        mode,
        outcome,
        occurredOn,
        occurredAt,
        closedSteps,
        openedSteps,
        null,
        List.of());
  }

  /**
   * A step this transition completed: on time if done on or before its due date.
   *
   * @param previousDueOn in a correction ({@link #correctedSteps}), the due date it was judged by
   *     before; null otherwise
   * @param withdrawn the step stopped without being owed any more: an objection upheld took the
   *     matter from the unit (Art 23(3)), so it counts in no rate, neither on time nor late; null
   *     (not withdrawn) from senders before this field
   * @param unitCode the unit that owed the step; it tells apart the open steps of a case that
   *     several units owe at once (协办, {@link Step#isPerUnit()}); null from senders before this
   *     field
   */
  public record ClosedStep(
      Step step,
      LocalDate dueOn,
      LocalDate doneOn,
      boolean onTime,
      LocalDate previousDueOn,
      Boolean withdrawn,
      String unitCode) {

    public ClosedStep(Step step, LocalDate dueOn, LocalDate doneOn, boolean onTime) {
      this(step, dueOn, doneOn, onTime, null, null, null);
    }

    public ClosedStep(
        Step step, LocalDate dueOn, LocalDate doneOn, boolean onTime, LocalDate previousDueOn) {
      this(step, dueOn, doneOn, onTime, previousDueOn, null, null);
    }

    /** A step of a kind one unit owes at a time, so that the unit need not tell it apart. */
    public ClosedStep(
        Step step,
        LocalDate dueOn,
        LocalDate doneOn,
        boolean onTime,
        LocalDate previousDueOn,
        Boolean withdrawn) {
      this(step, dueOn, doneOn, onTime, previousDueOn, withdrawn, null);
    }

    /** Whether the step was withdrawn from the unit rather than done. */
    public boolean isWithdrawn() {
      return Boolean.TRUE.equals(withdrawn);
    }
  }

  /**
   * A step this transition started: owed by {@code unitCode}, or, for a petitioner's window, about
   * that unit's reply. A step already open that appears again was re-dated (an extension, hearing
   * days, a new calendar version): its clock keeps running with the new due date.
   *
   * @param calendarVersion the version of the official calendar the due date was computed with;
   *     null from a sender before this field
   * @param provisional 待定: the due date lies past the last day that calendar version covers (next
   *     year's holiday notice is not loaded yet), so it will be recomputed when it is; null from a
   *     sender before this field
   * @param previousDueOn when the step was re-dated, its due date before; null otherwise
   */
  public record OpenedStep(
      Step step,
      String unitCode,
      String unitRegionCode,
      LocalDate startedOn,
      LocalDate dueOn,
      Integer calendarVersion,
      Boolean provisional,
      LocalDate previousDueOn) {

    /** A step whose calendar is not stated (tests, senders before the calendar version). */
    public OpenedStep(
        Step step, String unitCode, String unitRegionCode, LocalDate startedOn, LocalDate dueOn) {
      this(step, unitCode, unitRegionCode, startedOn, dueOn, null, null, null);
    }

    /** Whether the due date is known to be provisional (待定). */
    public boolean isProvisional() {
      return Boolean.TRUE.equals(provisional);
    }
  }
}
