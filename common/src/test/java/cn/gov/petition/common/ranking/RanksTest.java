package cn.gov.petition.common.ranking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class RanksTest {

  @Test
  void tiedRowsShareARankAndTheNextCountsEveryRowAbove() {
    assertArrayEquals(
        new int[] {1, 2, 2, 4, 5, 5, 5, 8},
        Ranks.of(List.of(9, 8, 8, 7, 6, 6, 6, 5), Integer::equals));
  }

  @Test
  void rowsWithoutAFigureAreNeverTiedWhenTheRuleSaysSo() {
    List<Integer> values = java.util.Arrays.asList(3, null, null);
    assertArrayEquals(
        new int[] {1, 2, 3}, Ranks.of(values, (a, b) -> a != null && Objects.equals(a, b)));
    assertArrayEquals(new int[] {}, Ranks.of(List.<Integer>of(), Integer::equals));
  }
}
