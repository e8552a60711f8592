package cn.gov.petition.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.common.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

  private static Periods.Period period(String text) {
    assertTrue(text.matches(Periods.PATTERN), text + " should have the shape of a period");
    return Periods.parse("period", text);
  }

  @Test
  void eachKindIsReadAsItsFirstAndLastDay() {
    assertEquals(
        new Periods.Period(
            "2026-11-24",
            Periods.Kind.DAY,
            LocalDate.of(2026, 11, 24),
            LocalDate.of(2026, 11, 24),
            "2026年11月24日"),
        period("2026-11-24"));
    // ISO week 1 of 2026 begins on Monday 29 December 2025.
    Periods.Period week1 = period("2026-W01");
    assertEquals(LocalDate.of(2025, 12, 29), week1.from());
    assertEquals(LocalDate.of(2026, 1, 4), week1.to());
    assertEquals("2026年第1周", week1.label());
    Periods.Period february = period("2028-02");
    assertEquals(LocalDate.of(2028, 2, 29), february.to(), "2028 is a leap year");
    assertEquals("2028年2月", february.label());
    Periods.Period q4 = period("2026-Q4");
    assertEquals(LocalDate.of(2026, 10, 1), q4.from());
    assertEquals(LocalDate.of(2026, 12, 31), q4.to());
    assertEquals("2026年第四季度", q4.label());
    Periods.Period year = period("2026");
    assertEquals(Periods.Kind.YEAR, year.kind());
    assertEquals(LocalDate.of(2026, 12, 31), year.to());
  }

  @Test
  void aPeriodThatDoesNotExistIsRefusedNamingTheField() {
    // 2026 has 53 ISO weeks; 2025 has 52.
    assertEquals(LocalDate.of(2026, 12, 28), period("2026-W53").from());
    for (String text : new String[] {"2025-W53", "2026-W00", "2026-13", "2026-00", "2026-02-30"}) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> Periods.parse("period", text), text);
      assertEquals(422, refused.problem().status(), text);
      assertEquals("period", refused.problem().errors().get(0).field(), text);
    }
  }

  @Test
  void otherShapesAreNotPeriods() {
    for (String text : new String[] {"2026-Q5", "26-11", "2026-11-1", "2026-w48", "2026-11-24T"}) {
      assertFalse(text.matches(Periods.PATTERN), text);
    }
  }
}
