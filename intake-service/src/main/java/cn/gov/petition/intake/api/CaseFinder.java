package cn.gov.petition.intake.api;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.Roles;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Finds a case the caller may see; to anyone else it does not exist (404, nothing leaked). */
@ApplicationScoped
public class CaseFinder {

  private final CaseRepository cases;

  public CaseFinder(CaseRepository cases) {
    this.cases = cases;
  }

  public PetitionCaseEntity visible(String id, Caller caller) {
    return check(cases.findById(UUID.fromString(id)), id, caller);
  }

  /**
   * The case, locked until the transaction ends: two clerks acting on one case at once take turns,
   * and the second sees the first's result (usually a 409 naming the new status).
   */
  public PetitionCaseEntity forTransition(String id, Caller caller) {
    return check(cases.findById(UUID.fromString(id), LockModeType.PESSIMISTIC_WRITE), id, caller);
  }

  private static PetitionCaseEntity check(PetitionCaseEntity entity, String id, Caller caller) {
    if (entity == null || !visibleTo(entity, caller)) {
      throw ProblemException.notFound("case", id);
    }
    return entity;
  }

  /**
   * Within the caller's subtree or unit. An accusation (检举控告) only to the units that registered,
   * handle or review it and to the supervisors above them, and never to a unit it accuses (Art
   * 30(3)), whatever else that unit's role or region would allow. The offices informed of a 三跨 case
   * (not of an accusation) see it too, and the units asked to assist (协办) while they are.
   */
  static boolean visibleTo(PetitionCaseEntity entity, Caller caller) {
    if (entity.accuses(caller.unit())) {
      return false;
    }
    if (entity.involves(caller.unit()) || entity.assistingUnits.contains(caller.unit())) {
      return true;
    }
    if (entity.isAccusation()) {
      return caller.hasAnyRole(Roles.SUPERVISOR, Roles.LEADER, Roles.JOINT_OFFICE)
          && caller.covers(entity.responsibleRegion());
    }
    return caller.covers(entity.matterRegionCode)
        || (entity.handlingRegion != null && caller.covers(entity.handlingRegion))
        || entity.informedUnits.contains(caller.unit());
  }
}
