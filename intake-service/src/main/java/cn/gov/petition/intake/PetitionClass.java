package cn.gov.petition.intake;

/** 信访事项类别: the three classes of 《信访工作条例》 Arts 29–31, each handled its own way. */
public enum PetitionClass {
  /** 建议意见类 (Art 29). */
  SUGGESTION("建议意见类"),
  /** 检举控告类 (Art 30): never disclosed or passed to the accused. */
  ACCUSATION("检举控告类"),
  /** 申诉求决类 (Art 31): statutory channels first, the ordinary procedure for the rest. */
  APPEAL("申诉求决类");

  private final String label;

  PetitionClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
