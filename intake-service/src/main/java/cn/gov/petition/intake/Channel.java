package cn.gov.petition.intake;

/** 信访形式: how a petition arrived. */
public enum Channel {
  /** 来信 */
  LETTER,
  /** 来访 */
  VISIT,
  /** 网上信访 */
  ONLINE,
  /** 来电 */
  PHONE,
  /** 传真 */
  FAX,
  /** 手机/二维码 */
  MOBILE
}
