package cn.gov.petition.supervision;

/**
 * 函件状态: a supervision letter awaits its reply, is escalated when the reply is late, or answered.
 */
public enum LetterStatus {
  /** 待回复. */
  OUTSTANDING,
  /** 逾期未复，已报上级: the reply is overdue and still awaited. */
  ESCALATED,
  /** 已回复. */
  ANSWERED
}
