package cn.gov.petition.intake;

import java.time.LocalDate;

/**
 * The handling acts (docs/lifecycle.md) as {@link Handling} takes them, each field already checked
 * on its own by the API. An act of one free text (受理告知, 异议理由, 办结报告) is passed as that text.
 */
public final class Acts {

  private Acts() {}

  /** 告知其他途径 (Art 31): the statutory channel, the body to turn to, what the petitioner is told. */
  public record Referral(StatutoryRoute route, String channel, String explanation) {}

  /** 不予受理, with its reason and legal basis. */
  public record Decline(String reason, String legalBasis) {}

  /**
   * 处理异议: upheld (the matter goes to {@code unitCode}, by {@code mode} FORWARD or ASSIGN, null for
   * the case's own) or rejected.
   */
  public record ObjectionDecision(
      boolean upheld,
      String unitCode,
      String unitName,
      String mode,
      String reason,
      Integer reportDays) {}

  /**
   * 人工转送、交办: the unit the matter goes to, by {@code mode} FORWARD or ASSIGN, why, and for an
   * assignment the days to report (null: the table's default).
   */
  public record RoutingByHand(
      String unitCode, String unitName, String mode, String reason, Integer reportDays) {}

  /**
   * 更正问题属地: the matter's right place, why, and (when the matter must go elsewhere) the unit it goes
   * to by hand.
   */
  public record MatterPlace(String matterRegionCode, String reason, RoutingByHand routing) {}

  /**
   * 商请协办: the unit asked to assist, what it is asked to do, and the day its written contribution is
   * due (inside the lead's handling period).
   */
  public record Assistance(String unitCode, String tasks, LocalDate dueOn) {}

  /** 撤回协办: the unit whose request is withdrawn, and why. */
  public record AssistanceWithdrawal(String unitCode, String reason) {}

  /** 延期 (Art 34). */
  public record Extension(int days, String approvedBy, String reason) {}

  /** 听证, held from the first to the last day. */
  public record Hearing(LocalDate heldFrom, LocalDate heldTo, String summary) {}

  /** 调解和解 (Art 33). */
  public record Mediation(LocalDate agreedOn, String agreement) {}

  /**
   * 处理意见书、复查意见书、复核意见书 (Art 32); {@code servedOn} null for today; {@code notForDisclosure}: 不宜公开, no
   * evaluation window opens.
   */
  public record Opinion(
      OpinionOutcome outcome,
      String request,
      String facts,
      String reasons,
      String legalBasis,
      LocalDate servedOn,
      boolean notForDisclosure) {}

  /** 满意度评价. */
  public record Evaluation(
      Satisfaction satisfaction,
      Satisfaction officeSatisfaction,
      EvaluationChannel channel,
      String remarks) {}

  /** 复查、复核申请, received by the body one level up. */
  public record Review(LocalDate receivedOn, String reasons) {}

  /** 办结、终结, with the 三到位一处理 checklist (Art 27). */
  public record Closure(Checklist checklist, String summary) {}

  /** 三到位一处理 (Art 27): what was done for each item that applies; null where it does not. */
  public record Checklist(
      String problemSolved, String counselled, String assisted, String dealtWithByLaw) {

    /** Whether no item was filled in. */
    public boolean isEmpty() {
      return blank(problemSolved) && blank(counselled) && blank(assisted) && blank(dealtWithByLaw);
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  /** 指定经办人: the staff member who handles the case from now on, and why (a hand-over). */
  public record Staff(String user, String note) {}
}
