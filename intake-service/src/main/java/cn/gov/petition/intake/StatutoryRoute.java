package cn.gov.petition.intake;

/** 《信访工作条例》 Art 31(1)–(5): the statutory channels a 申诉求决 matter is referred to. */
public enum StatutoryRoute {
  /** 诉讼、复议、检察、公安等法定程序 (涉法涉诉, 诉访分离). */
  LITIGATION,
  /** 仲裁. */
  ARBITRATION,
  /** 党员申诉、复审. */
  PARTY_APPEAL,
  /** 行政复议、裁决、确认、许可、处罚等行政程序. */
  ADMINISTRATIVE,
  /** 查处违法行为、保护人身权或财产权: 依法履行职责. */
  LAW_ENFORCEMENT
}
