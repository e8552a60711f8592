package cn.gov.petition.analytics;

/** 统计维度: what petitions are counted by. */
public enum Dimension {
  /** 信访形式. */
  CHANNEL("channel"),
  /** 内容分类. */
  CATEGORY("category"),
  /** 信访类别 (建议意见 / 检举控告 / 申诉求决). */
  PETITION_CLASS("petition_class"),
  /** 信访目的 (known for registrations only; a repeat receipt counts under none). */
  PURPOSE("purpose"),
  /** 下级地区: the child regions of the region asked about. */
  REGION(null);

  private final String column;

  Dimension(String column) {
    this.column = column;
  }

  /** The column of the key in the petition tallies (a child region is the tally's own region). */
  String key() {
    return column != null ? column : "region_code";
  }
}
