package cn.gov.petition.intake;

/** Where a case stands (信访件状态); issue 3 completes the lifecycle. */
public enum CaseStatus {
  /** 已登记: registered, waiting for the routing decision. */
  REGISTERED,
  /** 已转送/交办: lies with the handling unit, acceptance decision due. */
  ASSIGNED
}
