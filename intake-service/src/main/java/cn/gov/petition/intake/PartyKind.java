package cn.gov.petition.intake;

/** 当事方类型: a person, or an organisation (法人或其他组织, 单位). */
public enum PartyKind {
  /** 自然人/个人 */
  PERSON,
  /** 法人或其他组织/单位 */
  ORGANISATION
}
