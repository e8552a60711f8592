package cn.gov.petition.supervision;

/** 领导接访日状态. */
public enum ReceptionStatus {
  /** 已安排. */
  PLANNED,
  /** 已接访. */
  HELD,
  /** 未接访. */
  NOT_HELD
}
