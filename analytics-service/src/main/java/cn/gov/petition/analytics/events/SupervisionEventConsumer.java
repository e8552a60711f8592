package cn.gov.petition.analytics.events;

import cn.gov.petition.analytics.store.FactRepository;
import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.BacklogChanged;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.LetterChanged;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the backlog facts (积案化解率) and the leaders' instructions (批示件) from supervision's events for
 * the units in this node's subtree; the other supervision events are supervision's own business.
 */
@ApplicationScoped
public class SupervisionEventConsumer {

  private final Inbox inbox;
  private final FactRepository facts;
  private final String nodeRegion;

  public SupervisionEventConsumer(
      Inbox inbox,
      FactRepository facts,
      @ConfigProperty(name = "petition.node.region") String nodeRegion) {
    this.inbox = inbox;
    this.facts = facts;
    this.nodeRegion = nodeRegion;
  }

  @Incoming("supervision-events")
  @Blocking
  public CompletionStage<Void> onSupervisionEvent(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "analytics-supervision",
        batch,
        Inbox.on(EventType.BACKLOG_CHANGED, BacklogChanged.class, this::backlog)
            .on(EventType.LETTER_CHANGED, LetterChanged.class, this::letter));
  }

  private void backlog(BacklogChanged changed) {
    if (changed.unitRegionCode().startsWith(nodeRegion)) {
      facts.backlog(
          UUID.fromString(changed.backlogId()),
          UUID.fromString(changed.caseId()),
          changed.caseNumber(),
          changed.unitRegionCode(),
          changed.listedOn(),
          changed.change() == BacklogChanged.Change.CROSSED_OFF ? changed.on() : null);
    }
  }

  /** A leader's instruction given or reported on; the 三函 are supervision's own. */
  private void letter(LetterChanged changed) {
    if ("LEADER_INSTRUCTION".equals(changed.kind())
        && changed.recipientRegion().startsWith(nodeRegion)
        && changed.change() != LetterChanged.Change.ESCALATED) {
      boolean answered = changed.change() == LetterChanged.Change.ANSWERED;
      facts.instruction(
          UUID.fromString(changed.letterId()),
          changed.recipientUnit(),
          changed.recipientRegion(),
          changed.issuedOn(),
          changed.replyDueOn(),
          answered ? changed.on() : null,
          answered && Boolean.TRUE.equals(changed.answeredLate()));
    }
  }
}
