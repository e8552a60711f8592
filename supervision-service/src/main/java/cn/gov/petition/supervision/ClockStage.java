package cn.gov.petition.supervision;

/** 预警阶段: how near an open step is to its due date, as the deadline watch last found it. */
public enum ClockStage {
  /** 正常. */
  RUNNING,
  /** 临期预警: a warning was given. */
  WARNED,
  /** 超期: the due date has passed and the step is not done. */
  OVERDUE
}
