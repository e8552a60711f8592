package cn.gov.petition.routing.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.contracts.RoutingRequested;
import cn.gov.petition.routing.Destinations;
import cn.gov.petition.routing.Router;
import cn.gov.petition.routing.RuleBook;
import cn.gov.petition.routing.RuleSet;
import cn.gov.petition.routing.store.RoutingDecisionEntity;
import cn.gov.petition.routing.store.RoutingDecisionRepository;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Routes every case intake asks to route (the node-internal routing requests): chooses the unit,
 * addresses the decision to the node hosting it, stores the decision and publishes it, in one
 * transaction. A case the rules cannot place is stored as such, with why, and nothing is published.
 */
@ApplicationScoped
public class RoutingRequestConsumer {

  private static final Logger LOG = Logger.getLogger(RoutingRequestConsumer.class);

  private final Inbox inbox;
  private final Router router;
  private final RuleBook rules;
  private final RoutingDecisionRepository decisions;
  private final Outbox outbox;
  private final Destinations nodes;
  private final Clock clock;

  public RoutingRequestConsumer(
      Inbox inbox,
      Router router,
      RuleBook rules,
      RoutingDecisionRepository decisions,
      Outbox outbox,
      Destinations nodes,
      Clock clock) {
    this.inbox = inbox;
    this.router = router;
    this.rules = rules;
    this.decisions = decisions;
    this.outbox = outbox;
    this.nodes = nodes;
    this.clock = clock;
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
    RoutingDecisionEntity entity = new RoutingDecisionEntity();
    entity.caseId = UUID.fromString(request.caseId());
    entity.caseNumber = request.caseNumber();
    entity.registeringUnit = request.registeringUnit();
    entity.matterRegion = request.matterRegionCode();
    entity.petitionClass = request.petitionClass();
    RuleSet inEffect = rules.inEffect();
    Router.Routed routed;
    try {
      routed = router.decide(request, inEffect);
    } catch (Router.Unplaceable unplaceable) {
      // nothing is decided: the case stays with the registering office, whose forwarding deadline
      // runs and is supervised, until a 信访 office forwards it by hand (docs/lifecycle.md)
      LOG.warnf(
          "case %s could not be placed by the rules in effect: %s",
          request.caseNumber(), unplaceable.getMessage());
      entity.ruleVersion = inEffect.label();
      entity.explanation = unplaceable.getMessage() + "；待信访工作机构人工转送或交办";
      entity.decidedAt = clock.instant();
      entity.alternatives = unplaceable.alternatives();
      entity.excluded = List.of();
      decisions.persist(entity);
      return;
    }
    RoutingDecided decision = nodes.address(routed.decision());
    entity.unitCode = decision.unitCode();
    entity.unitName = decision.unitName();
    entity.regionCode = decision.regionCode();
    entity.mode = decision.mode();
    entity.ruleVersion = decision.ruleVersion();
    entity.ruleId = routed.rule() == null ? null : routed.rule().id();
    entity.explanation = decision.explanation();
    entity.decidedAt = decision.decidedAt();
    entity.nodeRegion = decision.node();
    entity.alternatives = routed.alternatives();
    entity.excluded = decision.excluded() == null ? List.of() : decision.excluded();
    decisions.persist(entity);
    outbox.publish(decision.caseId(), decision.caseNumber(), decision);
  }
}
