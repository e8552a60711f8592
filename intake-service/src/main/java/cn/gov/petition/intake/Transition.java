package cn.gov.petition.intake;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 办理动作: the transitions of the lifecycle, the statuses each may start from and the status it leads
 * to (none: the status stays). docs/lifecycle.md draws the same machine.
 */
public enum Transition {
  /** A new case starts as REGISTERED; this records that start. */
  REGISTERED("登记", EnumSet.of(CaseStatus.REGISTERED), CaseStatus.REGISTERED),
  FORWARDED("转送", EnumSet.of(CaseStatus.REGISTERED), CaseStatus.FORWARDED),
  ASSIGNED("交办", EnumSet.of(CaseStatus.REGISTERED), CaseStatus.ASSIGNED),
  REFERRED(
      "告知其他途径",
      EnumSet.of(CaseStatus.REGISTERED, CaseStatus.FORWARDED, CaseStatus.ASSIGNED),
      CaseStatus.REFERRED),
  ACCEPTED("受理", EnumSet.of(CaseStatus.FORWARDED, CaseStatus.ASSIGNED), CaseStatus.ACCEPTED),
  DECLINED("不予受理", EnumSet.of(CaseStatus.FORWARDED, CaseStatus.ASSIGNED), CaseStatus.DECLINED),
  OBJECTED("提出异议", EnumSet.of(CaseStatus.FORWARDED, CaseStatus.ASSIGNED), CaseStatus.OBJECTED),
  OBJECTION_UPHELD("异议成立，改送", EnumSet.of(CaseStatus.OBJECTED), null),
  /**
   * 人工转送、交办: a 信访 office forwards or assigns the matter by hand, with its reason, when the rules
   * could not place it or placed it wrongly (before the unit accepted it); to FORWARDED or
   * ASSIGNED.
   */
  ROUTED_BY_HAND(
      "人工转送、交办",
      EnumSet.of(CaseStatus.REGISTERED, CaseStatus.FORWARDED, CaseStatus.ASSIGNED),
      null),
  OBJECTION_REJECTED("异议不成立", EnumSet.of(CaseStatus.OBJECTED), null),
  EXTENDED("延长办理期限", EnumSet.of(CaseStatus.ACCEPTED), null),
  HEARING_HELD(
      "听证",
      EnumSet.of(CaseStatus.ACCEPTED, CaseStatus.REVIEW_REQUESTED, CaseStatus.REREVIEW_REQUESTED),
      null),
  MEDIATED("调解和解", EnumSet.of(CaseStatus.ACCEPTED), null),
  /**
   * 商请协办: the lead unit (主办) asks another unit to assist, with its tasks and the day its written
   * contribution is due (inside the lead's handling period); opens that unit's ASSIST step.
   */
  ASSISTANCE_REQUESTED("商请协办", EnumSet.of(CaseStatus.ACCEPTED), null),
  /** 协办反馈: an assisting unit gives its written contribution; closes its ASSIST step. */
  ASSISTANCE_GIVEN("协办反馈", EnumSet.of(CaseStatus.ACCEPTED), null),
  /**
   * 撤回协办: the lead unit withdraws a request not answered yet, with its reason; the step counts
   * neither on time nor late if withdrawn by its day, and as late if withdrawn after it.
   */
  ASSISTANCE_WITHDRAWN("撤回协办", EnumSet.of(CaseStatus.ACCEPTED), null),
  OPINION_ISSUED("出具处理意见", EnumSet.of(CaseStatus.ACCEPTED), CaseStatus.OPINION_ISSUED),
  REPORT_SUBMITTED(
      "报送办结报告",
      EnumSet.of(
          CaseStatus.OPINION_ISSUED, CaseStatus.REVIEWED, CaseStatus.REREVIEWED, CaseStatus.CLOSED),
      null),
  EVALUATED(
      "满意度评价",
      EnumSet.of(
          CaseStatus.OPINION_ISSUED,
          CaseStatus.REVIEW_REQUESTED,
          CaseStatus.REVIEWED,
          CaseStatus.REREVIEW_REQUESTED,
          CaseStatus.REREVIEWED,
          CaseStatus.CLOSED,
          CaseStatus.TERMINATED),
      null),
  REVIEW_REQUESTED(
      "申请复查",
      EnumSet.of(CaseStatus.OPINION_ISSUED, CaseStatus.CLOSED),
      CaseStatus.REVIEW_REQUESTED),
  REVIEW_ISSUED("出具复查意见", EnumSet.of(CaseStatus.REVIEW_REQUESTED), CaseStatus.REVIEWED),
  REREVIEW_REQUESTED(
      "申请复核", EnumSet.of(CaseStatus.REVIEWED, CaseStatus.CLOSED), CaseStatus.REREVIEW_REQUESTED),
  REREVIEW_ISSUED("出具复核意见", EnumSet.of(CaseStatus.REREVIEW_REQUESTED), CaseStatus.REREVIEWED),
  CLOSED(
      "办结",
      EnumSet.of(CaseStatus.OPINION_ISSUED, CaseStatus.REVIEWED, CaseStatus.REREVIEWED),
      CaseStatus.CLOSED),
  TERMINATED(
      "终结",
      EnumSet.of(
          CaseStatus.OPINION_ISSUED, CaseStatus.REVIEWED, CaseStatus.REREVIEWED, CaseStatus.CLOSED),
      CaseStatus.TERMINATED),
  /**
   * 重复信访: the same petitioner about the same matter while the case is in the procedure; recorded on
   * that case, no new case opened (Art 19(3)).
   */
  REPEAT_RECEIVED(
      "重复信访",
      EnumSet.copyOf(Stream.of(CaseStatus.values()).filter(s -> !s.isEnded()).toList()),
      null),
  /**
   * 经办人: the unit responsible names the staff member who handles the case, or hands it to another
   * when staff change. Inside the unit: kept in the history, not announced to other systems.
   */
  STAFF_ASSIGNED(
      "指定经办人",
      EnumSet.copyOf(Stream.of(CaseStatus.values()).filter(s -> !s.isEnded()).toList()),
      null),
  /**
   * 更正问题属地: the matter's place was recorded wrongly (a street on a township boundary, a village
   * moved between townships); a 信访 office corrects it, re-routing the matter by hand when it is not
   * yet accepted and its unit does not cover the new place. Counted in the new place from then on.
   */
  MATTER_PLACE_CORRECTED(
      "更正问题属地",
      EnumSet.copyOf(Stream.of(CaseStatus.values()).filter(s -> !s.isEnded()).toList()),
      null),
  /** 不再受理: a new registration of a terminated matter, answered at once (domain.md 6.2). */
  NOT_ACCEPTED_AGAIN("不再受理", EnumSet.of(CaseStatus.REGISTERED), CaseStatus.NOT_ACCEPTED_AGAIN),
  /**
   * 期限重算: a new calendar version moved due dates of the case's steps (or the verdict of a done
   * one); the status stays. Taken by the platform, never by a clerk.
   */
  DEADLINES_RECOMPUTED("期限重算", EnumSet.allOf(CaseStatus.class), null);

  private final String label;
  private final Set<CaseStatus> from;
  private final CaseStatus to;

  Transition(String label, Set<CaseStatus> from, CaseStatus to) {
    this.label = label;
    this.from = from;
    this.to = to;
  }

  public String label() {
    return label;
  }

  public boolean allowedFrom(CaseStatus status) {
    return from.contains(status);
  }

  public Set<CaseStatus> from() {
    return from;
  }

  /** The status after the transition, given the one before. */
  public CaseStatus target(CaseStatus before) {
    return to == null ? before : to;
  }
}
