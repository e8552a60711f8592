package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdDocumentsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  @Test
  void creditCodesCarryTheGb32100CheckCharacter() {
    assertNull(CreditCodes.problem("91350100M000100Y43"));
    assertNull(CreditCodes.problem("91110000802100433b"), "lower case is read as upper case");
    assertEquals(
        "has a wrong check character (GB 32100)", CreditCodes.problem("91350100M000100Y44"));
    assertEquals(
        "may contain only digits and the letters of GB 32100 (no I, O, S, V, Z)",
        CreditCodes.problem("91350100M000100O43"));
    assertEquals("must be 18 characters (统一社会信用代码)", CreditCodes.problem("9135010"));
  }

  @Test
  void eachDocumentTypeHasItsOwnRule() {
    assertNull(IdType.HK_MACAO_PERMIT.problem("H12345678", TODAY));
    assertEquals(
        "must be H or M and 8 digits (or the 9-digit card number)",
        IdType.HK_MACAO_PERMIT.problem("X12345678", TODAY));
    assertNull(IdType.TAIWAN_PERMIT.problem("12345678", TODAY));
    assertEquals("must be 5 to 20 letters or digits", IdType.PASSPORT.problem("E-1234", TODAY));
    assertEquals(
        "has a wrong check digit (GB 11643)",
        IdType.RESIDENT_ID.problem("530302199001011234", TODAY));
  }
}
