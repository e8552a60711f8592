package cn.gov.petition.intake;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence and a check
 * character computed as ISO 7064 MOD 11-2.
 */
public final class ResidentIdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";

  private ResidentIdNumbers() {}

  /** Why the number is not a valid resident ID number, or null if it is valid on {@code today}. */
  public static String problem(String number, LocalDate today) {
    if (number == null || !number.matches("\\d{17}[\\dXx]")) {
      return "must be 18 characters: 17 digits and a check digit or X";
    }
    LocalDate birth;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(number.substring(6, 10)),
              Integer.parseInt(number.substring(10, 12)),
              Integer.parseInt(number.substring(12, 14)));
    } catch (DateTimeException e) {
      return "has no valid birth date in positions 7-14";
    }
    if (birth.isBefore(LocalDate.of(1800, 1, 1)) || birth.isAfter(today)) {
      return "has a birth date that cannot be right";
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * WEIGHTS[i];
    }
    char expected = CHECK_CHARACTERS.charAt(sum % 11);
    if (Character.toUpperCase(number.charAt(17)) != expected) {
      return "has a wrong check digit (GB 11643)";
    }
    return null;
  }
}
