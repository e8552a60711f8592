package cn.gov.petition.intake;

import cn.gov.petition.common.events.CaseAssigned;
import cn.gov.petition.common.events.RoutingDecided;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 转送/交办: records the routing decision on the case and starts the acceptance period, whose last day
 * is computed here, once, and carried by the event.
 */
@ApplicationScoped
public class Assignments {

  private static final Logger LOG = Logger.getLogger(Assignments.class);

  private final CaseRepository cases;
  private final Outbox outbox;
  private final Clock clock;
  private final StatutoryCalendar calendar;
  private final int acceptDays;

  public Assignments(
      CaseRepository cases,
      Outbox outbox,
      Clock clock,
      StatutoryCalendar calendar,
      @ConfigProperty(name = "petition.deadlines.accept-days", defaultValue = "15")
          int acceptDays) {
    this.cases = cases;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
    this.acceptDays = acceptDays;
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
    LocalDate today = LocalDate.now(clock);
    entity.status = CaseStatus.ASSIGNED.name();
    entity.handlingUnit = decision.unitCode();
    entity.handlingUnitName = decision.unitName();
    entity.handlingRegion = decision.regionCode();
    entity.routingMode = decision.mode();
    entity.routingExplanation = decision.explanation();
    entity.assignedOn = today;
    entity.acceptDueOn = calendar.endOfCalendarDays(today, acceptDays);
    outbox.publish(
        entity.id.toString(),
        entity.caseNumber,
        new CaseAssigned(
            entity.id.toString(),
            entity.caseNumber,
            entity.handlingUnit,
            entity.handlingRegion,
            entity.routingMode,
            entity.assignedOn,
            entity.acceptDueOn,
            clock.instant()));
  }
}
