package cn.gov.petition.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

  private final DeadlineWatch.Thresholds threeAndOne = new DeadlineWatch.Thresholds(List.of(1, 3));
  private final LocalDate due = LocalDate.parse("2026-12-09");

  @Test
  void warnsAtEachThresholdOnceClosestLast() {
    assertNull(threeAndOne.warningDue(4, null));
    assertEquals(3, threeAndOne.warningDue(3, null));
    assertEquals(3, threeAndOne.warningDue(2, null), "a clock started 2 days before due");
    assertNull(threeAndOne.warningDue(2, 3), "the 3-day warning was given");
    assertEquals(1, threeAndOne.warningDue(1, 3));
    assertEquals(1, threeAndOne.warningDue(0, 3), "on the due date itself");
    assertNull(threeAndOne.warningDue(0, 1));
  }

  @Test
  void looksNextOnTheDayOfTheNextMark() {
    assertEquals(LocalDate.parse("2026-12-06"), threeAndOne.firstCheck(due));
    assertEquals(LocalDate.parse("2026-12-06"), threeAndOne.nextCheck(due, 5));
    assertEquals(LocalDate.parse("2026-12-08"), threeAndOne.nextCheck(due, 3));
    assertEquals(LocalDate.parse("2026-12-10"), threeAndOne.nextCheck(due, 1), "overdue next");
    assertEquals(LocalDate.parse("2026-12-10"), threeAndOne.nextCheck(due, 0));
  }

  @Test
  void withoutThresholdsOnlyOverdueIsMarkedAndNegativeOnesAreRefused() {
    DeadlineWatch.Thresholds none = new DeadlineWatch.Thresholds(List.of());
    assertNull(none.warningDue(0, null));
    assertEquals(LocalDate.parse("2026-12-10"), none.firstCheck(due));
    assertThrows(IllegalArgumentException.class, () -> new DeadlineWatch.Thresholds(List.of(-1)));
  }
}
