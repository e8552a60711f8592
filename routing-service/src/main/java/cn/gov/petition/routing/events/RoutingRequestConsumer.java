package cn.gov.petition.routing.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.contracts.RoutingRequested;
import cn.gov.petition.routing.Destinations;
import cn.gov.petition.routing.Router;
import cn.gov.petition.routing.RuleBook;
import cn.gov.petition.routing.store.RoutingDecisionEntity;
import cn.gov.petition.routing.store.RoutingDecisionRepository;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Routes every case intake asks to route (the node-internal routing requests): chooses the unit,
 * addresses the decision to the node hosting it, stores the decision and publishes it, in one
 * transaction.
 */
@ApplicationScoped
public class RoutingRequestConsumer {

  private final Inbox inbox;
  private final Router router;
  private final RuleBook rules;
  private final RoutingDecisionRepository decisions;
  private final Outbox outbox;
  private final Destinations nodes;

  public RoutingRequestConsumer(
      Inbox inbox,
      Router router,
      RuleBook rules,
      RoutingDecisionRepository decisions,
      Outbox outbox,
      Destinations nodes) {
    this.inbox = inbox;
    this.router = router;
    this.rules = rules;
    this.decisions = decisions;
    this.outbox = outbox;
    this.nodes = nodes;
  }

  @Incoming("routing-requests")
  @Blocking
  public CompletionStage<Void> onRoutingRequest(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "routing",
        batch,
        Inbox.on(EventType.ROUTING_REQUESTED, RoutingRequested.class, this::route));
  }

  private void route(RoutingRequested request) {
    Router.Routed routed = router.decide(request, rules.inEffect());
    RoutingDecided decision = nodes.address(routed.decision());
    RoutingDecisionEntity entity = new RoutingDecisionEntity();
    entity.caseId = UUID.fromString(decision.caseId());
    entity.caseNumber = decision.caseNumber();
    entity.unitCode = decision.unitCode();
    entity.unitName = decision.unitName();
    entity.regionCode = decision.regionCode();
    entity.mode = decision.mode();
    entity.ruleVersion = decision.ruleVersion();
    entity.ruleId = routed.rule() == null ? null : routed.rule().id();
    entity.explanation = decision.explanation();
    entity.decidedAt = decision.decidedAt();
    entity.nodeRegion = decision.node();
    decisions.persist(entity);
    outbox.publish(decision.caseId(), decision.caseNumber(), decision);
  }
}
