package cn.gov.petition.intake;

/** 评价渠道: how the petitioner's evaluation reached the platform. */
public enum EvaluationChannel {
  /** 网上评价: by the petitioner on the status page, with a one-time code sent to their phone. */
  ONLINE("网上评价"),
  /** 现场评价: at the counter, recorded by a clerk of the registering or a 信访 office. */
  COUNTER("现场评价"),
  /** 回访: asked by a 信访 office after the answer, by phone or visit, and recorded by it. */
  RETURN_VISIT("回访");

  private final String label;

  EvaluationChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
