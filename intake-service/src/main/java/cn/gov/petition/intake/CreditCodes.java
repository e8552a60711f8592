package cn.gov.petition.intake;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the alphabet 0-9 A-H J-N P-R T-U W-Y; the last is a
 * check character computed MOD 31 with the standard's weights.
 */
public final class CreditCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  /** Why the code is not a valid credit code, or null if it is. */
  public static String problem(String code) {
    if (code == null || code.length() != 18) {
      return "must be 18 characters (统一社会信用代码)";
    }
    String upper = code.toUpperCase();
    int sum = 0;
    for (int i = 0; i < 18; i++) {
      int value = ALPHABET.indexOf(upper.charAt(i));
      if (value < 0) {
        return "may contain only digits and the letters of GB 32100 (no I, O, S, V, Z)";
      }
      if (i < 17) {
        sum += value * WEIGHTS[i];
      }
    }
    int check = (31 - sum % 31) % 31;
    if (ALPHABET.charAt(check) != upper.charAt(17)) {
      return "has a wrong check character (GB 32100)";
    }
    return null;
  }
}
