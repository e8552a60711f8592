package cn.gov.petition.intake.api;

/** 脱敏: how personal data is shown to those who may not see it. */
final class Masking {

  private Masking() {}

  /** 张三丰 → 张**. */
  static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first)
        + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
  }

  /** 13812345678 → 138****5678. */
  static String keepEnds(String value, int head, int tail) {
    if (value == null) {
      return null;
    }
    if (value.length() <= head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }
}
