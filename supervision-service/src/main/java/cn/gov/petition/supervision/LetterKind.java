package cn.gov.petition.supervision;

/** 三函: the three kinds of supervision letter, in rising order of weight. */
public enum LetterKind {
  /** 风险提醒函: a risk reminder. */
  RISK_REMINDER("风险提醒函", "提醒"),
  /** 督办函: a supervision order. */
  SUPERVISION_ORDER("督办函", "督"),
  /** 问责建议函: an accountability recommendation. */
  ACCOUNTABILITY("问责建议函", "问责");

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

  /** The word in the letter's number, e.g. 督 in 玉溪市信访督〔2026〕1号. */
  public String numberWord() {
    return numberWord;
  }
}
