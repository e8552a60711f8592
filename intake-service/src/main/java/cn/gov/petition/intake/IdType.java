package cn.gov.petition.intake;

import java.time.LocalDate;

/**
 * 证件类型: the identity documents a petitioner may show, each with the rule its number must meet. A
 * person shows a personal document; an organisation (法人或其他组织) its 统一社会信用代码.
 */
public enum IdType {
  /** 居民身份证 (GB 11643). */
  RESIDENT_ID("居民身份证"),
  /** 护照. */
  PASSPORT("护照"),
  /** 港澳居民来往内地通行证. */
  HK_MACAO_PERMIT("港澳居民来往内地通行证"),
  /** 台湾居民来往大陆通行证. */
  TAIWAN_PERMIT("台湾居民来往大陆通行证"),
  /** 外国人永久居留身份证. */
  FOREIGN_PERMANENT_RESIDENT("外国人永久居留身份证"),
  /** 统一社会信用代码 (GB 32100), for organisations. */
  CREDIT_CODE("统一社会信用代码");

  private final String label;

  IdType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean forOrganisations() {
    return this == CREDIT_CODE;
  }

  /** Why the number is not a valid number of this document, or null if it is. */
  public String problem(String number, LocalDate today) {
    return switch (this) {
      case RESIDENT_ID -> ResidentIdNumbers.problem(number, today);
      case CREDIT_CODE -> CreditCodes.problem(number);
      case HK_MACAO_PERMIT ->
          number.matches("[HMhm]\\d{8}|\\d{9}")
              ? null
              : "must be H or M and 8 digits (or the 9-digit card number)";
      case TAIWAN_PERMIT -> number.matches("\\d{8}|\\d{10}") ? null : "must be 8 or 10 digits";
      case PASSPORT, FOREIGN_PERMANENT_RESIDENT ->
          number.matches("[A-Za-z0-9]{5,20}") ? null : "must be 5 to 20 letters or digits";
    };
  }
}
