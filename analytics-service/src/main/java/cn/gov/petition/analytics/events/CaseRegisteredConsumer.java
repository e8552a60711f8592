package cn.gov.petition.analytics.events;

import cn.gov.petition.analytics.store.VolumeRepository;
import cn.gov.petition.common.events.CaseRegistered;
import cn.gov.petition.common.events.EventType;
import cn.gov.petition.common.inbox.Inbox;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts every registered case by the day it was received, its matter region and channel. */
@ApplicationScoped
public class CaseRegisteredConsumer {

  private final Inbox inbox;
  private final VolumeRepository volumes;

  public CaseRegisteredConsumer(Inbox inbox, VolumeRepository volumes) {
    this.inbox = inbox;
    this.volumes = volumes;
  }

  @Incoming("case-events")
  @Blocking
  public CompletionStage<Void> onCaseEvent(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "analytics",
        batch,
        event ->
            inbox.apply(
                "analytics",
                event,
                EventType.CASE_REGISTERED,
                CaseRegistered.class,
                registered ->
                    volumes.count(
                        registered.receivedOn(),
                        registered.matterRegionCode(),
                        registered.channel(),
                        registered.personCount())));
  }
}
