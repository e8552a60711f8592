package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumbersTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  @Test
  void theStandardsOwnExamplesAreValid() {
    assertNull(ResidentIdNumbers.problem("11010519491231002X", TODAY));
    assertNull(ResidentIdNumbers.problem("11010519491231002x", TODAY));
    assertNull(ResidentIdNumbers.problem("440524188001010014", TODAY));
  }

  @Test
  void aWrongCheckDigitIsRefused() {
    assertEquals(
        "has a wrong check digit (GB 11643)",
        ResidentIdNumbers.problem("110105194912310021", TODAY));
  }

  @Test
  void impossibleBirthDatesAreRefused() {
    assertEquals(
        "has no valid birth date in positions 7-14",
        ResidentIdNumbers.problem("530302199002301231", TODAY));
    assertEquals(
        "has a birth date that cannot be right",
        ResidentIdNumbers.problem("530302202612011231", TODAY));
  }

  @Test
  void theFormatIsChecked() {
    assertEquals(
        "must be 18 characters: 17 digits and a check digit or X",
        ResidentIdNumbers.problem("53030219900101123", TODAY));
    assertEquals(
        "must be 18 characters: 17 digits and a check digit or X",
        ResidentIdNumbers.problem("5303021990010112Y3", TODAY));
  }
}
