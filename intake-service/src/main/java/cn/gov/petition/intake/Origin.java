package cn.gov.petition.intake;

/** 登记方式: who took the petition in, when not the petitioner at the office's own desk. */
public enum Origin {
  /** 直接登记: the petitioner (or their letter, call, online form) reached the office. */
  DIRECT("直接登记"),
  /** 信访代办: a township or village agent registered it on the petitioner's behalf. */
  AGENT("信访代办"),
  /** 领导接访: a leader received the petitioner on a reception day. */
  LEADER_RECEPTION("领导接访"),
  /**
   * 国家信访局转送: the national bureau registered the petition (a letter to it, or a visit to Beijing,
   * 进京访) and sent it down; the intermediary names the bureau and its transfer number.
   */
  NATIONAL_TRANSFER("国家信访局转送");

  private final String label;

  Origin(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
