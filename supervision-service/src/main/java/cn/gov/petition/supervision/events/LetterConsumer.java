package cn.gov.petition.supervision.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.LetterChanged;
import cn.gov.petition.supervision.Letters;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the supervision letters other nodes issue to units of this node's subtree, from the
 * broadcast (Letters#heardOf); the node's own letters come back on it too and are skipped there.
 */
@ApplicationScoped
public class LetterConsumer {

  private final Inbox inbox;
  private final Letters letters;

  public LetterConsumer(Inbox inbox, Letters letters) {
    this.inbox = inbox;
    this.letters = letters;
  }

  @Incoming("supervision-events")
  @Blocking
  public CompletionStage<Void> onSupervisionEvents(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "supervision-letters",
        batch,
        Inbox.on(EventType.LETTER_CHANGED, LetterChanged.class, letters::heardOf));
  }
}
