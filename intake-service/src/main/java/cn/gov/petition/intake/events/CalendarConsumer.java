package cn.gov.petition.intake.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.common.outbox.CompactedTopics;
import cn.gov.petition.contracts.CalendarPublished;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.intake.CalendarNotices;
import cn.gov.petition.intake.Calendars;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The official calendar on every node: at start, version 1 is stored if the node has none and
 * whatever a stored version moves but was not recounted (a stop mid-way) is recounted; the versions
 * loaded at the province's node arrive on the calendar topic ({@link CalendarNotices#receive}); and
 * every few minutes a step written with an older version while a new one was being stored is
 * recounted.
 */
@ApplicationScoped
public class CalendarConsumer {

  private final Inbox inbox;
  private final CalendarNotices notices;
  private final Calendars calendars;
  private final Map<String, Object> kafkaConfig;

  public CalendarConsumer(
      Inbox inbox,
      CalendarNotices notices,
      Calendars calendars,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.inbox = inbox;
    this.notices = notices;
    this.calendars = calendars;
    this.kafkaConfig = kafkaConfig;
  }

  void onStart(@Observes StartupEvent event) {
    CompactedTopics.create(kafkaConfig, Topics.CALENDAR);
    calendars.refresh();
    catchUp();
  }

  @Scheduled(every = "5m", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void catchUp() {
    QuarkusTransaction.requiringNew().call(notices::catchUp);
  }

  @Incoming("calendar")
  @Blocking
  public CompletionStage<Void> onCalendar(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "intake",
        batch,
        Inbox.on(EventType.CALENDAR_PUBLISHED, CalendarPublished.class, notices::receive));
  }
}
