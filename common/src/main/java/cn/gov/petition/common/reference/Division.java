package cn.gov.petition.common.reference;

/**
 * 行政区划: a province (2-digit code), city (4), county (6) or township (9). A child's code extends its
 * parent's.
 */
public record Division(String code, String name, Level level) {

  /** 层级. */
  public enum Level {
    /** 省级 */
    PROVINCE,
    /** 市级 */
    CITY,
    /** 县级 */
    COUNTY,
    /** 乡级 (乡、镇、街道) */
    TOWNSHIP;

    public static Level ofCode(String code) {
      return switch (code.length()) {
        case 2 -> PROVINCE;
        case 4 -> CITY;
        case 6 -> COUNTY;
        case 9 -> TOWNSHIP;
        default -> throw new IllegalArgumentException("not a division code: " + code);
      };
    }
  }

  /** The code of the enclosing division, or null for a province. */
  public String parentCode() {
    return parentOf(code);
  }

  /** The length of the codes one level down: 4, 6 or 9; 0 for a township, which has none. */
  public static int childCodeLength(String code) {
    return switch (Level.ofCode(code)) {
      case PROVINCE -> 4;
      case CITY -> 6;
      case COUNTY -> 9;
      case TOWNSHIP -> 0;
    };
  }

  /** The code one level up from a 4-, 6- or 9-digit code; null for a province's 2 digits. */
  public static String parentOf(String code) {
    return switch (Level.ofCode(code)) {
      case PROVINCE -> null;
      case CITY -> code.substring(0, 2);
      case COUNTY -> code.substring(0, 4);
      case TOWNSHIP -> code.substring(0, 6);
    };
  }
}
