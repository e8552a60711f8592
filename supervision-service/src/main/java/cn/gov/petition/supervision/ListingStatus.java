package cn.gov.petition.supervision;

/** 挂牌状态: a unit listed for supervision until a close-out review passes (摘牌). */
public enum ListingStatus {
  /** 挂牌督办中. */
  LISTED,
  /** 已摘牌. */
  CLOSED
}
