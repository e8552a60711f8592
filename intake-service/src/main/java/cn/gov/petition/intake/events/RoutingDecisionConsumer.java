package cn.gov.petition.intake.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.intake.Assignments;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes routing decisions and records them on the case. */
@ApplicationScoped
public class RoutingDecisionConsumer {

  private final Inbox inbox;
  private final Assignments assignments;

  public RoutingDecisionConsumer(Inbox inbox, Assignments assignments) {
    this.inbox = inbox;
    this.assignments = assignments;
  }

  @Incoming("routing-decisions")
  @Blocking
  public CompletionStage<Void> onDecision(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "intake",
        batch,
        Inbox.on(EventType.ROUTING_DECIDED, RoutingDecided.class, assignments::apply));
  }
}
