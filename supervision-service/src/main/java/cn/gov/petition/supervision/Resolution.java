package cn.gov.petition.supervision;

/** 三到位一处理 (Art 27): which of the four was reached for the case. */
public enum Resolution {
  /** 诉求合理的解决问题到位: a reasonable request, the problem actually solved. */
  PROBLEM_SOLVED("解决问题到位"),
  /** 诉求无理的思想教育到位: an unreasonable request, the petitioner counselled. */
  COUNSELLED("思想教育到位"),
  /** 生活困难的帮扶救助到位: hardship, help and relief given. */
  ASSISTED("帮扶救助到位"),
  /** 行为违法的依法处理: unlawful conduct dealt with according to law. */
  DEALT_WITH_BY_LAW("依法处理");

  private final String label;

  Resolution(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
