package cn.gov.petition.common.outbox;

import cn.gov.petition.common.events.EventType;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.cloudevents.core.message.Encoding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka as CloudEvents 1.0 records in binary content mode (attributes
 * in {@code ce_*} headers, JSON data as the value), keyed by aggregate id, and deletes each row
 * once the broker has acknowledged it.
 *
 * <p>If Kafka is unreachable the rows stay and are tried again on the next tick, so nothing is
 * lost; a row whose acknowledgement was lost may be published twice, which consumers absorb by
 * event id (docs/adr/0003-transactional-outbox.md).
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final int BATCH = 200;

  private final OutboxRepository repository;
  private final Map<String, Object> kafkaConfig;
  private final URI source;
  private final Counter published;
  private final Counter failures;
  private volatile Producer<String, CloudEvent> producer;

  public OutboxRelay(
      OutboxRepository repository,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "quarkus.application.name") String service,
      @ConfigProperty(name = "petition.node.region", defaultValue = "53") String nodeRegion,
      MeterRegistry metrics) {
    this.repository = repository;
    this.kafkaConfig = kafkaConfig;
    this.source = URI.create("/petition/node/" + nodeRegion + "/" + service);
    this.published = metrics.counter("petition.outbox.published");
    this.failures = metrics.counter("petition.outbox.publish.failures");
  }

  @Scheduled(
      every = "${petition.outbox.interval:0.25s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void relay() {
    while (QuarkusTransaction.requiringNew().call(this::publishBatch) == BATCH) {
      // a full batch: more may be waiting
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
      try {
        sends.add(producer().send(record(event)));
      } catch (RuntimeException e) {
        sends.add(java.util.concurrent.CompletableFuture.failedFuture(e));
      }
    }
    int done = 0;
    for (int i = 0; i < batch.size(); i++) {
      OutboxEvent event = batch.get(i);
      try {
        sends.get(i).get(30, TimeUnit.SECONDS);
        repository.delete(event);
        done++;
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        event.attempts++;
        event.lastError = String.valueOf(e.getMessage());
        failures.increment();
        LOG.warnf("Event %s (%s) not published yet, attempt %d: %s",
            event.eventId, event.eventType, event.attempts, e.getMessage());
      }
    }
    published.increment(done);
    return done == batch.size() ? done : 0;
  }

  private ProducerRecord<String, CloudEvent> record(OutboxEvent event) {
    CloudEvent cloudEvent =
        CloudEventBuilder.v1()
            .withId(event.eventId.toString())
            .withType(event.eventType)
            .withSource(source)
            .withSubject(event.subject)
            .withTime(event.occurredAt.atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withDataSchema(URI.create(EventType.ofType(event.eventType)
                .map(EventType::dataSchema).orElse("urn:unknown")))
            .withData(event.payload.getBytes(StandardCharsets.UTF_8))
            .build();
    return new ProducerRecord<>(event.topic, event.aggregateId, cloudEvent);
  }

  private Producer<String, CloudEvent> producer() {
    if (producer == null) {
      synchronized (this) {
        if (producer == null) {
          Map<String, Object> config = new HashMap<>(kafkaConfig);
          config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
          config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
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

  @PreDestroy
  void close() {
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
    }
  }
}
