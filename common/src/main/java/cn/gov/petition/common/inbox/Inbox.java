package cn.gov.petition.common.inbox;

import cn.gov.petition.common.outbox.EventIds;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.tracing.EventTracing;
import cn.gov.petition.common.tx.DatabaseUnavailable;
import cn.gov.petition.contracts.EventType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The receiving side of every event (收件箱): takes the records of one poll, applies each event at
 * most once per consumer, and acknowledges them, so that Kafka's offsets move only past what the
 * database holds.
 *
 * <p>A poll is applied in one transaction (one commit for many events: docs/adr/0012). If that
 * fails, each record is applied again in a transaction of its own, and only the records that fail
 * on their own are counted and sent to the dead-letter topic with the reason, so one bad event
 * never holds back or takes down its neighbours. The poll's event ids are recorded in one
 * statement, and the events it publishes written in one batch (docs/adr/0022). Each event is
 * applied in a span under the one that published it, so its trace goes on (EventTracing).
 */
@ApplicationScoped
public class Inbox {

  private static final Logger LOG = Logger.getLogger(Inbox.class);

  /**
   * How many events' rows are flushed together: {@code
   * quarkus.hibernate-orm.jdbc.statement-batch-size}, so that their inserts into one table go in
   * one JDBC batch.
   */
  private static final int FLUSH_EVERY = 16;

  /** What a poll returns when the service stops while it waits: never settled, so redelivered. */
  private static final CompletionStage<Void> STOPPING = new CompletableFuture<>();

  private final EntityManager entityManager;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final TransactionSynchronizationRegistry transactions;
  private final Outbox outbox;
  private final EventTracing tracing;

  public Inbox(
      EntityManager entityManager,
      ObjectMapper json,
      MeterRegistry metrics,
      TransactionSynchronizationRegistry transactions,
      Outbox outbox,
      EventTracing tracing) {
    this.tracing = tracing;
    this.entityManager = entityManager;
    this.json = json;
    this.metrics = metrics;
    this.transactions = transactions;
    this.outbox = outbox;
  }

  /** What a consumer does with each event type it takes; built with {@link Inbox#on}. */
  public static final class Handlers {

    private final List<Handler<?>> handlers;

    private Handlers(List<Handler<?>> handlers) {
      this.handlers = handlers;
    }

    /** Also applies {@code action} to the data of the events of {@code type}. */
    public <T extends Record> Handlers on(EventType type, Class<T> data, Consumer<T> action) {
      List<Handler<?>> more = new ArrayList<>(handlers);
      more.add(new Handler<>(type, data, action));
      return new Handlers(List.copyOf(more));
    }
  }

  private record Handler<T extends Record>(EventType type, Class<T> data, Consumer<T> action) {}

  /** The events of {@code type} a consumer takes, and what it does with their data. */
  public static <T extends Record> Handlers on(EventType type, Class<T> data, Consumer<T> action) {
    return new Handlers(List.of()).on(type, data, action);
  }

  /**
   * Applies each event of a poll that one of the {@code handlers} takes, once per consumer, and
   * acknowledges each record once it is applied or dead-lettered; events of other types are
   * skipped.
   *
   * @param consumer names the consumer: in the record of the events it applied, the failure metric
   *     and the log
   */
  public CompletionStage<Void> receive(
      String consumer, KafkaRecordBatch<String, CloudEvent> batch, Handlers handlers) {
    return receive(
        consumer,
        batch,
        event -> handlers.handlers.forEach(handler -> apply(consumer, event, handler)));
  }

  private <T extends Record> void apply(String consumer, CloudEvent event, Handler<T> handler) {
    apply(consumer, event, handler.type(), handler.data(), handler.action());
  }

  private CompletionStage<Void> receive(
      String consumer, KafkaRecordBatch<String, CloudEvent> batch, Consumer<CloudEvent> handler) {
    try {
      if (!whenTheDatabaseTakesIt(
          consumer,
          () ->
              QuarkusTransaction.requiringNew()
                  .run(() -> applyAll(consumer, batch.getRecords(), handler)))) {
        return STOPPING;
      }
      return batch.ack();
    } catch (RuntimeException batchFailure) {
      LOG.debugf(
          "%s could not apply a poll of %d records together, applying them one at a time: %s",
          consumer, batch.getRecords().size(), batchFailure.toString());
    }
    CompletionStage<Void> done = CompletableFuture.completedFuture(null);
    for (KafkaRecord<String, CloudEvent> record : batch.getRecords()) {
      CompletionStage<Void> settled;
      try {
        if (!whenTheDatabaseTakesIt(
            consumer,
            () ->
                QuarkusTransaction.requiringNew()
                    .run(() -> applyAll(consumer, Collections.singletonList(record), handler)))) {
          return STOPPING;
        }
        settled = record.ack();
      } catch (RuntimeException e) {
        CloudEvent event = record.getPayload();
        String type = event == null ? "unreadable" : event.getType();
        metrics.counter("petition.events.failed", "consumer", consumer, "type", type).increment();
        LOG.errorf(
            "%s could not apply event %s (%s): %s",
            consumer,
            event == null ? "on " + record.getTopic() : event.getId(),
            type,
            e.toString());
        settled = record.nack(e);
      }
      CompletionStage<Void> next = settled;
      done = done.thenCompose(ignored -> next);
    }
    return done;
  }

