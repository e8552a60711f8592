package cn.gov.petition.supervision.events;

import cn.gov.petition.common.events.CaseAssigned;
import cn.gov.petition.common.events.EventType;
import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.supervision.Step;
import cn.gov.petition.supervision.store.ClockEntity;
import cn.gov.petition.supervision.store.ClockRepository;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Opens the acceptance clock when a case reaches its handling unit, with the event's due date. */
@ApplicationScoped
public class CaseAssignedConsumer {

  private final Inbox inbox;
  private final ClockRepository clocks;
  private final Clock clock;

  public CaseAssignedConsumer(Inbox inbox, ClockRepository clocks, Clock clock) {
    this.inbox = inbox;
    this.clocks = clocks;
    this.clock = clock;
  }

  @Incoming("case-events")
  @Blocking
  @Transactional
  public void onCaseEvent(CloudEvent event) {
    inbox.apply("supervision", event, EventType.CASE_ASSIGNED, CaseAssigned.class, this::open);
  }

  private void open(CaseAssigned assigned) {
    UUID caseId = UUID.fromString(assigned.caseId());
    if (clocks.exists(caseId, Step.ACCEPT.name())) {
      return;
    }
    ClockEntity entity = new ClockEntity();
    entity.caseId = caseId;
    entity.caseNumber = assigned.caseNumber();
    entity.step = Step.ACCEPT.name();
    entity.unitCode = assigned.unitCode();
    entity.unitRegionCode = assigned.unitRegionCode();
    entity.startedOn = assigned.assignedOn();
    entity.dueOn = assigned.acceptDueOn();
    entity.status = "OPEN";
    entity.openedAt = clock.instant();
    clocks.persist(entity);
  }
}
