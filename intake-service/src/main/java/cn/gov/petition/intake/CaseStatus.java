package cn.gov.petition.intake;

/** 信访件状态: where a case stands in the lifecycle of docs/lifecycle.md. */
public enum CaseStatus {
  /** 已登记: registered, waiting to be forwarded or assigned. */
  REGISTERED("已登记"),
  /** 已转送: lies with the unit with authority, acceptance decision due. */
  FORWARDED("已转送"),
  /** 已交办: assigned with a deadline and a closing report, acceptance decision due. */
  ASSIGNED("已交办"),
  /** 已告知其他途径: an Art 31 matter for a statutory channel; the petitioner was told which. */
  REFERRED("已告知其他途径"),
  /** 异议中: the unit objected that the matter is outside its remit; the forwarder decides. */
  OBJECTED("异议待定"),
  /** 已受理: accepted, the 60-day handling period runs. */
  ACCEPTED("已受理"),
  /** 不予受理: declined with a written notice. */
  DECLINED("不予受理"),
  /** 已出具处理意见: the written opinion (处理意见书) was served. */
  OPINION_ISSUED("已出具处理意见"),
  /** 复查中. */
  REVIEW_REQUESTED("复查中"),
  /** 已复查. */
  REVIEWED("已出具复查意见"),
  /** 复核中. */
  REREVIEW_REQUESTED("复核中"),
  /** 已复核. */
  REREVIEWED("已出具复核意见"),
  /** 办结. */
  CLOSED("已办结"),
  /** 终结: no further review; the same matter is not accepted again. */
  TERMINATED("已终结"),
  /**
   * 不再受理: the same matter again after it was terminated; registered, linked to the terminated case
   * and answered with a notice (domain.md 6.2).
   */
  NOT_ACCEPTED_AGAIN("不再受理");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether the case has left the procedure: sent to another channel, declined, closed, terminated.
   * A repeat of an ended case is registered again; of a case still in the procedure it is not (Art
   * 19(3)).
   */
  public boolean isEnded() {
    return switch (this) {
      case REFERRED, DECLINED, CLOSED, TERMINATED, NOT_ACCEPTED_AGAIN -> true;
      default -> false;
    };
  }
}
