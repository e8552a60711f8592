package cn.gov.petition.intake;

import cn.gov.petition.common.security.Roles;
import java.util.List;

/**
 * 办理动作: the handling endpoints under {@code /cases/{id}/} (docs/lifecycle.md), each with the
 * transition it records and the roles that may call it. {@link Handling#check} says whether one may
 * be taken now; {@code GET /cases/{id}/acts} lists those a caller may take, so that the pages offer
 * exactly these.
 */
public enum HandlingAct {
  REFERRAL("referral", Transition.REFERRED, Roles.HANDLER, Roles.REGISTRAR),
  ACCEPTANCE("acceptance", Transition.ACCEPTED, Roles.HANDLER),
  DECLINATION("declination", Transition.DECLINED, Roles.HANDLER),
  OBJECTION("objection", Transition.OBJECTED, Roles.HANDLER),
  /** 处理异议: records OBJECTION_UPHELD or OBJECTION_REJECTED, as decided. */
  OBJECTION_DECISION(
      "objection-decision",
      Transition.OBJECTION_UPHELD,
      Roles.HANDLER,
      Roles.SUPERVISOR,
      Roles.JOINT_OFFICE),
  /** 人工转送、交办: a 信访 office places the matter by hand. */
  ROUTING_BY_HAND(
      "routing-by-hand",
      Transition.ROUTED_BY_HAND,
      Roles.REGISTRAR,
      Roles.HANDLER,
      Roles.SUPERVISOR,
      Roles.JOINT_OFFICE),
  /** 更正问题属地: a 信访 office corrects the matter's place. */
  MATTER_PLACE(
      "matter-place",
      Transition.MATTER_PLACE_CORRECTED,
      Roles.REGISTRAR,
      Roles.HANDLER,
      Roles.SUPERVISOR,
      Roles.JOINT_OFFICE),
  EXTENSION("extension", Transition.EXTENDED, Roles.HANDLER),
  HEARING("hearings", Transition.HEARING_HELD, Roles.HANDLER),
  MEDIATION("mediation", Transition.MEDIATED, Roles.HANDLER),
  /** 商请协办: the lead unit asks a unit to assist. */
  ASSISTANCE("assistance", Transition.ASSISTANCE_REQUESTED, Roles.HANDLER),
  /** 协办反馈: a unit asked to assist gives its contribution. */
  CONTRIBUTION("contribution", Transition.ASSISTANCE_GIVEN, Roles.HANDLER),
  /** 撤回协办: the lead unit withdraws a request for assistance. */
  ASSISTANCE_WITHDRAWAL("assistance-withdrawal", Transition.ASSISTANCE_WITHDRAWN, Roles.HANDLER),
  OPINION("opinion", Transition.OPINION_ISSUED, Roles.HANDLER),
  STAFF("staff", Transition.STAFF_ASSIGNED, Roles.HANDLER, Roles.REGISTRAR, Roles.LEADER),
  CLOSING_REPORT("closing-report", Transition.REPORT_SUBMITTED, Roles.HANDLER),
  EVALUATION("evaluation", Transition.EVALUATED, Roles.HANDLER, Roles.REGISTRAR),
  /** 复查 or 复核 requested, as the case stands. */
  REVIEW_REQUEST("review-request", Transition.REVIEW_REQUESTED, Roles.HANDLER),
  /** 复查意见 or 复核意见, as the case stands. */
  REVIEW_OPINION("review-opinion", Transition.REVIEW_ISSUED, Roles.HANDLER),
  CLOSURE("closure", Transition.CLOSED, Roles.HANDLER),
  TERMINATION("termination", Transition.TERMINATED, Roles.HANDLER);

  private final String path;
  private final Transition transition;
  private final List<String> roles;

  HandlingAct(String path, Transition transition, String... roles) {
    this.path = path;
    this.transition = transition;
    this.roles = List.of(roles);
  }

  /** The endpoint's path under {@code /cases/{id}/}. */
  public String path() {
    return path;
  }

  /** The transition it records (the first of its kind where it records one of two). */
  public Transition transition() {
    return transition;
  }

  /** The roles the endpoint allows (the resource's {@code @RolesAllowed}; a test compares). */
  public List<String> roles() {
    return roles;
  }

  /** 处理异议 has a name of its own; every other act is named by the transition it records. */
  public String label(Transition recorded) {
    return this == OBJECTION_DECISION ? "处理异议" : recorded.label();
  }
}
