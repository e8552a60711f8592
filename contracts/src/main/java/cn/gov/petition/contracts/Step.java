package cn.gov.petition.contracts;

/**
 * 办理环节: a step of the procedure that runs against a deadline. The owner of the case computes each
 * step's due date once (deadline table, official calendar) and the lifecycle events carry it;
 * supervisors and statistics take it as it is.
 */
public enum Step {
  /** 转送/交办: register and forward or assign within 15 days of receipt (Art 22). */
  FORWARD("转送交办"),
  /** 受理告知: accept or decline a forwarded or assigned matter, in writing, in 15 days (Art 23(3)). */
  ACCEPT("受理告知"),
  /** 异议: a unit may object that the matter is outside its remit, 5 working days (Art 23(3)). */
  OBJECT("异议"),
  /** 办理答复: handle and answer within 60 days of acceptance, one extension of ≤30 days (Art 34). */
  HANDLE("办理答复"),
  /** 办结报告: the closing report an assigned (交办) matter owes its assigner (Art 22(1)(3)). */
  REPORT("办结报告"),
  /** 满意度评价: the petitioner's window to evaluate the reply. */
  EVALUATE("满意度评价"),
  /** 申请复查: the petitioner's window to ask for a review, 30 days (Art 35). */
  REQUEST_REVIEW("申请复查"),
  /** 复查: the review body answers within 30 days (Art 35). */
  REVIEW("复查"),
  /** 申请复核: the petitioner's window to ask for a re-review, 30 days (Art 36). */
  REQUEST_REREVIEW("申请复核"),
  /** 复核: the re-review body answers within 30 days, hearings not counted (Art 36). */
  REREVIEW("复核"),
  /**
   * 协办: an assisting unit's written contribution to the lead unit's (主办) handling, by the day the
   * lead set, inside its own handling period. A case may have several at once, one per assisting
   * unit ({@code unitCode} tells them apart); they count in no rate of the lead's.
   */
  ASSIST("协办");

  private final String label;

  Step(String label) {
    this.label = label;
  }

  /** The Chinese name clerks read. */
  public String label() {
    return label;
  }

  /**
   * Windows are the petitioner's; the other steps are duties of a unit, which supervisors chase.
   */
  public boolean isPetitionerWindow() {
    return this == EVALUATE || this == REQUEST_REVIEW || this == REQUEST_REREVIEW;
  }

  /**
   * Whether a case may have this step open for several units at once (协办), so that a step closed is
   * matched to its open one by the unit as well.
   */
  public boolean isPerUnit() {
    return this == ASSIST;
  }

  /**
   * Whether the case is judged by this step: a duty of the unit responsible for it, not a
   * petitioner's window nor an assisting unit's contribution (协办), whose lateness is shown apart.
   */
  public boolean judgesTheCase() {
    return !isPetitionerWindow() && this != ASSIST;
  }
}
