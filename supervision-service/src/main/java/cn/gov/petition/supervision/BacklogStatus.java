package cn.gov.petition.supervision;

/** 积案状态: on the list until crossed off (销号). */
public enum BacklogStatus {
  /** 在册. */
  OPEN,
  /** 已销号. */
  CROSSED_OFF
}
