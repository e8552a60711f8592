package cn.gov.petition.common.ranking;

import java.util.List;
import java.util.function.BiPredicate;

/** 排名: the one tie rule every ranking of regions and units follows. */
public final class Ranks {

  private Ranks() {}

  /**
   * Standard competition ranks (1, 2, 2, 4) of rows already sorted best first: a row tied with the
   * one before it shares its rank, and the next row's rank counts every row above it.
   */
  public static <T> int[] of(List<T> sorted, BiPredicate<T, T> tied) {
    int[] ranks = new int[sorted.size()];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = i > 0 && tied.test(sorted.get(i - 1), sorted.get(i)) ? ranks[i - 1] : i + 1;
    }
    return ranks;
  }
}
