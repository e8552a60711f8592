package cn.gov.petition.common.inbox;

import cn.gov.petition.common.events.EventType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The receiving side of every event (收件箱): applies an event at most once per consumer, in the
 * caller's transaction, and counts failures, which the messaging layer then sends to the
 * dead-letter topic with the reason.
 */
@ApplicationScoped
public class Inbox {

  private static final Logger LOG = Logger.getLogger(Inbox.class);

  private final EntityManager entityManager;
  private final ObjectMapper json;
  private final MeterRegistry metrics;

  public Inbox(EntityManager entityManager, ObjectMapper json, MeterRegistry metrics) {
    this.entityManager = entityManager;
    this.json = json;
    this.metrics = metrics;
  }

  /**
   * Applies {@code handler} to the event's data if this consumer has not applied this event id
   * before. Events of other types are recorded and skipped.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <T extends Record> void apply(
      String consumer,
      CloudEvent event,
      EventType expected,
      Class<T> dataClass,
      Consumer<T> handler) {
    if (!expected.type().equals(event.getType())) {
      return;
    }
    if (!firstDelivery(consumer, event.getId())) {
      LOG.debugf("%s skips event %s, already applied", consumer, event.getId());
      return;
    }
    try {
      handler.accept(read(event, dataClass));
    } catch (RuntimeException e) {
      metrics
          .counter("petition.events.failed", "consumer", consumer, "type", event.getType())
          .increment();
      LOG.errorf(
          "%s could not apply event %s (%s): %s",
          consumer, event.getId(), event.getType(), e.toString());
      throw e;
    }
  }

  /** Records the event id; false if this consumer has seen it already. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, String eventId) {
    int inserted =
        entityManager
            .createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :id) "
                    + "ON CONFLICT DO NOTHING")
            .setParameter("consumer", consumer)
            .setParameter("id", eventId)
            .executeUpdate();
    return inserted == 1;
  }

  private <T> T read(CloudEvent event, Class<T> dataClass) {
    if (event.getData() == null) {
      throw new IllegalArgumentException("event " + event.getId() + " has no data");
    }
    try {
      return json.readValue(event.getData().toBytes(), dataClass);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "event " + event.getId() + " data is not a valid " + dataClass.getSimpleName(), e);
    }
  }
}
