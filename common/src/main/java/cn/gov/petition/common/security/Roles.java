package cn.gov.petition.common.security;

/**
 * The roles a token may carry in its {@code groups} claim. Authority is always role × region
 * subtree: the {@code region} claim limits what a role may touch.
 */
public final class Roles {
  /** 登记员: registers petitions. */
  public static final String REGISTRAR = "registrar";

  /** 承办人: handles cases of their unit. */
  public static final String HANDLER = "handler";

  /** 督办人: supervises the units in their subtree. */
  public static final String SUPERVISOR = "supervisor";

  /** 领导: leader of a unit or region. */
  public static final String LEADER = "leader";

  /** 联席会议办公室: the joint-meeting office of a level. */
  public static final String JOINT_OFFICE = "joint-office";

  /** 系统管理员. */
  public static final String ADMINISTRATOR = "administrator";

  /** 审计员: reads the audit trail. */
  public static final String AUDITOR = "auditor";

  /** Another government system subscribing to events. */
  public static final String SUBSCRIBER = "subscriber";

  private Roles() {}
}
