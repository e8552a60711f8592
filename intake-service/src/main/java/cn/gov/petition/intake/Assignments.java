package cn.gov.petition.intake;

import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * 转送/交办: records the routing decision on the case and starts the acceptance period and the
 * objection window (and, for an assignment, the closing report's deadline), each computed here,
 * once, and carried by the event. When the unit is hosted by another node, the case is then handed
 * off to it ({@link Handoffs}).
 */
@ApplicationScoped
public class Assignments {

  private static final Logger LOG = Logger.getLogger(Assignments.class);

  private final CaseRepository cases;
  private final Lifecycle lifecycle;
  private final Handoffs handoffs;

  public Assignments(CaseRepository cases, Lifecycle lifecycle, Handoffs handoffs) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.handoffs = handoffs;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(RoutingDecided decision) {
    apply(decision, "routing-service");
  }

  /**
   * The same, recorded as taken by {@code user}: the staff member an imported 转送/交办 names (the
   * former system's decision, docs/migration.md).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(RoutingDecided decision, String user) {
    PetitionCaseEntity entity = cases.findById(UUID.fromString(decision.caseId()));
    if (entity == null) {
      // registered here after the backup this database was restored from: the case is lost to
      // intake (docs/backup.md), its number must not be issued again
      if (cases.keepNumber(decision.caseNumber())) {
        LOG.warnf(
            "routing decision for case %s, which this node does not hold (registered after the"
                + " backup its database was restored from?): its number will not be issued again",
            decision.caseNumber());
      }
      return;
    }
    if (entity.status != CaseStatus.REGISTERED) {
      return; // decided already: a later decision is a re-route (issue 4)
    }
    if (entity.accuses(decision.unitCode())) {
      // Art 30(3): never to the accused. The case stays with the registering office, whose
      // forwarding deadline keeps running and is supervised; routing's rules must be mended.
      entity.excludedUnits = listOf(decision.excluded());
      LOG.warnf(
          "routing decision for case %s names a unit the accusation accuses; not applied",
          decision.caseNumber());
      return;
    }
    Transition transition =
        "ASSIGN".equals(decision.mode()) ? Transition.ASSIGNED : Transition.FORWARDED;
    boolean elsewhere = handoffs.isElsewhere(decision.node());
    boolean handOff = elsewhere && decision.nodeKey() != null;
    boolean keptHere = elsewhere && !handOff;
    var progress = lifecycle.begin(entity, transition, decision.unitCode(), user);
    // the forwarding step is looked up before the case is changed: the query flushes what a poll's
    // earlier decisions left in the session, and would write this case's row then and again at the
    // end (DecisionWritesTest)
    progress.close(Step.FORWARD);
    entity.excludedUnits = listOf(decision.excluded());
    entity.handlingUnit = decision.unitCode();
    entity.handlingUnitName = decision.unitName();
    entity.handlingRegion = decision.regionCode();
    entity.routingMode = decision.mode();
    entity.routingExplanation = decision.explanation();
    entity.escalated = decision.escalated();
    entity.informedUnits = listOf(decision.informed());
    entity.assignedOn = progress.today();
    Handling.openAcceptance(progress, entity, decision.mode(), null);
    progress
        .detail("unit", decision.unitCode())
        .detail("unitName", decision.unitName())
        .detail("ruleVersion", decision.ruleVersion())
        .detail("explanation", decision.explanation())
        .detail("escalated", decision.escalated() ? Boolean.TRUE : null)
        .detail("informed", entity.informedUnits.isEmpty() ? null : entity.informedUnits)
        .detail("node", handOff ? decision.node() : null)
        .detail("keptHere", keptHere ? decision.node() : null)
        .record();
    if (handOff) {
      // the unit works on another node: the forwarding is this office's act, the case file goes
      // there sealed for it, and this node keeps a read-only copy
      handoffs.handOff(entity, decision.node(), decision.nodeKey());
    } else if (keptHere) {
      LOG.warnf(
          "Case %s stays here: node %s, which hosts its unit, has announced no handoff key, and a"
              + " case file is never handed off in clear",
          entity.caseNumber, decision.node());
    }
  }

  /** A mutable copy of a list an event may leave out (null from an older sender). */
  static List<String> listOf(List<String> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(values);
  }
}
