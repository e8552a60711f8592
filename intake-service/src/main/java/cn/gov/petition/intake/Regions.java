package cn.gov.petition.intake;

/** Division codes: province 2 digits, city 4, county 6, township 9; a child extends its parent. */
public final class Regions {

  private Regions() {}

  /** The region one level up, or "" for a province. */
  public static String parent(String code) {
    return switch (code.length()) {
      case 9 -> code.substring(0, 6);
      case 6 -> code.substring(0, 4);
      case 4 -> code.substring(0, 2);
      default -> "";
    };
  }
}
