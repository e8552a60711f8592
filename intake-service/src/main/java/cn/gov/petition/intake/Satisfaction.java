package cn.gov.petition.intake;

/** 满意度评价: the petitioner's evaluation of the answer. */
public enum Satisfaction {
  /** 满意. */
  SATISFIED,
  /** 基本满意. */
  BASICALLY_SATISFIED,
  /** 不满意. */
  UNSATISFIED
}
