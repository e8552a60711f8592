package cn.gov.petition.intake;

/** 信访目的: what the petitioner wants, as the national data dictionary records it (信访目的代码). */
public enum Purpose {
  /** 求决: asks for a problem to be solved. */
  SEEK_SOLUTION("求决"),
  /** 申诉: contests a decision already taken. */
  APPEAL_DECISION("申诉"),
  /** 揭发控告: reports misconduct. */
  REPORT_MISCONDUCT("揭发控告"),
  /** 建议意见: proposes or comments. */
  SUGGEST("建议意见"),
  /** 咨询: asks for information. */
  ENQUIRE("咨询"),
  /** 其他. */
  OTHER("其他");

  private final String label;

  Purpose(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
