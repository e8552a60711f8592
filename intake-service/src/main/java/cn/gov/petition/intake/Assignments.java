package cn.gov.petition.intake;

import cn.gov.petition.common.events.RoutingDecided;
import cn.gov.petition.common.events.Step;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * 转送/交办: records the routing decision on the case and starts the acceptance period and the
 * objection window (and, for an assignment, the closing report's deadline), each computed here,
 * once, and carried by the event.
 */
@ApplicationScoped
public class Assignments {

  private static final Logger LOG = Logger.getLogger(Assignments.class);

  private final CaseRepository cases;
  private final Lifecycle lifecycle;

  public Assignments(CaseRepository cases, Lifecycle lifecycle) {
    this.cases = cases;
    this.lifecycle = lifecycle;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(RoutingDecided decision) {
    PetitionCaseEntity entity = cases.findById(UUID.fromString(decision.caseId()));
    if (entity == null) {
      // Not a case of this node: the handoff of issue 4 will bring it here when it is ours.
      LOG.debugf("routing decision for unknown case %s ignored", decision.caseNumber());
      return;
    }
    if (!CaseStatus.REGISTERED.name().equals(entity.status)) {
      return; // decided already: a later decision is a re-route (issue 4)
    }
    if (entity.accuses(decision.unitCode())) {
      // Art 30(3): never to the accused. The case stays with the registering office, whose
      // forwarding deadline keeps running and is supervised; routing's rules must be mended.
      LOG.warnf(
          "routing decision for case %s names a unit the accusation accuses; not applied",
          decision.caseNumber());
      return;
    }
    Transition transition =
        "ASSIGN".equals(decision.mode()) ? Transition.ASSIGNED : Transition.FORWARDED;
    var progress = lifecycle.begin(entity, transition, decision.unitCode(), "routing-service");
    entity.handlingUnit = decision.unitCode();
    entity.handlingUnitName = decision.unitName();
    entity.handlingRegion = decision.regionCode();
    entity.routingMode = decision.mode();
    entity.routingExplanation = decision.explanation();
    entity.escalated = decision.escalated();
    entity.assignedOn = progress.today();
    progress.close(Step.FORWARD);
    Handling.openAcceptance(progress, entity, decision.mode());
    progress
        .detail("unit", decision.unitCode())
        .detail("unitName", decision.unitName())
        .detail("ruleVersion", decision.ruleVersion())
        .detail("explanation", decision.explanation())
        .detail("escalated", decision.escalated() ? Boolean.TRUE : null)
        .record();
  }
}
