package cn.gov.petition.supervision;

/**
 * 三函: the three kinds of supervision letter, in rising order of weight, and 领导批示 (issue 31, item
 * 2): a leader's instruction on a case to the unit that must report back, tracked as a letter is.
 */
public enum LetterKind {
  /** 风险提醒函: a risk reminder. */
  RISK_REMINDER("风险提醒函", "提醒"),
  /** 督办函: a supervision order. */
  SUPERVISION_ORDER("督办函", "督"),
  /** 问责建议函: an accountability recommendation. */
  ACCOUNTABILITY("问责建议函", "问责"),
  /**
   * 领导批示: a leader's instruction on one case, to the unit that must report back by a date (批示件).
   * Recorded by a leader, not by a supervisor; the report back is the unit's written answer.
   */
  LEADER_INSTRUCTION("领导批示件", "批");

  private final String title;
  private final String numberWord;

  LetterKind(String title, String numberWord) {
    this.title = title;
    this.numberWord = numberWord;
  }

  /** The document's title. */
  public String title() {
    return title;
  }

  /** Whether a leader records it (a 批示), rather than a supervisor issuing it (三函). */
  public boolean byLeader() {
    return this == LEADER_INSTRUCTION;
  }

  /** The word in the letter's number, e.g. 督 in 玉溪市信访督〔2026〕1号. */
  public String numberWord() {
    return numberWord;
  }
}
