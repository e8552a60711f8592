package cn.gov.petition.supervision.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.BacklogChanged;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.LetterChanged;
import cn.gov.petition.contracts.ListingChanged;
import cn.gov.petition.supervision.Backlog;
import cn.gov.petition.supervision.Letters;
import cn.gov.petition.supervision.Listings;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the supervision acts other nodes address to units of this node's subtree, from the
 * broadcast: letters (Letters#heardOf), backlog entries (Backlog#heardOf) and listings
 * (Listings#heardOf). The node's own come back on it too and are skipped there.
 */
@ApplicationScoped
public class SupervisionEventConsumer {

  private final Inbox inbox;
  private final Letters letters;
  private final Backlog backlog;
  private final Listings listings;

  public SupervisionEventConsumer(
      Inbox inbox, Letters letters, Backlog backlog, Listings listings) {
    this.inbox = inbox;
    this.letters = letters;
    this.backlog = backlog;
    this.listings = listings;
  }

  @Incoming("supervision-events")
  @Blocking
  public CompletionStage<Void> onSupervisionEvents(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "supervision-elsewhere",
        batch,
        Inbox.on(EventType.LETTER_CHANGED, LetterChanged.class, letters::heardOf)
            .on(EventType.BACKLOG_CHANGED, BacklogChanged.class, backlog::heardOf)
            .on(EventType.LISTING_CHANGED, ListingChanged.class, listings::heardOf));
  }
}
