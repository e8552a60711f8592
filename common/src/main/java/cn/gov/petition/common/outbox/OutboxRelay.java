package cn.gov.petition.common.outbox;

import cn.gov.petition.common.journal.Journal;
import cn.gov.petition.common.tracing.EventTracing;
import cn.gov.petition.contracts.EventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka as CloudEvents 1.0 records in binary content mode (attributes in
 * {@code ce_*} headers, JSON data as the value), keyed by aggregate id, and deletes each row once
 * the broker has acknowledged it.
 *
 * <p>If Kafka is unreachable the rows stay and are tried again on the next tick, so nothing is
 * lost; a row whose acknowledgement was lost may be published twice, which consumers absorb by
 * event id (docs/adr/0003-transactional-outbox.md). Each record is published in the trace of the
 * transaction that wrote it (EventTracing).
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final int BATCH = 200;

  private final OutboxRepository repository;
  private final Map<String, Object> kafkaConfig;
  private final URI source;
  private final Journal journal;
  private final Counter published;
  private final Counter failures;
  private final Duration pollInterval;
  private final EventTracing tracing;
  private final Semaphore wakeUps = new Semaphore(0);
  private volatile Producer<String, CloudEvent> producer;
  private volatile boolean running;
  private Thread worker;

  public OutboxRelay(
      OutboxRepository repository,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "quarkus.application.name") String service,
      @ConfigProperty(name = "petition.node.region", defaultValue = "53") String nodeRegion,
      @ConfigProperty(name = "petition.outbox.poll-interval", defaultValue = "PT0.5S")
          Duration pollInterval,
      MeterRegistry metrics,
      EventTracing tracing,
      Journal journal) {
    this.tracing = tracing;
    this.journal = journal;
    this.pollInterval = pollInterval;
    this.repository = repository;
    this.kafkaConfig = kafkaConfig;
    this.source = URI.create("/petition/node/" + nodeRegion + "/" + service);
    this.published = metrics.counter("petition.outbox.published");
    this.failures = metrics.counter("petition.outbox.publish.failures");
    metrics.gauge("petition.outbox.backlog", backlogEvents);
    metrics.gauge("petition.outbox.oldest.age.seconds", oldestAgeSeconds);
  }

  /** Events waiting in the outbox, as of the relay's last look (at most 5 s ago). */
  private final java.util.concurrent.atomic.AtomicLong backlogEvents =
      new java.util.concurrent.atomic.AtomicLong();

  /** Age of the oldest waiting event, in seconds; 0 when none waits. */
  private final java.util.concurrent.atomic.AtomicLong oldestAgeSeconds =
      new java.util.concurrent.atomic.AtomicLong();

  private long backlogMeasuredAt;

  /** Measures the backlog for the gauges, at most every 5 s (the relay's thread, not a scrape). */
  private void measureBacklog() {
    long now = System.nanoTime();
    if (now - backlogMeasuredAt < 5_000_000_000L && backlogMeasuredAt != 0) {
      return;
    }
    backlogMeasuredAt = now;
    OutboxRepository.Backlog backlog = QuarkusTransaction.requiringNew().call(repository::backlog);
    backlogEvents.set(backlog.events());
    oldestAgeSeconds.set(
        backlog.oldest() == null
            ? 0
            : Math.max(0, Duration.between(backlog.oldest(), java.time.Instant.now()).toSeconds()));
  }

  /** Starts the relay thread with the application. */
  void onStart(@Observes StartupEvent event) {
    running = true;
    worker = new Thread(this::run, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Asks the relay to look now rather than at its next tick: called after a transaction that wrote
   * to the outbox commits, so an event normally leaves within milliseconds.
   */
  public void wakeUp() {
    wakeUps.release();
  }

  private void run() {
    while (running) {
      try {
        measureBacklog();
      } catch (RuntimeException e) {
        LOG.debugf("Outbox backlog not measured: %s", e.toString());
      }
      try {
        int published;
        do {
          published = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (published == BATCH && running);
        // the poll is the fallback for rows left by a crash or written by another replica
        wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warnf("Outbox relay pass failed, trying again: %s", e.toString());
        sleepQuietly(Duration.ofSeconds(1));
      }
    }
  }

  private void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Publishes one batch; returns how many rows were published. */
  int publishBatch() {
    List<OutboxEvent> batch = repository.lockOldest(BATCH);
    if (batch.isEmpty()) {
      return 0;
    }
    List<Future<?>> sends = new ArrayList<>(batch.size());
    for (OutboxEvent event : batch) {
      RecordHeaders headers = new RecordHeaders();
      Span span =
          tracing.startPublishing(
              event.traceParent(), event.topic(), event.eventType(), event.aggregateId(), headers);
      try {
        sends.add(
            producer()
                .send(
                    record(event, headers),
                    (metadata, failure) -> {
                      if (failure != null) {
                        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                      }
                      span.end();
                    }));
      } catch (RuntimeException e) {
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        span.end();
        sends.add(java.util.concurrent.CompletableFuture.failedFuture(e));
      }
    }
    List<Long> published = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      OutboxEvent event = batch.get(i);
      try {
        sends.get(i).get(30, TimeUnit.SECONDS);
        published.add(event.id());
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        repository.recordFailure(event.id(), String.valueOf(e.getMessage()));
        failures.increment();
        LOG.warnf(
            "Event %s (%s) not published yet, attempt %d: %s",
            event.eventId(), event.eventType(), event.attempts() + 1, e.getMessage());
      }
    }
    if (!published.isEmpty()) {
      repository.deleteAll(published);
    }
    this.published.increment(published.size());
    return published.size() == batch.size() ? published.size() : 0;
  }

  /**
   * The record of an outbox row: its event as a CloudEvent on its topic. A journaled row (ADR 37)
   * goes to this node's journal topic of this service, sealed with the node's field key.
   */
  private ProducerRecord<String, CloudEvent> record(OutboxEvent event, RecordHeaders headers) {
    boolean journaled = Journal.EVENT_TYPE.equals(event.eventType());
    CloudEvent cloudEvent =
        CloudEventBuilder.v1()
            .withId(event.eventId().toString())
            .withType(event.eventType())
            .withSource(source)
            .withSubject(event.subject())
            .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
            .withDataContentType(journaled ? "text/plain" : "application/json")
            .withDataSchema(
                URI.create(
                    EventType.ofType(event.eventType())
                        .map(EventType::dataSchema)
                        .orElse("urn:unknown")))
            .withData(
                journaled
                    ? journal.seal(event.payload())
                    : event.payload().getBytes(StandardCharsets.UTF_8))
            .build();
    return new ProducerRecord<>(
        journaled ? journal.topic() : event.topic(),
        null,
        event.aggregateId(),
        cloudEvent,
        headers);
  }

  private Producer<String, CloudEvent> producer() {
    if (producer == null) {
      synchronized (this) {
        if (producer == null) {
          Map<String, Object> config = new HashMap<>(kafkaConfig);
          config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
          config.put(
              ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
          config.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY.name());
          config.put(ProducerConfig.ACKS_CONFIG, "all");
          config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
          config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
          config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
          config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
          config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
          config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + source.getPath());
          producer = new KafkaProducer<>(config);
        }
      }
    }
    return producer;
  }

  /** Stops the relay thread as shutdown begins, before the database connections close. */
  void onStop(@Observes ShutdownEvent event) {
    close();
  }

  @PreDestroy
  synchronized void close() {
    running = false;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    worker = null;
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
      producer = null;
    }
  }
}
