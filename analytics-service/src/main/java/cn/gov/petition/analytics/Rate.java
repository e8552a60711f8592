package cn.gov.petition.analytics;

import java.util.List;

/**
 * 考核指标: the rates an office is judged by, each with its formula (docs/statistics.md). Every figure
 * carries the formula's version; a change of formula is a new version, never a silent change.
 */
public enum Rate {
  /**
   * 及时受理率: acceptance steps due in the period, done on time. v2: an acceptance period an upheld
   * objection took from its unit counts for nobody; the unit that takes the matter is judged on its
   * own.
   */
  TIMELY_ACCEPTANCE(
      "及时受理率",
      "timely-acceptance/v2",
      "及时受理 / (及时受理 + 超期受理 + 超期未受理)",
      List.of("ON_TIME"),
      List.of("ON_TIME", "LATE", "OVERDUE_OPEN")),
  /**
   * 按期办结率 (按期答复率): handling periods due in the period, answered on time. v2: the answer's day is
   * the day the opinion was served (送达), not the day it was entered.
   */
  ON_TIME_REPLY(
      "按期办结率",
      "on-time-reply/v2",
      "按期答复 / (按期答复 + 超期答复 + 超期未答复)",
      List.of("ON_TIME"),
      List.of("ON_TIME", "LATE", "OVERDUE_OPEN")),
  /**
   * 参评率: evaluation windows ended in the period, evaluated. v2: matters outside the evaluation
   * (courts, procuratorates, people's congresses, not for disclosure; statutory-channel matters
   * never reach an answer) open no window and count nowhere.
   */
  EVALUATION_PARTICIPATION(
      "参评率",
      "evaluation-participation/v2",
      "已评价 / (已评价 + 超期未评价)",
      List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"),
      List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", "UNEVALUATED")),
  /** 满意率: of the evaluations, satisfied or basically satisfied. v2: as 参评率 v2. */
  SATISFACTION(
      "满意率",
      "satisfaction/v2",
      "(满意 + 基本满意) / 已评价",
      List.of("SATISFIED", "BASICALLY_SATISFIED"),
      List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED")),
  /**
   * 协办按期率: assisting units' contributions (协办) due in the period, given on time; a unit's own
   * figure as an assisting unit, apart from the rates that judge the lead unit. A request withdrawn
   * by its day counts for nobody; one withdrawn after it, as late.
   */
  TIMELY_ASSISTANCE(
      "协办按期率",
      "timely-assistance/v1",
      "按期反馈 / (按期反馈 + 超期反馈 + 超期未反馈)",
      List.of("ON_TIME"),
      List.of("ON_TIME", "LATE", "OVERDUE_OPEN")),
  /** 重复信访率: of the petitions received in the period, repeats (重复件次 / 总件次). */
  REPEAT_PETITIONS(
      "重复信访率", "repeat-petitions/v1", "重复件次 / 总件次", List.of("REPEAT"), List.of("REPEAT", "FIRST")),
  /**
   * 积案化解率: of the backlog cases on the list at any time in the period (listed by its last day, not
   * crossed off before its first), those crossed off (销号) in it.
   */
  BACKLOG_RESOLUTION(
      "积案化解率",
      "backlog-resolution/v1",
      "期内销号积案 / 期内在册积案",
      List.of("RESOLVED"),
      List.of("RESOLVED", "UNRESOLVED"));

  private final String label;
  private final String version;
  private final String formula;
  private final List<String> numerator;
  private final List<String> denominator;

  Rate(
      String label,
      String version,
      String formula,
      List<String> numerator,
      List<String> denominator) {
    this.label = label;
    this.version = version;
    this.formula = formula;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  public String label() {
    return label;
  }

  public String version() {
    return version;
  }

  public String formula() {
    return formula;
  }

  /** The buckets counted above the line. */
  public List<String> numerator() {
    return numerator;
  }

  /** The buckets counted below it. */
  public List<String> denominator() {
    return denominator;
  }

  /** Whether a unit has this rate: petitions and backlog entries name no unit. */
  public boolean perUnit() {
    return this != REPEAT_PETITIONS && this != BACKLOG_RESOLUTION;
  }

  /**
   * Whether the figures of single days add up to a period's: a fact counts on one day (its due
   * date, its day received), except a backlog entry, on the list over many days.
   */
  public boolean addsUpByDay() {
    return this != BACKLOG_RESOLUTION;
  }
}
