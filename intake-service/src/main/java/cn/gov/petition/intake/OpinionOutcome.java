package cn.gov.petition.intake;

/** 处理意见: the three outcomes of Art 32. */
public enum OpinionOutcome {
  /** 支持. */
  SUPPORTED,
  /** 解释说明: reasonable, but without a legal basis. */
  EXPLAINED,
  /** 不予支持. */
  NOT_SUPPORTED
}