  /**
   * Runs the work, and while it fails because the database cannot take work now ({@link
   * DatabaseUnavailable}: read-only, full, unreachable), waits and runs it again: 1 s, doubling to
   * 30 s. Such events are never dead-lettered: they are not wrong, and nothing of them was written.
   * The consumer holds its poll meanwhile (the connector pauses fetching, the offsets stay), and
   * {@code petition.events.waiting} counts each wait.
   *
   * @return false when the service stops while waiting: the poll is then neither acknowledged nor
   *     dead-lettered, and is delivered again after the start
   */
  private boolean whenTheDatabaseTakesIt(String consumer, Runnable work) {
    long waitMillis = 1_000;
    while (true) {
      try {
        work.run();
        return true;
      } catch (RuntimeException e) {
        String why = DatabaseUnavailable.why(e).orElseThrow(() -> e);
        metrics.counter("petition.events.waiting", "consumer", consumer, "reason", why).increment();
        LOG.warnf(
            "%s waits for the database (%s); applying the poll again in %d ms",
            consumer, why, waitMillis);
        try {
          Thread.sleep(waitMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
        waitMillis = Math.min(waitMillis * 2, 30_000);
      }
    }
  }

  /**
   * In the current transaction: records the events' ids for the consumer in one statement (the
   * events seen before are left out by {@link #firstDelivery}), applies each, writes the events
   * they publish in one batch, and forgets the ids of the events none applied.
   */
  private void applyAll(
      String consumer,
      List<KafkaRecord<String, CloudEvent>> records,
      Consumer<CloudEvent> handler) {
    Claimed claimed =
        new Claimed(consumer, claim(consumer, records.stream().map(KafkaRecord::getPayload)));
    transactions.putResource(Claimed.class, claimed);
    outbox.collect();
    int applied = 0;
    for (KafkaRecord<String, CloudEvent> record : records) {
      applyTraced(consumer, record, handler);
      // every few events the rows go out (in JDBC batches) and leave the session, so that the
      // session does not grow with the poll (every query would dirty-check all of it again)
      if (++applied % FLUSH_EVERY == 0) {
        entityManager.flush();
        entityManager.clear();
      }
    }
    entityManager.flush();
    outbox.writeCollected();
    release(consumer, claimed.fresh());
  }

  /** Applies one record's event in a span under the one that published it. */
  private void applyTraced(
      String consumer, KafkaRecord<String, CloudEvent> record, Consumer<CloudEvent> handler) {
    CloudEvent event = record.getPayload();
    Span span =
        tracing.startApplying(
            consumer,
            event == null ? "unreadable" : event.getType(),
            record.getKey(),
            record.getHeaders());
    try (Scope applying = span.makeCurrent()) {
      handler.accept(event);
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  /**
   * The event ids this consumer had not recorded before, now recorded (one statement for a poll).
   */
  private Set<String> claim(String consumer, Stream<CloudEvent> events) {
    Object[] ids = events.filter(Objects::nonNull).map(CloudEvent::getId).toArray();
    if (ids.length == 0) {
      return new HashSet<>();
    }
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::text[])"
                          + " ON CONFLICT DO NOTHING RETURNING event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", ids));
                Set<String> fresh = new HashSet<>();
                try (ResultSet inserted = insert.executeQuery()) {
                  while (inserted.next()) {
                    fresh.add(inserted.getString(1));
                  }
                }
                return fresh;
              }
            });
  }

  /**
   * Forgets the ids claimed for events the consumer did not apply (types it does not take), so that
   * {@code processed_event} holds only what was applied, as when each id was recorded on its own.
   */
  private void release(String consumer, Set<String> unapplied) {
    if (unapplied.isEmpty()) {
      return;
    }
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement delete =
                  connection.prepareStatement(
                      "DELETE FROM processed_event WHERE consumer = ? AND event_id = ANY (?)")) {
                delete.setString(1, consumer);
                delete.setArray(2, connection.createArrayOf("text", unapplied.toArray()));
                delete.executeUpdate();
              }
            });
  }

  /** The ids of a poll's events a consumer had not recorded before ({@link #applyAll}). */
  private record Claimed(String consumer, Set<String> fresh) {}

  /**
   * Applies {@code handler} to the event's data if this consumer has not applied this event id
   * before. Events of other types are skipped.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  <T extends Record> void apply(
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
    T data = read(event, dataClass);
    EventIds.derivedFrom(consumer + ":" + event.getId(), () -> handler.accept(data));
  }

  /** Records the event id; false if this consumer has seen it already. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(String consumer, String eventId) {
    Claimed claimed = (Claimed) transactions.getResource(Claimed.class);
    if (claimed != null && claimed.consumer().equals(consumer)) {
      // recorded with its poll; taken out so that a second copy in the same poll is skipped
      return claimed.fresh().remove(eventId);
    }
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
