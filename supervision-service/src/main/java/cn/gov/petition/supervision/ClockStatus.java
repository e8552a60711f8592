package cn.gov.petition.supervision;

/** 时限状态: a step's clock is open until the step is done, then on time (按期) or late (超期). */
public enum ClockStatus {
  /** 办理中. */
  OPEN,
  /** 按期办结. */
  ON_TIME,
  /** 超期办结. */
  LATE
}
