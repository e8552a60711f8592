package cn.gov.petition.routing.events;

import cn.gov.petition.common.events.CaseRegistered;
import cn.gov.petition.common.events.EventType;
import cn.gov.petition.common.events.RoutingDecided;
import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.routing.Router;
import cn.gov.petition.routing.store.RoutingDecisionEntity;
import cn.gov.petition.routing.store.RoutingDecisionRepository;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routes every registered case: stores the decision and publishes it, in one transaction. */
@ApplicationScoped
public class CaseRegisteredConsumer {

  private final Inbox inbox;
  private final Router router;
  private final RoutingDecisionRepository decisions;
  private final Outbox outbox;

  public CaseRegisteredConsumer(
      Inbox inbox, Router router, RoutingDecisionRepository decisions, Outbox outbox) {
    this.inbox = inbox;
    this.router = router;
    this.decisions = decisions;
    this.outbox = outbox;
  }

  @Incoming("case-events")
  @Blocking
  @Transactional
  public void onCaseEvent(CloudEvent event) {
    inbox.apply("routing", event, EventType.CASE_REGISTERED, CaseRegistered.class, this::route);
  }

  private void route(CaseRegistered registered) {
    RoutingDecided decision = router.decide(registered);
    RoutingDecisionEntity entity = new RoutingDecisionEntity();
    entity.caseId = UUID.fromString(decision.caseId());
    entity.caseNumber = decision.caseNumber();
    entity.unitCode = decision.unitCode();
    entity.unitName = decision.unitName();
    entity.regionCode = decision.regionCode();
    entity.mode = decision.mode();
    entity.ruleVersion = decision.ruleVersion();
    entity.explanation = decision.explanation();
    entity.decidedAt = decision.decidedAt();
    decisions.persist(entity);
    outbox.publish(decision.caseId(), decision.caseNumber(), decision);
  }
}
