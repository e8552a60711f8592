package cn.gov.petition.intake.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.AttachmentHandedOff;
import cn.gov.petition.contracts.CaseHandedOff;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.HandoffAccepted;
import cn.gov.petition.intake.AttachmentTransfers;
import cn.gov.petition.intake.Handoffs;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads this node's handoff topic: case files and their attachments handed here, and receipts for
 * those handed away.
 */
@ApplicationScoped
public class HandoffConsumer {

  private final Inbox inbox;
  private final Handoffs handoffs;
  private final AttachmentTransfers transfers;

  public HandoffConsumer(Inbox inbox, Handoffs handoffs, AttachmentTransfers transfers) {
    this.transfers = transfers;
    this.inbox = inbox;
    this.handoffs = handoffs;
  }

  @Incoming("handoffs")
  @Blocking
  public CompletionStage<Void> onHandoff(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "intake",
        batch,
        Inbox.on(EventType.CASE_HANDED_OFF, CaseHandedOff.class, handoffs::receive)
            .on(EventType.HANDOFF_ACCEPTED, HandoffAccepted.class, handoffs::accepted)
            .on(EventType.ATTACHMENT_HANDED_OFF, AttachmentHandedOff.class, transfers::received));
  }
}
