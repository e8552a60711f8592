package cn.gov.petition.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * 统计通报: a region's figures for one period as an office publishes them (日报, 周报, 月报, 季报, 年报): volumes
 * with 环比 and 同比, the rates, the child regions and the region's own units side by side, volumes by
 * channel and category, and the warnings raised. Every figure is the one the statistics API gives
 * for the same question.
 *
 * @param kind 日报, 周报, 月报, 季报, 年报, or 统计报告 for days given by from and to
 * @param title e.g. 德宏傣族景颇族自治州信访工作月报（2026年11月）
 * @param period the period as asked (2026-11)
 * @param periodLabel as printed (2026年11月)
 * @param volume 件次 received, with persons, 环比 and 同比
 * @param rates the region's rates
 * @param regions each child region with its 件次 and rates, in code order
 * @param units each unit of the region's own level with its cases given and rates
 * @param channels 件次 by 信访形式
 * @param categories 件次 by 内容分类, the most first, at most ten
 * @param warnings the warnings raised in the period, by kind
 * @param instructions 批示件办理情况: the leaders' instructions given to the region's units in the period
 */
public record Bulletin(
    String regionCode,
    String regionName,
    String kind,
    String title,
    String period,
    String periodLabel,
    LocalDate from,
    LocalDate to,
    LocalDate asOf,
    Volumes.Row volume,
    Indicators.Figures indicators,
    List<Rates.Figure> rates,
    List<Line> regions,
    List<Line> units,
    List<Count> channels,
    List<Count> categories,
    List<Count> warnings,
    Instructions instructions) {

  /**
   * 批示件办理情况: the leaders' instructions (领导批示) given to units of the region in the period, and by
   * its last day how many the units had reported on (late among them) and how many not yet (past
   * their date among them).
   */
  public record Instructions(
      long issued, long answered, long answeredLate, long outstanding, long overdue) {}

  /**
   * One child region or unit.
   *
   * @param count 件次 received (a region) or cases given (a unit) in the period
   */
  public record Line(String code, String name, long count, List<Rates.Figure> rates) {}

  /** One key of a breakdown, with its Chinese name. */
  public record Count(String key, String name, long count, java.math.BigDecimal periodOnPeriod) {}
}
